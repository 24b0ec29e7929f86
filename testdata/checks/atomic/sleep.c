// Calls that may sleep in atomic context.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/timer.h>
#include <linux/uaccess.h>

struct demo {
	spinlock_t lock;
	struct mutex mtx;
	struct timer_list timer;
	void *buf;
	int irq;
};

static void *grab(void)
{
	return kmalloc(32, GFP_KERNEL);
}

static void under_spinlock(struct demo *d)
{
	spin_lock(&d->lock);
	d->buf = kzalloc(64, GFP_KERNEL); // expect-warning: kzalloc() may sleep (GFP_KERNEL allows direct reclaim) in atomic context (spinlock) [atomic.sleep]
	spin_unlock(&d->lock);
}

static void irqsave_then_vmalloc(struct demo *d)
{
	unsigned long flags;

	spin_lock_irqsave(&d->lock, flags);
	d->buf = vmalloc(4096); // expect-warning: vmalloc() may sleep (always, whatever the gfp mask) in atomic context (spinlock with IRQs disabled) [atomic.sleep]
	spin_unlock_irqrestore(&d->lock, flags);
}

static void mutex_under_spinlock(struct demo *d)
{
	spin_lock_bh(&d->lock);
	mutex_lock(&d->mtx); // expect-warning: mutex_lock() may sleep (sleeping lock) in atomic context (spinlock with bottom halves disabled) [atomic.sleep]
	mutex_unlock(&d->mtx);
	spin_unlock_bh(&d->lock);
}

static void indirect(struct demo *d)
{
	spin_lock(&d->lock);
	d->buf = grab(); // expect-warning: grab() may sleep (GFP_KERNEL allows direct reclaim) in atomic context (spinlock) [atomic.sleep]
	spin_unlock(&d->lock);
}

static void rcu_section(void __user *ubuf, void *kbuf)
{
	rcu_read_lock();
	if (copy_from_user(kbuf, ubuf, 16)) // expect-warning: copy_from_user() may sleep (may fault on user memory) in atomic context (RCU read-side critical section) [atomic.sleep]
		pr_err("fault\n");
	rcu_read_unlock();
}

static irqreturn_t demo_isr(int irq, void *data)
{
	struct demo *d = data;

	msleep(1); // expect-warning: msleep() may sleep (sleeps) in atomic context (hard IRQ handler) [atomic.sleep]
	return IRQ_HANDLED;
}

static void demo_timer(struct timer_list *t)
{
	struct demo *d = from_timer(d, t, timer);

	d->buf = kmalloc(8, GFP_KERNEL); // expect-warning: kmalloc() may sleep (GFP_KERNEL allows direct reclaim) in atomic context (timer callback (softirq)) [atomic.sleep]
}

static int demo_setup(struct demo *d)
{
	timer_setup(&d->timer, demo_timer, 0);
	return request_irq(d->irq, demo_isr, 0, "demo", d);
}

MODULE_LICENSE("GPL");

static void scope_guard(struct demo *d)
{
	guard(spinlock)(&d->lock);
	d->buf = kmalloc(16, GFP_KERNEL); // expect-warning: kmalloc() may sleep (GFP_KERNEL allows direct reclaim) in atomic context (spinlock) [atomic.sleep]
}

static void scoped(struct demo *d)
{
	scoped_guard(spinlock_irq, &d->lock) {
		msleep(1); // expect-warning: msleep() may sleep (sleeps) in atomic context (spinlock with IRQs disabled) [atomic.sleep]
	}
}

static void *alloc_with(size_t n, gfp_t gfp)
{
	return kmalloc(n, gfp);
}

static void masks_in_variables(struct demo *d)
{
	gfp_t gfp = GFP_KERNEL;

	spin_lock(&d->lock);
	d->buf = kmalloc(8, gfp); // expect-warning: kmalloc() may sleep (gfp allows direct reclaim) in atomic context (spinlock) [atomic.sleep]
	d->buf = alloc_with(8, GFP_KERNEL); // expect-warning: alloc_with() may sleep (GFP_KERNEL passed down allows direct reclaim) in atomic context (spinlock) [atomic.sleep]
	spin_unlock(&d->lock);
}
