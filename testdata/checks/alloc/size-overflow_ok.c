// Sizes that cannot overflow, or are computed safely.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/kernel.h>
#include <linux/string.h>

#define MAX_DESCS 256

struct foo_desc {
	u64 addr;
	u32 len;
	u32 flags;
};

/* Checked against a bound first. */
static struct foo_desc *alloc_checked(u32 count)
{
	if (count > MAX_DESCS)
		return NULL;
	return kmalloc(count * sizeof(struct foo_desc), GFP_KERNEL);
}

/* The types cannot make the product wrap a 32-bit size_t. */
static void *alloc_small_types(u8 n, u16 m)
{
	void *a = kmalloc(n * sizeof(struct foo_desc), GFP_KERNEL);
	void *b = kmalloc(m * 16, GFP_KERNEL);

	kfree(a);
	return b;
}

/* Constants, and the overflow-checking helpers. */
static void *alloc_helpers(size_t n)
{
	void *a = kmalloc(MAX_DESCS * sizeof(struct foo_desc), GFP_KERNEL);
	void *b = kmalloc_array(n, sizeof(struct foo_desc), GFP_KERNEL);
	void *c = kcalloc(n, sizeof(u32), GFP_KERNEL);

	kfree(a);
	kfree(b);
	return c;
}

/* Bounded where it is set, and a factor of one. */
static char *copy_name(const char *src, unsigned int cps)
{
	unsigned int len = min(cps * 3, 255u);
	char *dst = kmalloc((len + 1) * sizeof(*dst), GFP_KERNEL);

	if (dst)
		memcpy(dst, src, len);
	return dst;
}

/* A loop index bounded by its loop. */
static void alloc_per_level(void **levels, unsigned int depth)
{
	unsigned int i;

	for (i = 0; i < depth && i < 8; i++)
		levels[i] = kmalloc((i + 1) * 64, GFP_KERNEL);
}

MODULE_LICENSE("GPL");
