// vmalloc where it belongs.
#include <linux/module.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>

struct foo_ring {
	void *buf;
};

/* A page or more, or a size not known. */
static void *big_or_unknown(unsigned long n)
{
	void *a = vmalloc(4096);
	void *b = vzalloc(n);

	vfree(a);
	return b;
}

/* Mapped to user space with remap_vmalloc_range(): it must be vmalloc memory. */
static int foo_mmap_setup(struct foo_ring *r)
{
	r->buf = vmalloc_user(512);
	return r->buf ? 0 : -ENOMEM;
}

static int foo_alloc_small(struct foo_ring *r)
{
	r->buf = vzalloc(512);
	return r->buf ? 0 : -ENOMEM;
}

static int foo_mmap(struct foo_ring *r, struct vm_area_struct *vma)
{
	return remap_vmalloc_range(vma, r->buf, 0);
}

MODULE_LICENSE("GPL");
