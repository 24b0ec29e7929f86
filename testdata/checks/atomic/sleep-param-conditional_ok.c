// A helper that sleeps only when an integer parameter allows it, called
// under a lock with a constant that rules the sleeping branch out (the
// shape of ext4's __es_alloc_extent(bool nofail): GFP_ATOMIC under the
// lock, GFP_KERNEL | __GFP_NOFAIL only for the preallocation before it).
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/delay.h>

struct tree {
	spinlock_t lock;
	void *spare;
};

static void *alloc_node(bool nofail)
{
	if (!nofail)
		return kmalloc(32, GFP_ATOMIC);
	return kmalloc(32, GFP_KERNEL | __GFP_NOFAIL);
}

static void settle(struct tree *t, int mode)
{
	if (mode == 0)
		return;
	msleep(10);
}

static void insert(struct tree *t, void *prealloc)
{
	if (prealloc) {
		t->spare = prealloc;
		return;
	}
	t->spare = alloc_node(false);
}

static void tree_insert(struct tree *t)
{
	void *prealloc = alloc_node(true);

	spin_lock(&t->lock);
	insert(t, prealloc);
	settle(t, 0);
	spin_unlock(&t->lock);
}

MODULE_LICENSE("GPL");
