// Correct twins of gfp_flags.c.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

static void *good_masks(size_t n)
{
	void *a = kvmalloc(n, GFP_KERNEL);
	void *b = __vmalloc(n, GFP_KERNEL | __GFP_ZERO);
	void *c = kmalloc(n, GFP_ATOMIC | __GFP_NOWARN);
	void *d = kmalloc(n, GFP_KERNEL | __GFP_NOFAIL);

	kvfree(a);
	vfree(b);
	kfree(c);
	return d;
}
MODULE_LICENSE("GPL");
