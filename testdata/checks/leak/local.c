// Objects lost on a function's own paths. (Passing a pointer to a function
// kmodlint cannot see counts as handing it over; strlen() is known not to
// keep it.)
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/uaccess.h>

struct table {
	int n;
	u32 *rows;
};

static int parse_config(const char *text)
{
	char *copy = kstrdup(text, GFP_KERNEL);

	if (!copy)
		return -ENOMEM;
	if (strlen(copy) > 64)
		return -EINVAL; // expect-warning: kmalloc memory acquired by kstrdup() ('copy') is not released when parse_config() returns -EINVAL [leak.local]
	kfree(copy);
	return 0;
}

static void replace_twice(void)
{
	void *buf = vmalloc(64);

	buf = vmalloc(128); // expect-warning: vmalloc memory acquired by vmalloc() is lost when 'buf' is overwritten [leak.local]
	vfree(buf);
}

static struct table *make_table(int n)
{
	struct table *t = kzalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return NULL;
	t->rows = kcalloc(n, sizeof(*t->rows), GFP_KERNEL);
	if (!t->rows)
		return NULL; // expect-warning: kmalloc memory acquired by kzalloc() ('t') is not released when make_table() returns NULL [leak.local]
	t->n = n;
	return t;
}

static void use_and_forget(int n)
{
	u32 *scratch = kmalloc_array(n, sizeof(u32), GFP_KERNEL);

	if (!scratch)
		return;
	memset(scratch, 0, n * sizeof(u32));
} // expect-warning: kmalloc memory acquired by kmalloc_array() ('scratch') is not released when use_and_forget() returns [leak.local]

/* A valid pointer per PTR_ERR_OR_ZERO() is a held one. */
static int status_then_forget(const void __user *src, size_t n)
{
	char *cfg = memdup_user(src, n);
	int status = PTR_ERR_OR_ZERO(cfg);

	if (status)
		return status;
	return 0; // expect-warning: kmalloc memory acquired by memdup_user() ('cfg') is not released when status_then_forget() returns 0 [leak.local]
}

MODULE_LICENSE("GPL");
