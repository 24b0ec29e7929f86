// Helpers whose sleep is not in their caller's atomic context:
// - one that drops the caller's lock around the sleep and takes it again
//   (6.1 drivers/mmc/host/sdhci.c:1766-1772, sdhci_send_command_retry());
// - lazy initialization that allocates only while a field of the caller's
//   object is unset (6.1 drivers/input/input.c:476-481, input_alloc_absinfo()).
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/delay.h>

struct demo {
	spinlock_t lock;
	int *table;
	int busy;
};

/* Called with d->lock held; returns with it held. */
static void wait_not_busy(struct demo *d, unsigned long *flags)
{
	while (d->busy) {
		spin_unlock_irqrestore(&d->lock, *flags);
		msleep(1);
		spin_lock_irqsave(&d->lock, *flags);
	}
}

static void alloc_table(struct demo *d)
{
	if (d->table)
		return;
	d->table = kcalloc(64, sizeof(int), GFP_KERNEL);
}

static void set_entry(struct demo *d, int i, int v)
{
	alloc_table(d);
	if (d->table)
		d->table[i] = v;
}

static void submit(struct demo *d)
{
	unsigned long flags;

	spin_lock_irqsave(&d->lock, flags);
	wait_not_busy(d, &flags);
	set_entry(d, 0, 1);
	spin_unlock_irqrestore(&d->lock, flags);
}

MODULE_LICENSE("GPL");
