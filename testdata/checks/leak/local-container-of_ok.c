// Correct twin of leak_container_of.c: the helper's container_of() release
// is the caller's release of the container, directly or through a pointer
// to the member kept in a local (drivers/hwmon/hwmon.c:777, 859).
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

	kfree(dd->label);
	kfree(dd);
}

int demo_probe_hw(void);

static int released_through_member(void)
{
	struct demo_dev *dd = kzalloc(sizeof(*dd), GFP_KERNEL);

	if (!dd)
		return -ENOMEM;
	if (demo_probe_hw()) {
		demo_dev_release(&dd->dev);
		return -EIO;
	}
	demo_dev_release(&dd->dev);
	return 0;
}

static int released_through_local(void)
{
	struct demo_dev *dd = kzalloc(sizeof(*dd), GFP_KERNEL);
	struct device *dev;
	int err;

	if (!dd)
		return -ENOMEM;
	dev = &dd->dev;
	dd->id = 1;
	err = demo_probe_hw();
	if (err)
		goto free_dd;
	demo_dev_release(dev);
	return 0;

free_dd:
	demo_dev_release(dev);
	return err;
}

MODULE_LICENSE("GPL");
