// Mismatched releases: each marked line must be reported, nothing else.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/platform_device.h>
#include <linux/dma-mapping.h>
#include <linux/bitmap.h>

static void kmalloc_to_vfree(void)
{
	char *p = kmalloc(64, GFP_KERNEL);

	if (!p)
		return;
	vfree(p); // expect-warning: 'p' holds kmalloc memory from kmalloc() but is released with vfree(); use kfree() [release.mismatch]
}

static void vmalloc_to_kfree(void)
{
	void *buf = vzalloc(4096);

	kfree(buf); // expect-warning: 'buf' holds vmalloc memory from vzalloc() but is released with kfree(); use vfree() [release.mismatch]
}

static int kvmalloc_to_kfree(size_t n)
{
	u32 *table = kvcalloc(n, sizeof(*table), GFP_KERNEL);

	if (!table)
		return -ENOMEM;
	table[0] = 1;
	kfree(table); // expect-warning: 'table' holds kvmalloc memory (kmalloc or vmalloc, decided at run time) from kvcalloc() [release.mismatch]
	return 0;
}

static void through_alias(void)
{
	void *p = vmalloc(100);
	void *q = p;

	kfree(q); // expect-warning: 'q' holds vmalloc memory from vmalloc() [release.mismatch]
}

static void kmem_cache_object(struct kmem_cache *cache)
{
	void *obj = kmem_cache_zalloc(cache, GFP_KERNEL);

	if (!obj)
		return;
	kfree(obj); // expect-warning: which accepts it only since Linux 6.4 (this file is built for 6.1); use kmem_cache_free() [release.mismatch]
}

static void const_string(const char *name)
{
	const char *copy = kstrdup_const(name, GFP_KERNEL);

	kfree(copy); // expect-warning: use kfree_const() [release.mismatch]
}

static void unmanaged_to_devm_kfree(struct device *dev)
{
	void *p = kzalloc(32, GFP_KERNEL);

	devm_kfree(dev, p); // expect-warning: which is not device-managed, but is released with devm_kfree(); use kfree() [release.mismatch]
}

static void user_copy(const void __user *ubuf, size_t len)
{
	void *p = memdup_user(ubuf, len);

	if (IS_ERR(p))
		return;
	vfree(p); // expect-warning: from memdup_user() but is released with vfree() [release.mismatch]
}

static void dma_buffer(struct device *dev)
{
	dma_addr_t handle;
	void *cpu = dma_alloc_coherent(dev, 4096, &handle, GFP_KERNEL);

	if (!cpu)
		return;
	kfree(cpu); // expect-warning: 'cpu' holds coherent DMA memory from dma_alloc_coherent() but is released with kfree(); use dma_free_coherent() [release.mismatch]
}

static void bitmap(void)
{
	unsigned long *map = bitmap_zalloc(128, GFP_KERNEL);

	vfree(map); // expect-warning: use bitmap_free() [release.mismatch]
}

/* kfree() is bitmap_free(), but a device-managed release is not. */
static void bitmap_devm_kfree(struct device *dev)
{
	unsigned long *map = bitmap_zalloc(128, GFP_KERNEL);

	devm_kfree(dev, map); // expect-warning: use bitmap_free() [release.mismatch]
}

static void release_vmalloc(void *x)
{
	vfree(x);
}

static void through_helper(void)
{
	void *p = kzalloc(16, GFP_KERNEL);

	release_vmalloc(p); // expect-warning: 'p' holds kmalloc memory from kzalloc() but is released with vfree() (inside release_vmalloc()); use kfree() [release.mismatch]
}

MODULE_LICENSE("GPL");

static void store_through_pointer(struct kmem_cache *cache)
{
	int *val = kmem_cache_alloc(cache, GFP_KERNEL);

	if (!val)
		return;
	*val = 1; /* writes the object, not the pointer */
	kfree(val); // expect-warning: 'val' holds kmem_cache object from kmem_cache_alloc() and is released with kfree() [release.mismatch]
}
