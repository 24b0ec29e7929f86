// Correct twins of atomic_contexts.c.
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

static void after_read_lock(struct demo *d)
{
	read_lock(&d->table_lock);
	d->buf = NULL;
	read_unlock(&d->table_lock);
	mutex_lock(&d->mtx);
	mutex_unlock(&d->mtx);
}

static void irqs_off(struct demo *d)
{
	unsigned long flags;

	local_irq_save(flags);
	udelay(10); /* busy-waits, does not sleep */
	local_irq_restore(flags);
}

static void per_cpu_section(struct demo *d)
{
	int cpu = get_cpu();

	d->buf = kmalloc(cpu + 8, GFP_ATOMIC);
	put_cpu();
	msleep(1);
}

static void demo_tasklet(struct tasklet_struct *t)
{
	udelay(1);
}

static netdev_tx_t demo_xmit(struct sk_buff *skb, struct net_device *dev)
{
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static int demo_open(struct net_device *dev)
{
	msleep(1); /* ndo_open runs in process context */
	return 0;
}

static const struct net_device_ops demo_ops = {
	.ndo_open = demo_open,
	.ndo_start_xmit = demo_xmit,
};

static void demo_init_tasklet(struct demo *d)
{
	tasklet_setup(&d->tasklet, demo_tasklet);
}

MODULE_LICENSE("GPL");
