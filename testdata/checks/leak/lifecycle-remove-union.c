// 6.12's platform_driver puts remove and remove_new in an anonymous union
// (6.12:include/linux/platform_device.h:239): the driver's remove_new is
// still its remove callback, and what probe keeps must be released there.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/device.h>

struct platform_device {
	const char *name;
	struct device dev;
};
struct platform_driver {
	int (*probe)(struct platform_device *);
	union {
		void (*remove)(struct platform_device *);
		void (*remove_new)(struct platform_device *);
	};
	void (*shutdown)(struct platform_device *);
};

static void *table;

static int demo_probe(struct platform_device *pdev)
{
	table = kzalloc(256, GFP_KERNEL); // expect-warning: kmalloc memory acquired by kzalloc() and kept in 'table' by demo_probe() is not released by demo_remove() [leak.lifecycle]
	if (!table)
		return -ENOMEM;
	return 0;
}

static void demo_remove(struct platform_device *pdev)
{
}

static struct platform_driver demo_driver = {
	.probe = demo_probe,
	.remove_new = demo_remove,
};
