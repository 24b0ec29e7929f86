// The other ways into atomic context: rwlocks, IRQs and preemption
// disabled, get_cpu(), tasklets, ndo_start_xmit.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/netdevice.h>

struct demo {
	rwlock_t table_lock;
	struct mutex mtx;
	struct tasklet_struct tasklet;
	void *buf;
};

static void under_read_lock(struct demo *d)
{
	read_lock(&d->table_lock);
	mutex_lock(&d->mtx); // expect-warning: mutex_lock() may sleep (sleeping lock) in atomic context (rwlock) [atomic.sleep]
	mutex_unlock(&d->mtx);
	read_unlock(&d->table_lock);
}

static void under_write_lock_bh(struct demo *d)
{
	write_lock_bh(&d->table_lock);
	d->buf = kmalloc(8, GFP_NOIO); // expect-warning: kmalloc() may sleep (GFP_NOIO allows direct reclaim) in atomic context (rwlock with bottom halves disabled) [atomic.sleep]
	write_unlock_bh(&d->table_lock);
}

static void irqs_off(struct demo *d)
{
	unsigned long flags;

	local_irq_save(flags);
	msleep(10); // expect-warning: msleep() may sleep (sleeps) in atomic context (IRQs disabled) [atomic.sleep]
	local_irq_restore(flags);
}

static void per_cpu_section(struct demo *d)
{
	int cpu = get_cpu();

	d->buf = kmalloc(cpu + 8, GFP_KERNEL); // expect-warning: kmalloc() may sleep (GFP_KERNEL allows direct reclaim) in atomic context (preemption disabled) [atomic.sleep]
	put_cpu();
}

static void demo_tasklet(struct tasklet_struct *t)
{
	msleep(1); // expect-warning: msleep() may sleep (sleeps) in atomic context (tasklet (softirq)) [atomic.sleep]
}

static netdev_tx_t demo_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct demo *d = netdev_priv(dev);

	mutex_lock(&d->mtx); // expect-warning: mutex_lock() may sleep (sleeping lock) in atomic context (transmit with bottom halves disabled) [atomic.sleep]
	mutex_unlock(&d->mtx);
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops demo_ops = {
	.ndo_start_xmit = demo_xmit,
};

static void demo_init_tasklet(struct demo *d)
{
	tasklet_setup(&d->tasklet, demo_tasklet);
}

MODULE_LICENSE("GPL");
