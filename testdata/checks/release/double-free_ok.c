// Correct twins of double_free.c.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

struct ctx {
	void *buf;
};

static int once_then_null(void)
{
	char *p = kmalloc(10, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	kfree(p);
	p = NULL;
	kfree(p);
	return 0;
}

static int setup_hw(void);

static int error_path_frees_once(void)
{
	void *buf = vmalloc(100);
	int ret;

	if (!buf)
		return -ENOMEM;
	ret = setup_hw();
	if (ret)
		goto err;
	vfree(buf);
	return 0;
err:
	vfree(buf);
	return ret;
}

static void reinit_ctx(struct ctx *c);

static void field_reassigned_by_callee(struct ctx *c)
{
	kfree(c->buf);
	reinit_ctx(c);
	kfree(c->buf);
}

static void each_branch_once(int x)
{
	void *p = kmalloc(4, GFP_KERNEL);

	if (x)
		kfree(p);
	else
		kfree(p);
}
MODULE_LICENSE("GPL");
