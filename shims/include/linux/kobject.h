#ifndef _KMODLINT_LINUX_KOBJECT_H
#define _KMODLINT_LINUX_KOBJECT_H
#include <linux/types.h>
struct kobject {
	const char *name;
	struct kobject *parent;
	const struct kobj_type *ktype;
};
struct kobj_type {
	void (*release)(struct kobject *kobj);
};
void kobject_init(struct kobject *kobj, const struct kobj_type *ktype);
int kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype,
			 struct kobject *parent, const char *fmt, ...);
struct kobject *kobject_create_and_add(const char *name, struct kobject *parent);
void kobject_put(struct kobject *kobj);
#endif
