// del_timer_sync() spins until the timer callback has finished: a deadlock
// when the callback cannot finish. Under a lock the timer callback takes,
// under a lock an IRQ handler takes (it interrupts the callback on another
// CPU), and in a hard IRQ handler itself (6.1:kernel/time/timer.c:1585-1610).
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/timer.h>

struct board {
	spinlock_t lock;
	spinlock_t stats_lock;
	struct timer_list watchdog;
	struct timer_list poll;
	int irq;
	int stopped;
};

static void board_watchdog(struct timer_list *t)
{
	struct board *b = from_timer(b, t, watchdog);

	spin_lock(&b->stats_lock);
	b->stopped = 0;
	spin_unlock(&b->stats_lock);
}

static void board_poll(struct timer_list *t)
{
}

static irqreturn_t board_interrupt(int irq, void *data)
{
	struct board *b = data;

	spin_lock(&b->lock);
	b->stopped = 1;
	spin_unlock(&b->lock);
	return IRQ_HANDLED;
}

static void stop_poll(struct board *b)
{
	del_timer_sync(&b->poll);
}

static irqreturn_t board_error_interrupt(int irq, void *data)
{
	struct board *b = data;

	stop_poll(b); // expect-warning: stop_poll() can deadlock in atomic context (hard IRQ handler): it spins until the timer callback has finished, and in hard IRQ context the callback may be the one this interrupt stopped on this CPU [atomic.sleep]
	return IRQ_HANDLED;
}

/* The IRQ handler takes b->lock. */
static void board_close(struct board *b)
{
	unsigned long flags;

	spin_lock_irqsave(&b->lock, flags);
	del_timer_sync(&b->poll); // expect-warning: del_timer_sync() can deadlock in atomic context (spinlock with IRQs disabled): it spins until the timer callback has finished, and 'b->lock' is held, and the IRQ handler board_interrupt() takes it and can interrupt the timer callback on another CPU [atomic.sleep]
	spin_unlock_irqrestore(&b->lock, flags);
}

/* The watchdog callback takes b->stats_lock. */
static void board_stop_watchdog(struct board *b)
{
	spin_lock_bh(&b->stats_lock);
	del_timer_sync(&b->watchdog); // expect-warning: del_timer_sync() can deadlock in atomic context (spinlock with bottom halves disabled): it spins until the timer callback has finished, and 'b->stats_lock' is held, and the timer callback, board_watchdog(), takes it [atomic.sleep]
	spin_unlock_bh(&b->stats_lock);
}

static int board_start(struct board *b)
{
	spin_lock_init(&b->lock);
	spin_lock_init(&b->stats_lock);
	timer_setup(&b->watchdog, board_watchdog, 0);
	timer_setup(&b->poll, board_poll, 0);
	if (request_irq(b->irq, board_error_interrupt, 0, "board-err", b))
		return -EBUSY;
	return request_irq(b->irq, board_interrupt, IRQF_SHARED, "board", b);
}

MODULE_LICENSE("GPL");
