// The twin of sleep-timer-wait.c: del_timer_sync() under locks that neither
// the timer callback nor any IRQ handler takes, and in softirq context.
// It spins (it does not sleep) until the callback has finished, and here
// the callback always can.
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/timer.h>

struct board {
	spinlock_t lock;
	spinlock_t config_lock;
	struct timer_list watchdog;
	struct timer_list poll;
	int irq;
	int stopped;
};

static void board_watchdog(struct timer_list *t)
{
	struct board *b = from_timer(b, t, watchdog);

	spin_lock(&b->lock);
	b->stopped = 0;
	spin_unlock(&b->lock);
}

/* Another timer's callback (softirq) stopping the watchdog. */
static void board_poll(struct timer_list *t)
{
	struct board *b = from_timer(b, t, poll);

	del_timer_sync(&b->watchdog);
}

static irqreturn_t board_interrupt(int irq, void *data)
{
	struct board *b = data;

	b->stopped = 1;
	return IRQ_HANDLED;
}

static void board_close(struct board *b)
{
	unsigned long flags;

	spin_lock_irqsave(&b->config_lock, flags);
	del_timer_sync(&b->watchdog);
	spin_unlock_irqrestore(&b->config_lock, flags);
}

/* b->lock is taken by the watchdog callback, not by the poll timer's. */
static void board_stop_poll(struct board *b)
{
	spin_lock_bh(&b->lock);
	del_timer_sync(&b->poll);
	spin_unlock_bh(&b->lock);
}

static int board_start(struct board *b)
{
	spin_lock_init(&b->lock);
	spin_lock_init(&b->config_lock);
	timer_setup(&b->watchdog, board_watchdog, 0);
	timer_setup(&b->poll, board_poll, 0);
	return request_irq(b->irq, board_interrupt, IRQF_SHARED, "board", b);
}

MODULE_LICENSE("GPL");
