// The twin of sleep-callee-unlock_ok.c: the helper unlocks only on some
// paths, the caller sleeps before the helper's unlock or still holds
// another lock after it, and a constant helper that says "preemptible".
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/preempt.h>
#include <linux/delay.h>

struct queue {
	spinlock_t lock;
	int ready;
};

static spinlock_t other_lock;

static void finish_event(struct queue *q)
{
	q->ready = 0;
	spin_unlock(&q->lock);
}

static void maybe_finish(struct queue *q)
{
	if (q->ready)
		spin_unlock(&q->lock);
}

static void deliver_late(struct queue *q)
{
	spin_lock(&q->lock);
	msleep(10); // expect-warning: msleep() may sleep (sleeps) in atomic context (spinlock) [atomic.sleep]
	finish_event(q);
}

static void deliver_maybe(struct queue *q)
{
	spin_lock(&q->lock);
	maybe_finish(q);
	msleep(10); // expect-warning: msleep() may sleep (sleeps) in atomic context (spinlock) [atomic.sleep]
}

static void deliver_nested(struct queue *q)
{
	spin_lock(&other_lock);
	spin_lock(&q->lock);
	finish_event(q);
	msleep(10); // expect-warning: msleep() may sleep (sleeps) in atomic context (spinlock) [atomic.sleep]
	spin_unlock(&other_lock);
}

static bool section_preemptible(const struct queue *q)
{
	return true;
}

static void count_write(struct queue *q)
{
	if (section_preemptible(q))
		preempt_disable();
	q->ready++;
	msleep(1); // expect-warning: msleep() may sleep (sleeps) in atomic context (preemption disabled) [atomic.sleep]
	if (section_preemptible(q))
		preempt_enable();
}

void queue_users(struct queue *q)
{
	deliver_late(q);
	deliver_maybe(q);
	deliver_nested(q);
	count_write(q);
}

MODULE_LICENSE("GPL");
