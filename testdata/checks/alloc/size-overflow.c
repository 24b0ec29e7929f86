// Allocation sizes multiplied from values nothing bounds.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/device.h>

struct foo_desc {
	u64 addr;
	u32 len;
	u32 flags;
};

struct foo_table {
	u32 count;
	u32 entries[];
};

/* A count from the device, multiplied as it came. */
static struct foo_desc *alloc_ring(u32 count)
{
	return kmalloc(count * sizeof(struct foo_desc), GFP_KERNEL); // expect-warning: the size given to kmalloc() multiplies without an overflow check [alloc.size-overflow] // expect-fix: use kmalloc_array()
}

static void *alloc_zeroed(int n, size_t each)
{
	void *p = kzalloc(n * each, GFP_KERNEL); // expect-warning: kcalloc() checks the multiplication [alloc.size-overflow] // expect-fix: use kcalloc()

	return p;
}

static void *alloc_virtual(unsigned long n)
{
	return vmalloc(n * sizeof(u64)); // expect-warning: vmalloc_array() checks the multiplication [alloc.size-overflow]
}

/* A header plus an array: struct_size() is the helper. */
static struct foo_table *alloc_table(u32 n)
{
	return kzalloc(sizeof(struct foo_table) + n * sizeof(u32), GFP_KERNEL); // expect-warning: use struct_size() or size_add [alloc.size-overflow] // expect-fix: none
}

static void *devm_ring(struct device *dev, unsigned int n)
{
	return devm_kzalloc(dev, n * sizeof(struct foo_desc), GFP_KERNEL); // expect-warning: devm_kcalloc() checks the multiplication [alloc.size-overflow] // expect-fix: use devm_kcalloc()
}

MODULE_LICENSE("GPL");
