// The correct ladder for leak_error_path.c: every failure undoes exactly
// what succeeded before it.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/interrupt.h>
#include <linux/miscdevice.h>
#include <linux/workqueue.h>

static void *ring;
static struct workqueue_struct *wq;
static struct miscdevice demo_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "demo" };
static int demo_irq = 10;

static irqreturn_t demo_isr(int irq, void *dev)
{
	return IRQ_HANDLED;
}

static int __init demo_init(void)
{
	int ret;

	ring = kzalloc(4096, GFP_KERNEL);
	if (!ring)
		return -ENOMEM;

	wq = alloc_workqueue("demo", 0, 0);
	if (!wq) {
		ret = -ENOMEM;
		goto err_ring;
	}

	ret = request_irq(demo_irq, demo_isr, 0, "demo", NULL);
	if (ret)
		goto err_wq; /* the irq was not acquired: nothing to free_irq() */

	ret = misc_register(&demo_misc);
	if (ret)
		goto err_irq;
	return 0;

err_irq:
	free_irq(demo_irq, NULL);
err_wq:
	destroy_workqueue(wq);
err_ring:
	kfree(ring);
	return ret;
}

static void __exit demo_exit(void)
{
	misc_deregister(&demo_misc);
	free_irq(demo_irq, NULL);
	destroy_workqueue(wq);
	kfree(ring);
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");
