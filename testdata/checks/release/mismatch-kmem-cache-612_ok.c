// kmodlint-test: kernel-version 6.12
// Since 6.4 kfree() takes kmem_cache_alloc() objects (6.12:mm/slub.c:4811).
#include <linux/module.h>
#include <linux/slab.h>

static void kmem_cache_object(struct kmem_cache *cache)
{
	void *obj = kmem_cache_alloc(cache, GFP_KERNEL);

	if (!obj)
		return;
	kfree(obj);
}
MODULE_LICENSE("GPL");
