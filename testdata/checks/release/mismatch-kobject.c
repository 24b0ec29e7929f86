// The twin of mismatch-kobject_ok.c: after kobject_init_and_add() the
// object is refcounted, so freeing it directly is wrong.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/kobject.h>

static void node_release(struct kobject *kobj)
{
}

static const struct kobj_type node_ktype = {
	.release = node_release,
};

static int local_node(struct kobject *parent)
{
	struct kobject *node = kzalloc(sizeof(*node), GFP_KERNEL);
	int rc;

	if (!node)
		return -ENOMEM;
	rc = kobject_init_and_add(node, &node_ktype, parent, "node");
	if (rc)
		kfree(node); // expect-warning: 'node' holds kobject reference from kzalloc() but is released with kfree(); use kobject_put() [release.mismatch]
	return rc;
}

MODULE_LICENSE("GPL");
