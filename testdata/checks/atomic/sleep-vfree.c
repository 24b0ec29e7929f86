// vfree() and kvfree() sleep only outside interrupt context: 6.1 defers the
// free to a workqueue when in_interrupt() (mm/vmalloc.c:2827-2833) and calls
// might_sleep_if(!in_interrupt()) (2858). in_interrupt() is true in hard IRQ
// and softirq context and with bottom halves disabled, but not merely under
// a spinlock or with IRQs or preemption disabled in process context.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/timer.h>

struct demo {
	spinlock_t lock;
	struct timer_list timer;
	int irq;
	void *buf;
	void *table;
};

static void drop_table(struct demo *d)
{
	vfree(d->table);
	d->table = NULL;
}

/* Reported: process context, IRQs off but in_interrupt() is false. */
static void under_irqsave(struct demo *d)
{
	unsigned long flags;

	spin_lock_irqsave(&d->lock, flags);
	vfree(d->buf); // expect-warning: vfree() may sleep (may sleep outside interrupt context) in atomic context (spinlock with IRQs disabled) [atomic.sleep]
	d->buf = NULL;
	spin_unlock_irqrestore(&d->lock, flags);
}

static void helper_under_lock(struct demo *d)
{
	spin_lock(&d->lock);
	drop_table(d); // expect-warning: drop_table() may sleep (may sleep outside interrupt context) in atomic context (spinlock) [atomic.sleep]
	spin_unlock(&d->lock);
}

static void kvfree_preempt_off(struct demo *d)
{
	preempt_disable();
	kvfree(d->buf); // expect-warning: kvfree() may sleep (may sleep outside interrupt context when the memory is vmalloc'ed) in atomic context (preemption disabled) [atomic.sleep]
	preempt_enable();
}

/* Silent: in_interrupt() is true, so vfree() defers. */
static void under_bh_lock(struct demo *d)
{
	spin_lock_bh(&d->lock);
	vfree(d->buf);
	d->buf = NULL;
	spin_unlock_bh(&d->lock);
}

static irqreturn_t demo_isr(int irq, void *data)
{
	struct demo *d = data;

	drop_table(d);
	kvfree(d->buf);
	return IRQ_HANDLED;
}

static void demo_timer(struct timer_list *t)
{
	struct demo *d = from_timer(d, t, timer);

	vfree(d->buf);
}

/* Still reported in interrupt context: a sleep that is not deferrable. */
static void demo_timer_bad(struct timer_list *t)
{
	struct demo *d = from_timer(d, t, timer);

	d->buf = vmalloc(64); // expect-warning: vmalloc() may sleep (always, whatever the gfp mask) in atomic context (timer callback (softirq)) [atomic.sleep]
}

static int demo_start(struct demo *d)
{
	timer_setup(&d->timer, demo_timer, 0);
	timer_setup(&d->timer, demo_timer_bad, 0);
	return request_irq(d->irq, demo_isr, 0, "demo", d);
}

MODULE_LICENSE("GPL");
