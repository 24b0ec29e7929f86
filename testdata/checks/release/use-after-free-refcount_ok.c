// Puts of references the function did not make: the caller's device
// (dell-smbios' unregister path), an extra reference a lookup took
// (qemu_fw_cfg's kset_find_obj(), acpi_platform's bus_find_device()) and
// one taken with get_device(). Each put drops one reference of several;
// the object lives on, so using it after the put is no use after free.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/device.h>
#include <linux/kobject.h>

struct kset;
struct kobject *kset_find_obj(struct kset *kset, const char *name);

static struct device *drop_callers(struct device *dev)
{
	put_device(dev);
	return dev->parent;
}

static const char *drop_lookup(struct kset *set)
{
	struct kobject *ko = kset_find_obj(set, "dir");

	if (!ko)
		return NULL;
	kobject_put(ko);
	return ko->name;
}

static struct device *drop_extra(struct device *dev)
{
	struct device *held = get_device(dev);

	put_device(held);
	return held->parent;
}

void refcount_users(struct device *dev, struct kset *set)
{
	drop_callers(dev);
	drop_lookup(set);
	drop_extra(dev);
}

MODULE_LICENSE("GPL");
