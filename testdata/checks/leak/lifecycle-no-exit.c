// A module whose init keeps resources but that has no exit function: it
// can never be unloaded cleanly.
#include <linux/module.h>
#include <linux/slab.h>

static void *cache_buf;

static int __init demo_init(void)
{
	cache_buf = kzalloc(128, GFP_KERNEL); // expect-warning: kmalloc memory acquired by kzalloc() and kept in 'cache_buf' by demo_init() is never released: there is no module_exit function [leak.lifecycle]
	if (!cache_buf)
		return -ENOMEM;
	return 0;
}
module_init(demo_init);
MODULE_LICENSE("GPL");
