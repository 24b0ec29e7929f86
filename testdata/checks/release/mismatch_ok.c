// The correct twins of mismatch.c: no finding.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/bitmap.h>

static void kmalloc_to_kfree(void)
{
	char *p = kmalloc(64, GFP_KERNEL);

	if (!p)
		return;
	kfree(p);
}

static void vmalloc_to_vfree(void)
{
	void *buf = vzalloc(4096);

	vfree(buf);
}

static int kvmalloc_to_kvfree(size_t n)
{
	u32 *table = kvcalloc(n, sizeof(*table), GFP_KERNEL);

	if (!table)
		return -ENOMEM;
	table[0] = 1;
	kvfree(table);
	return 0;
}

/* kvfree() takes kmalloc and vmalloc memory too (6.1:mm/util.c:616-628). */
static void kvfree_takes_all(void)
{
	void *a = kmalloc(8, GFP_KERNEL);
	void *b = vmalloc(8);

	kvfree(a);
	kvfree(b);
}

static void reassigned_alias(void)
{
	void *p = vmalloc(100);
	void *q = p;

	vfree(q);
	q = kmalloc(10, GFP_KERNEL);
	kfree(q);
}

static void kmem_cache_object(struct kmem_cache *cache)
{
	void *obj = kmem_cache_zalloc(cache, GFP_KERNEL);

	if (!obj)
		return;
	kmem_cache_free(cache, obj);
}

static void const_string(const char *name)
{
	const char *copy = kstrdup_const(name, GFP_KERNEL);

	kfree_const(copy);
}

static void managed(struct device *dev)
{
	void *p = devm_kzalloc(dev, 32, GFP_KERNEL);

	devm_kfree(dev, p);
}

static void null_branch_only(void)
{
	void *p = kmalloc(16, GFP_KERNEL);

	if (!p) {
		vfree(p); /* p is NULL here: nothing is released */
		return;
	}
	kfree(p);
}

static void user_copy(const void __user *ubuf, size_t len)
{
	void *p = memdup_user(ubuf, len);

	if (IS_ERR(p))
		return;
	kfree(p);
}

static void dma_buffer(struct device *dev)
{
	dma_addr_t handle;
	void *cpu = dma_alloc_coherent(dev, 4096, &handle, GFP_KERNEL);

	if (!cpu)
		return;
	dma_free_coherent(dev, 4096, cpu, handle);
}

static void overwritten_by_unknown_call(void **slot)
{
	void *p = vmalloc(10);

	vfree(p);
	p = *slot;
	kfree(p);
}

/* bitmap_alloc() is kmalloc_array() and bitmap_free() is kfree()
 * (lib/bitmap.c): either release fits either allocation. */
static void bitmap_released_by_kfree(void)
{
	unsigned long *map = bitmap_zalloc(128, GFP_KERNEL);

	kfree(map);
}

static void kmalloc_released_by_bitmap_free(void)
{
	unsigned long *map = kcalloc(2, sizeof(long), GFP_KERNEL);

	bitmap_free(map);
}

MODULE_LICENSE("GPL");
