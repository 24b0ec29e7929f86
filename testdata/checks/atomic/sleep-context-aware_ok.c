// A helper that asks for its context and sleeps only outside atomic
// context (i915's intel_guc_send_busy_loop(): `bool not_atomic =
// !in_atomic() && !irqs_disabled();`, msleep() or cpu_relax()), called
// under a spinlock with IRQs off: it busy-waits there, nothing sleeps.
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
void cpu_relax(void);

static inline int guc_send_busy_loop(struct guc *guc)
{
	bool not_atomic = !in_atomic() && !irqs_disabled();
	int err;

retry:
	err = guc_send_nb(guc);
	if (err == -EBUSY) {
		if (not_atomic)
			msleep(1);
		else
			cpu_relax();
		goto retry;
	}
	return err;
}

int guc_revoke(struct guc *guc)
{
	unsigned long flags;
	int err;

	spin_lock_irqsave(&guc->lock, flags);
	err = guc_send_busy_loop(guc);
	spin_unlock_irqrestore(&guc->lock, flags);
	return err;
}

MODULE_LICENSE("GPL");
