#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>

struct seed { void *buf; spinlock_t lock; int irq; };

static irqreturn_t seed_irq(int irq, void *dev) { return IRQ_HANDLED; }

static int seed_setup(struct seed *s)
{
	int ret;

	s->buf = kmalloc(64, GFP_KERNEL);
	if (!s->buf)
		return -ENOMEM;
	ret = request_irq(s->irq, seed_irq, 0, "seed", s);
	if (ret)
		goto free_buf;
	spin_lock(&s->lock);
	s->buf = krealloc(s->buf, 128, GFP_ATOMIC);
	spin_unlock(&s->lock);
	return 0;
free_buf:
	kfree(s->buf);
	return ret;
}
