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

/* device_register() is device_initialize() + device_add(): put_device()
 * after it fails, device_unregister() when done (edac's mci_pdev, tty's
 * tty_register_device_attr()). */
static struct device *demo_dev;

int demo_register(struct device *parent)
{
	int err;

	demo_dev = kzalloc(sizeof(*demo_dev), GFP_KERNEL);
	if (!demo_dev)
		return -ENOMEM;
	demo_dev->parent = parent;
	demo_dev->release = demo_release;
	err = device_register(demo_dev);
	if (err) {
		put_device(demo_dev);
		return err;
	}
	return 0;
}

void demo_unregister(void)
{
	device_unregister(demo_dev);
}
