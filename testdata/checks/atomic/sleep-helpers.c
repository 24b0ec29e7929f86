// Twin of atomic_helpers_ok.c: helpers whose sleep does happen in their
// caller's atomic context are still reported.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/delay.h>

struct demo {
	spinlock_t lock;
	spinlock_t other;
	int *table;
	int busy;
};

/* Drops a lock of its own, not the caller's: still sleeps under it. */
static void wait_not_busy(struct demo *d)
{
	spin_lock(&d->other);
	spin_unlock(&d->other);
	while (d->busy)
		msleep(1);
}

/* Allocates whatever the field holds: not lazy initialization. */
static void alloc_table(struct demo *d)
{
	d->table = kcalloc(64, sizeof(int), GFP_KERNEL);
}

static void submit(struct demo *d)
{
	unsigned long flags;

	spin_lock_irqsave(&d->lock, flags);
	wait_not_busy(d); // expect-warning: wait_not_busy() may sleep (sleeps) in atomic context (spinlock with IRQs disabled) [atomic.sleep]
	alloc_table(d); // expect-warning: alloc_table() may sleep (GFP_KERNEL allows direct reclaim) in atomic context (spinlock with IRQs disabled) [atomic.sleep]
	spin_unlock_irqrestore(&d->lock, flags);
}

MODULE_LICENSE("GPL");
