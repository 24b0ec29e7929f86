// Physically contiguous allocations above PAGE_ALLOC_COSTLY_ORDER (32 KiB
// with 4 KiB pages) whose memory nothing needs contiguous.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/device.h>

#define TABLE_ENTRIES 8192

struct lookup_entry {
	u32 key;
	u32 value;
};

struct big_state {
	struct lookup_entry table[TABLE_ENTRIES];
	int count;
};

struct foo_priv {
	struct lookup_entry *table;
	struct big_state *state;
};

/* A table only the CPU reads, released in the same function: a sure fix. */
static int build_table(void)
{
	struct lookup_entry *t;
	int i, sum = 0;

	t = kmalloc(TABLE_ENTRIES * sizeof(*t), GFP_KERNEL); // expect-note: kmalloc() of 64 KiB needs an order-4 physically contiguous block [alloc.high-order] // expect-fix: use kvmalloc() and release it with kvfree()
	if (!t)
		return -ENOMEM;
	for (i = 0; i < TABLE_ENTRIES; i++)
		sum += t[i].value;
	kfree(t);
	return sum;
}

/* Kept in a field: the releases elsewhere cannot all be seen, no fix. */
static int foo_setup(struct foo_priv *priv)
{
	priv->state = kzalloc(sizeof(*priv->state), GFP_KERNEL); // expect-note: kzalloc() of 65540 bytes needs an order-5 [alloc.high-order] // expect-fix: none
	if (!priv->state)
		return -ENOMEM;
	priv->table = kcalloc(TABLE_ENTRIES, sizeof(struct lookup_entry), GFP_KERNEL); // expect-note: kcalloc() of 64 KiB needs an order-4 [alloc.high-order]
	if (!priv->table) {
		kfree(priv->state);
		return -ENOMEM;
	}
	return 0;
}

/* Order 5 pages, nothing to fall back on. */
static unsigned long grab_pages(void)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 5); // expect-note: __get_free_pages() of order 5 (128 KiB) is above PAGE_ALLOC_COSTLY_ORDER (3) [alloc.high-order]

	return addr;
}

/* devres has no kvmalloc variant: the note, without a replacement. */
static int foo_probe_like(struct device *dev)
{
	struct big_state *s = devm_kzalloc(dev, sizeof(*s), GFP_KERNEL); // expect-note: devres has no kvmalloc variant [alloc.high-order] // expect-fix: none

	if (!s)
		return -ENOMEM;
	s->count = 1;
	return 0;
}

MODULE_LICENSE("GPL");
