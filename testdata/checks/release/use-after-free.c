// Dereferences after release.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/list.h>

struct item {
	int value;
	struct list_head node;
};

static int read_after_free(void)
{
	struct item *it = kzalloc(sizeof(*it), GFP_KERNEL);
	int v;

	if (!it)
		return -ENOMEM;
	kfree(it);
	v = it->value; // expect-warning: 'it' is used after it was released by kfree() [release.use-after-free]
	return v;
}

static void free_all_wrong(struct list_head *head)
{
	struct item *it;

	list_for_each_entry(it, head, node) // expect-warning: 'it' is used after it was released by kfree() [release.use-after-free]
		kfree(it);
}
MODULE_LICENSE("GPL");
