// A struct embedding its kobject, released through the member: once
// kobject_init_and_add(&e->kobj, ...) ran, kobject_put(&e->kobj) is how
// the struct goes (its ktype's release frees it), failure or not -- the
// shape of qemu_fw_cfg's fw_cfg_register_file() and nfs' sysfs clients.
// The put hands the struct to the release callback; what that callback
// does with it (free it, or only signal as cpufreq's does) is its own.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/kobject.h>
#include <linux/list.h>

struct entry {
	struct kobject kobj;
	struct list_head node;
};

static LIST_HEAD(entries);

static void entry_release(struct kobject *kobj)
{
	kfree(container_of(kobj, struct entry, kobj));
}

static const struct kobj_type entry_ktype = {
	.release = entry_release,
};

int register_entry(struct kobject *parent)
{
	struct entry *e = kzalloc(sizeof(*e), GFP_KERNEL);
	int err;

	if (!e)
		return -ENOMEM;
	err = kobject_init_and_add(&e->kobj, &entry_ktype, parent, "entry");
	if (err) {
		kobject_put(&e->kobj);
		return err;
	}
	list_add(&e->node, &entries);
	return 0;
}

MODULE_LICENSE("GPL");
