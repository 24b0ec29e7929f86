// The twin of sleep-context-aware_ok.c: the helper asks only whether it is
// in interrupt context, which a plain spinlock does not make true, so under
// the caller's lock it still sleeps.
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/preempt.h>
#include <linux/delay.h>
#include <linux/errno.h>

struct guc {
	spinlock_t lock;
	int busy;
};

int guc_send_nb(struct guc *guc);

static int guc_send_wait(struct guc *guc)
{
	int err = guc_send_nb(guc);

	if (err == -EBUSY && !in_interrupt())
		msleep(1);
	return err;
}

int guc_revoke(struct guc *guc)
{
	int err;

	spin_lock(&guc->lock);
	err = guc_send_wait(guc); // expect-warning: guc_send_wait() may sleep (sleeps) in atomic context (spinlock) [atomic.sleep]
	spin_unlock(&guc->lock);
	return err;
}

MODULE_LICENSE("GPL");
