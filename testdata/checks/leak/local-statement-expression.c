// 6.10+ allocators are statement expressions (alloc_hooks(),
// 6.12:include/linux/alloc_tag.h:211-223): the temporary _res ends with
// the expression and never names the object.
// kmodlint-test: kernel-version 6.12
#include <linux/module.h>
#include <linux/slab.h>

int profiling_enabled(void);

#define hooks(_do_alloc)                                                       \
	({                                                                     \
		typeof(_do_alloc) _res;                                        \
		if (profiling_enabled())                                       \
			_res = _do_alloc;                                      \
		else                                                           \
			_res = _do_alloc;                                      \
		_res;                                                          \
	})

static int parse(const char *in)
{
	char *copy = hooks(kmalloc(16, GFP_KERNEL));

	if (!copy)
		return -ENOMEM;
	if (!in[0])
		return -EINVAL; // expect-warning: kmalloc memory acquired by kmalloc() ('copy') is not released when parse() returns -EINVAL [leak.local]
	kfree(copy);
	return 0;
}
