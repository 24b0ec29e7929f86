// A kzalloc()ed kobject handed to kobject_init_and_add() belongs to the
// kobject from then on: kobject_put() releases it, through the ktype's
// release callback, which is where kfree() belongs ("once this function is
// called, kobject_put() MUST be called", 6.1:lib/kobject.c:389-398).
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/kobject.h>

static struct kobject *stats_obj;

static void stats_release(struct kobject *kobj)
{
	kfree(stats_obj);
	stats_obj = NULL;
}

static const struct kobj_type stats_ktype = {
	.release = stats_release,
};

static int stats_init(struct kobject *parent)
{
	int rc;

	stats_obj = kzalloc(sizeof(*stats_obj), GFP_KERNEL);
	if (!stats_obj)
		return -ENOMEM;
	rc = kobject_init_and_add(stats_obj, &stats_ktype, parent, "stats");
	if (rc) {
		kobject_put(stats_obj);
		return rc;
	}
	return 0;
}

static void stats_exit(void)
{
	kobject_put(stats_obj);
}

static int local_node(struct kobject *parent)
{
	struct kobject *node = kzalloc(sizeof(*node), GFP_KERNEL);
	int rc;

	if (!node)
		return -ENOMEM;
	rc = kobject_init_and_add(node, &stats_ktype, parent, "node");
	if (rc)
		kobject_put(node);
	return rc;
}

MODULE_LICENSE("GPL");
