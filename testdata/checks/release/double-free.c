// Double releases on one path.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

struct ctx {
	void *buf;
};

static int twice(void)
{
	char *p = kmalloc(10, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	kfree(p);
	kfree(p); // expect-warning: 'p' is released twice: kfree() releases it after kfree() already did [release.double-free]
	return 0;
}

static int setup_hw(void);

static int error_path_frees_again(void)
{
	void *buf = vmalloc(100);
	int ret;

	if (!buf)
		return -ENOMEM;
	ret = setup_hw();
	if (ret) {
		vfree(buf);
		goto err;
	}
	vfree(buf);
	return 0;
err:
	vfree(buf); // expect-warning: 'buf' is released twice [release.double-free]
	return ret;
}

static void release_ctx(struct ctx *c)
{
	kfree(c->buf);
}

static void field_twice(struct ctx *c)
{
	release_ctx(c);
	kfree(c->buf); // expect-warning: 'c->buf' is released twice: kfree() releases it after release_ctx() already did [release.double-free]
}
MODULE_LICENSE("GPL");
