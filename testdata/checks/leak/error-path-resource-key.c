// Twin of leak_resource_key_ok.c: a region requested through a handle and
// released by the handle's start on one path only is still a leak.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/ioport.h>
#include <linux/io.h>
#include <linux/platform_device.h>

struct demo_data {
	struct resource *ioarea;
	void __iomem *reg;
	char *label;
};

static int demo_probe(struct platform_device *dev)
{
	struct demo_data *pd;
	struct resource *res;
	u64 size;
	int ret;

	pd = kzalloc(sizeof(*pd), GFP_KERNEL);
	if (!pd)
		return -ENOMEM;
	platform_set_drvdata(dev, pd);
	pd->label = kzalloc(16, GFP_KERNEL);
	res = platform_get_resource(dev, IORESOURCE_MEM, 0);
	if (!res) {
		ret = -ENOENT;
		goto err;
	}
	size = resource_size(res);
	pd->ioarea = request_mem_region(res->start, size, "demo"); // expect-warning: I/O memory region acquired by request_mem_region() and kept in 'pd->ioarea' in the driver data by demo_probe() is not released by demo_remove() [leak.lifecycle]
	if (!pd->ioarea) {
		ret = -ENXIO;
		goto err;
	}
	pd->reg = ioremap(res->start, size);
	if (!pd->reg) {
		ret = -ENXIO;
		goto err_res;
	}
	return 0;

err_res:
err:
	kfree(pd->label);
	kfree(pd);
	return ret; // expect-warning: I/O memory region acquired by request_mem_region() ('pd->ioarea') is not released when demo_probe() returns ret [leak.error-path]
}

static int demo_remove(struct platform_device *dev)
{
	struct demo_data *pd = platform_get_drvdata(dev);

	/* A field's release is not its holder's (only key-named releases
	 * such as release_mem_region() look through the handle). */
	kfree(pd->label);
	iounmap(pd->reg);
	kfree(pd);
	return 0;
}

static struct platform_driver demo_driver = {
	.probe = demo_probe,
	.remove = demo_remove,
	.driver = { .name = "demo" },
};
module_platform_driver(demo_driver);
MODULE_LICENSE("GPL");
