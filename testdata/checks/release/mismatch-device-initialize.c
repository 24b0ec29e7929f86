// After device_initialize() the struct device is refcounted: freeing it
// directly skips its release callback and frees memory others may still
// reference; put_device() is the release (6.12:drivers/base/core.c:3222).
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/device.h>

static void demo_release(struct device *dev)
{
	kfree(dev);
}

void demo_add_cache_dev(struct device *parent)
{
	struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	if (!dev)
		return;
	device_initialize(dev);
	dev->parent = parent;
	dev->release = demo_release;
	if (device_add(dev))
		kfree(dev); // expect-warning: 'dev' holds device reference from kzalloc() but is released with kfree(); use put_device() [release.mismatch]
}

/* device_register() initialized it too: kfree() after a failed register
 * is the same mistake. */
static struct device *registered;

int demo_register(struct device *parent)
{
	struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	int err;

	if (!dev)
		return -ENOMEM;
	dev->parent = parent;
	dev->release = demo_release;
	err = device_register(dev);
	if (err) {
		kfree(dev); // expect-warning: 'dev' holds device reference from kzalloc() but is released with kfree(); use put_device() [release.mismatch]
		return err;
	}
	registered = dev;
	return 0;
}
