// Scope-based cleanup (__free, no_free_ptr, return_ptr).
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>

struct item {
	char name[16];
};

static int check_name(const char *name)
{
	char *copy __free(kfree) = kstrdup(name, GFP_KERNEL);

	if (!copy)
		return -ENOMEM;
	if (strlen(copy) > 8)
		return -EINVAL; /* released at scope exit: no leak */
	return 0;
}

static struct item *make_item(void)
{
	struct item *it __free(kfree) = kzalloc(sizeof(*it), GFP_KERNEL);

	if (!it)
		return NULL;
	return_ptr(it); /* ownership leaves the scope */
}

static void wrong_family(void)
{
	void *table __free(kfree) = vzalloc(4096); // expect-warning: 'table' holds vmalloc memory from vzalloc() but is released with kfree(); use vfree() [release.mismatch]

	if (!table)
		return;
}

static int forgot_cleanup(const char *name)
{
	char *copy = kstrdup(name, GFP_KERNEL);

	if (!copy)
		return -ENOMEM;
	return strlen(copy); // expect-warning: kmalloc memory acquired by kstrdup() ('copy') is not released when forgot_cleanup() returns strlen(copy) [leak.local]
}

MODULE_LICENSE("GPL");
