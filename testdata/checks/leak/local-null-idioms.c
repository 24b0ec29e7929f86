// The twin of local-null-idioms_ok.c: after the WARN_ON() NULL check the
// object is held, and a later early return still leaks it.
#include <linux/module.h>
#include <linux/slab.h>

struct sample {
	int first;
};

static int warn_on_then_leak(struct sample *s)
{
	int *p = kmalloc(64, GFP_KERNEL);

	if (WARN_ON(!p))
		return -ENOMEM;
	if (s->first)
		return -EBUSY; // expect-warning: kmalloc memory acquired by kmalloc() ('p') is not released when warn_on_then_leak() returns -EBUSY [leak.local]
	kfree(p);
	return 0;
}

static int warned_value_kept(struct sample *s)
{
	int *p = kmalloc(64, GFP_KERNEL);
	int missing = !p;

	if (missing)
		return -ENOMEM;
	s->first = *p;
	return 0; // expect-warning: kmalloc memory acquired by kmalloc() ('p') is not released when warned_value_kept() returns 0 [leak.local]
}

MODULE_LICENSE("GPL");
