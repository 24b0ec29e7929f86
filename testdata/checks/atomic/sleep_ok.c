// Correct twins of atomic_sleep.c: atomic allocations under locks, sleeping
// after the unlock, on the failed-trylock branch, in a threaded IRQ handler,
// and behind in_atomic()/irqs_disabled() tests.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/timer.h>
#include <linux/preempt.h>

struct demo {
	spinlock_t lock;
	struct mutex mtx;
	struct timer_list timer;
	void *buf;
	int irq;
};

static void under_spinlock(struct demo *d)
{
	spin_lock(&d->lock);
	d->buf = kzalloc(64, GFP_ATOMIC);
	spin_unlock(&d->lock);
}

static void sleep_after_unlock(struct demo *d)
{
	unsigned long flags;

	spin_lock_irqsave(&d->lock, flags);
	d->buf = NULL;
	spin_unlock_irqrestore(&d->lock, flags);
	d->buf = vmalloc(4096);
	mutex_lock(&d->mtx);
	mutex_unlock(&d->mtx);
}

static void trylock_failed(struct demo *d)
{
	if (!spin_trylock(&d->lock)) {
		msleep(1); /* the lock is not held here */
		return;
	}
	d->buf = kmalloc(8, GFP_NOWAIT);
	spin_unlock(&d->lock);
}

static void *alloc_any_context(size_t n)
{
	return kmalloc(n, in_atomic() ? GFP_ATOMIC : GFP_KERNEL);
}

static void maybe_atomic(struct demo *d)
{
	spin_lock(&d->lock);
	if (in_atomic())
		d->buf = kmalloc(8, GFP_ATOMIC);
	else
		d->buf = kmalloc(8, GFP_KERNEL);
	spin_unlock(&d->lock);
}

static irqreturn_t demo_isr(int irq, void *data)
{
	return IRQ_WAKE_THREAD;
}

static irqreturn_t demo_thread(int irq, void *data)
{
	msleep(1); /* threaded handlers run in a kthread */
	return IRQ_HANDLED;
}

static void demo_timer(struct timer_list *t)
{
	struct demo *d = from_timer(d, t, timer);

	d->buf = kmalloc(8, GFP_ATOMIC);
}

static int demo_setup(struct demo *d)
{
	timer_setup(&d->timer, demo_timer, 0);
	return request_threaded_irq(d->irq, demo_isr, demo_thread, IRQF_ONESHOT,
				    "demo", d);
}

MODULE_LICENSE("GPL");

static void scope_guard_then_sleep(struct demo *d)
{
	{
		guard(spinlock)(&d->lock);
		d->buf = kmalloc(16, GFP_ATOMIC);
	}
	msleep(1); /* the guard's scope has ended */
}

static void scoped_then_sleep(struct demo *d)
{
	scoped_guard(spinlock_irq, &d->lock)
		d->buf = NULL;
	msleep(1);
}

static void *alloc_with(size_t n, gfp_t gfp)
{
	return kmalloc(n, gfp);
}

static void masks_in_variables(struct demo *d)
{
	gfp_t gfp = GFP_ATOMIC;

	spin_lock(&d->lock);
	d->buf = kmalloc(8, gfp);
	d->buf = alloc_with(8, GFP_ATOMIC);
	spin_unlock(&d->lock);
}
