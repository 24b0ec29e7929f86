// Correct twins of leak_local.c, and the ways an object legitimately
// outlives the function that allocated it.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/list.h>

struct table {
	int n;
	u32 *rows;
	struct list_head node;
};

static void hand_over(void *p);
static char *global_name;
static LIST_HEAD(tables);

static int parse_config(const char *text)
{
	char *copy = kstrdup(text, GFP_KERNEL);

	if (!copy)
		return -ENOMEM;
	if (strlen(copy) > 64) {
		kfree(copy);
		return -EINVAL;
	}
	kfree(copy);
	return 0;
}

static void replace_after_free(void)
{
	void *buf = vmalloc(64);

	vfree(buf);
	buf = vmalloc(128);
	vfree(buf);
}

static struct table *make_table(int n)
{
	struct table *t = kzalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return NULL;
	t->rows = kcalloc(n, sizeof(*t->rows), GFP_KERNEL);
	if (!t->rows) {
		kfree(t);
		return NULL;
	}
	t->n = n;
	return t; /* returned: the caller owns it */
}

static void keep_in_global(const char *name)
{
	global_name = kstrdup(name, GFP_KERNEL);
}

static void keep_in_caller_struct(struct table *t, int n)
{
	t->rows = kcalloc(n, sizeof(*t->rows), GFP_KERNEL);
}

static void link_into_list(void)
{
	struct table *t = kzalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return;
	list_add(&t->node, &tables);
}

static void give_away(void)
{
	void *p = kmalloc(16, GFP_KERNEL);

	hand_over(p); /* an unknown callee may keep it */
}

static int grow(u32 **rows, int n)
{
	u32 *bigger = krealloc(*rows, n * sizeof(u32), GFP_KERNEL);

	if (!bigger)
		return -ENOMEM;
	*rows = bigger;
	return 0;
}

static void walk_buffer(u8 **out)
{
	u8 *buf = kmalloc(64, GFP_KERNEL);

	if (!buf)
		return;
	buf += 8; /* still the same object */
	*out = buf;
}

MODULE_LICENSE("GPL");
