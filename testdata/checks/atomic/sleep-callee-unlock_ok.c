// Atomic sections a helper ends for its caller on every path, and a
// section entered only when a helper that always returns the same constant
// says so: nothing here sleeps in atomic context. The shapes of fanotify's
// finish_permission_event() (unlocks the caller's notification_lock),
// xfs's xlog_wait(wq, lock) (drops the lock it is given, then sleeps),
// xfs_iget_cache_hit() (leaves the caller's RCU section on every return)
// and seqcount_spinlock_t's write sections, which disable preemption only
// when __seqprop_spinlock_preemptible() says so -- and it returns false.
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/preempt.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/wait.h>

struct queue {
	spinlock_t lock;
	wait_queue_head_t wq;
	int ready;
};

static void finish_event(struct queue *q)
{
	q->ready = 0;
	spin_unlock(&q->lock);
}

static void deliver(struct queue *q)
{
	spin_lock(&q->lock);
	finish_event(q);
	msleep(10);
}

static void wait_unlocked(wait_queue_head_t *wq, spinlock_t *lock)
{
	spin_unlock(lock);
	msleep(1);
}

static void push(struct queue *q)
{
	spin_lock(&q->lock);
	if (q->ready) {
		wait_unlocked(&q->wq, &q->lock);
		msleep(1);
		return;
	}
	spin_unlock(&q->lock);
}

static int lookup_hit(struct queue *q)
{
	if (q->ready) {
		rcu_read_unlock();
		return -EAGAIN;
	}
	rcu_read_unlock();
	return 0;
}

static int iget(struct queue *q)
{
	int err;
again:
	rcu_read_lock();
	err = lookup_hit(q);
	if (err == -EAGAIN) {
		msleep(1);
		goto again;
	}
	return err;
}

static bool section_preemptible(const struct queue *q)
{
	return false;
}

static void count_write(struct queue *q)
{
	if (section_preemptible(q))
		preempt_disable();
	q->ready++;
	if (section_preemptible(q))
		preempt_enable();
	msleep(1);
}

void queue_users(struct queue *q)
{
	deliver(q);
	push(q);
	iget(q);
	count_write(q);
}

MODULE_LICENSE("GPL");
