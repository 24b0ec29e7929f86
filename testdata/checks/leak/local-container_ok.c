// An object a helper stores in a kernel container (xa_alloc(), idr_alloc())
// lives there; returning it does not make the helper an allocator whose
// caller must free the result (ice_irq.c's ice_get_irq_res() in 6.12).
#include <linux/module.h>
#include <linux/slab.h>

struct xarray { void *head; };
struct xa_limit { u32 max, min; };
int xa_alloc(struct xarray *xa, u32 *id, void *entry, struct xa_limit limit,
	     gfp_t gfp);

struct demo_entry { u32 index; };
static struct xarray demo_tracker;

static struct demo_entry *demo_get_entry(void)
{
	struct xa_limit limit = { .max = 63, .min = 0 };
	struct demo_entry *entry = kzalloc(sizeof(*entry), GFP_KERNEL);
	u32 index;

	if (!entry)
		return NULL;
	if (xa_alloc(&demo_tracker, &index, entry, limit, GFP_KERNEL)) {
		kfree(entry);
		return NULL;
	}
	entry->index = index;
	return entry;
}

int demo_alloc_irq(void)
{
	struct demo_entry *entry = demo_get_entry();

	if (!entry)
		return -ENOMEM;
	return entry->index;
}
