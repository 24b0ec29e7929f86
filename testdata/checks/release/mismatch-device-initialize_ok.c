// After device_initialize() a kmalloc'ed struct device is refcounted: its
// release callback frees it, and put_device() is the right release
// (6.12:drivers/base/node.c:289 node_init_cache_dev()).
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
		put_device(dev);
}
