// The twin of local-kobject-member_ok.c: a failed kobject_init_and_add()
// still needs kobject_put(&e->kobj) (lib/kobject.c: "If this function
// returns an error, kobject_put() must be called"); returning without it
// leaks the struct and the kobject's name.
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
	if (err)
		return err; // expect-warning: kmalloc memory acquired by kzalloc() ('e') is not released when register_entry() returns err [leak.local]
	list_add(&e->node, &entries);
	return 0;
}

MODULE_LICENSE("GPL");
