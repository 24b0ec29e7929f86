// gfp masks the allocator cannot honour.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

static void *bad_masks(size_t n)
{
	void *a = kvmalloc(n, GFP_ATOMIC); // expect-warning: kvmalloc() needs a GFP_KERNEL-compatible mask [gfp.flags]
	void *b = __vmalloc(n, GFP_NOWAIT); // expect-warning: __vmalloc() needs a GFP_KERNEL-compatible mask [gfp.flags]
	void *c = kmalloc(n, GFP_KERNEL | GFP_ATOMIC); // expect-warning: the gfp mask combines a sleeping (GFP_KERNEL-like) and an atomic [gfp.flags]
	void *d = kmalloc(n, GFP_ATOMIC | __GFP_NOFAIL); // expect-warning: __GFP_NOFAIL without __GFP_DIRECT_RECLAIM [gfp.flags]

	kvfree(a);
	vfree(b);
	kfree(c);
	return d;
}
MODULE_LICENSE("GPL");
