// Correct twins of use_after_free.c.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/list.h>

struct item {
	int value;
	struct list_head node;
};

static int read_before_free(void)
{
	struct item *it = kzalloc(sizeof(*it), GFP_KERNEL);
	int v;

	if (!it)
		return -ENOMEM;
	v = it->value;
	kfree(it);
	return v;
}

static void free_all(struct list_head *head)
{
	struct item *it, *tmp;

	list_for_each_entry_safe(it, tmp, head, node) {
		list_del(&it->node);
		kfree(it);
	}
}
MODULE_LICENSE("GPL");
