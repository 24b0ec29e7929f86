// The twin of sleep-param-conditional_ok.c: the constant passed under the
// lock selects the sleeping branch, or the helper also sleeps where no
// parameter decides it.
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
	if (mode == 0) {
		msleep(1);
		return;
	}
	msleep(10);
}

static void tree_insert(struct tree *t)
{
	spin_lock(&t->lock);
	t->spare = alloc_node(true); // expect-warning: alloc_node() may sleep (GFP_KERNEL | __GFP_NOFAIL allows direct reclaim) in atomic context (spinlock) [atomic.sleep]
	settle(t, 0); // expect-warning: settle() may sleep (sleeps) in atomic context (spinlock) [atomic.sleep]
	spin_unlock(&t->lock);
}

MODULE_LICENSE("GPL");
