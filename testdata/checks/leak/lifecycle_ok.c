// The correct twin of leak_lifecycle.c.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/miscdevice.h>

static void *lookup_table;
static void *history;
static struct miscdevice demo_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "demo" };

static void demo_free_tables(void)
{
	kfree(history);
	vfree(lookup_table);
}

static int __init demo_init(void)
{
	int ret;

	lookup_table = vzalloc(1 << 16);
	if (!lookup_table)
		return -ENOMEM;
	history = kzalloc(512, GFP_KERNEL);
	if (!history) {
		vfree(lookup_table);
		return -ENOMEM;
	}
	ret = misc_register(&demo_misc);
	if (ret)
		demo_free_tables();
	return ret;
}

static void __exit demo_exit(void)
{
	misc_deregister(&demo_misc);
	demo_free_tables();
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");
