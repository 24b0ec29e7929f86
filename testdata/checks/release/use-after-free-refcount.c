// The twin of use-after-free-refcount_ok.c: the function made the object
// itself, so its put dropped the only reference and freed it.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/device.h>
#include <linux/kobject.h>

static const char *made_kobject(void)
{
	struct kobject *k = kobject_create_and_add("extra", NULL);

	if (!k)
		return NULL;
	kobject_put(k);
	return k->name; // expect-warning: 'k' is used after it was released by kobject_put() [release.use-after-free]
}

static struct device *made_device(struct device *parent)
{
	struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	if (!dev)
		return NULL;
	device_initialize(dev);
	put_device(dev);
	return dev->parent; // expect-warning: 'dev' is used after it was released by put_device() [release.use-after-free]
}

void refcount_users(struct device *parent)
{
	made_kobject();
	made_device(parent);
}

MODULE_LICENSE("GPL");
