// A release helper that frees the object holding its argument through
// container_of() (drivers/hwmon/hwmon.c: hwmon_dev_release(&hwdev->dev)).
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/device.h>

struct demo_dev {
	int id;
	struct device dev;
	char *label;
};

#define to_demo_dev(d) container_of(d, struct demo_dev, dev)

static void demo_dev_release(struct device *dev)
{
	struct demo_dev *dd = to_demo_dev(dev);

	kfree(dd);
}

int demo_setup(struct demo_dev *dd);

/* The helper frees dd: freeing it again is a double free. */
static int release_twice(void)
{
	struct demo_dev *dd = kzalloc(sizeof(*dd), GFP_KERNEL);

	if (!dd)
		return -ENOMEM;
	demo_dev_release(&dd->dev);
	kfree(dd); // expect-warning: 'dd' is released twice: kfree() releases it after demo_dev_release() already did [release.double-free]
	return 0;
}

MODULE_LICENSE("GPL");
