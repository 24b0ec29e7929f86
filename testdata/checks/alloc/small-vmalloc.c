// vmalloc-family allocations of less than a page.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

struct foo_stats {
	u64 rx;
	u64 tx;
	u64 errors;
};

struct foo_priv {
	struct foo_stats *stats;
};

/* A local released here: vzalloc -> kzalloc and vfree -> kfree. */
static u64 sum_stats(void)
{
	struct foo_stats *s = vzalloc(sizeof(*s)); // expect-note: vzalloc() of 24 bytes: vmalloc maps whole pages [alloc.small-vmalloc] // expect-fix: use kzalloc() and release it with kfree()
	u64 total;

	if (!s)
		return 0;
	total = s->rx + s->tx;
	vfree(s);
	return total;
}

/* Stored in a field: no fix, the releases are elsewhere. */
static int foo_init_stats(struct foo_priv *priv)
{
	priv->stats = vmalloc(sizeof(struct foo_stats)); // expect-note: vmalloc() of 24 bytes [alloc.small-vmalloc] // expect-fix: none
	return priv->stats ? 0 : -ENOMEM;
}

MODULE_LICENSE("GPL");
