// What module_init keeps in globals must be released by module_exit.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/miscdevice.h>

static void *lookup_table;
static void *history;
static struct miscdevice demo_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "demo" };

static int __init demo_init(void)
{
	lookup_table = vzalloc(1 << 16); // expect-warning: vmalloc memory acquired by vzalloc() and kept in 'lookup_table' by demo_init() is not released by demo_exit() [leak.lifecycle]
	if (!lookup_table)
		return -ENOMEM;
	history = kzalloc(512, GFP_KERNEL);
	if (!history) {
		vfree(lookup_table);
		return -ENOMEM;
	}
	return misc_register(&demo_misc); // expect-warning: vmalloc memory acquired by vzalloc() ('lookup_table') is not released when demo_init() returns the error of misc_register() [leak.error-path] // expect-warning: kmalloc memory acquired by kzalloc() ('history') is not released when demo_init() returns the error of misc_register() [leak.error-path]
}

static void __exit demo_exit(void)
{
	misc_deregister(&demo_misc);
	kfree(history);
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");
