// NULL checks written the kernel's other ways: through WARN_ON() (a
// statement expression whose value is a variable holding !!(!p)), and an
// assignment inside a short-circuit condition. On the path that returns,
// the allocation failed: nothing leaks.
#include <linux/module.h>
#include <linux/slab.h>

struct sample {
	int first;
};

static int warn_on_null(struct sample *s)
{
	int *p = kmalloc(64, GFP_KERNEL);

	if (WARN_ON(!p))
		return -ENOMEM;
	s->first = *p;
	kfree(p);
	return 0;
}

static int warn_on_equals_null(struct sample *s)
{
	int *p = kmalloc(64, GFP_KERNEL);

	if (WARN_ON(p == NULL))
		return -ENOMEM;
	s->first = *p;
	kfree(p);
	return 0;
}

static int assigned_in_condition(struct sample *s, int skip)
{
	int *p = NULL;

	if (skip || (p = kmalloc(64, GFP_KERNEL)) == NULL)
		return -ENOMEM;
	s->first = *p;
	kfree(p);
	return 0;
}

MODULE_LICENSE("GPL");
