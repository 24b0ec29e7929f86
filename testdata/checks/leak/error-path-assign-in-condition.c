// The same ladder with one rung skipped: when the second registration
// fails the first is left behind, tested through `(ret = f()) != 0`.
#include <linux/module.h>
#include <linux/platform_device.h>

static struct platform_driver a, b;

static int __init pad_init(void)
{
	int ret;

	if ((ret = platform_driver_register(&a)) != 0)
		goto out;
	if ((ret = platform_driver_register(&b)) != 0)
		goto out;
out:
	return ret; // expect-warning: driver registration acquired by platform_driver_register() ('a') is not released when pad_init() returns ret [leak.error-path]
}

static void __exit pad_exit(void)
{
	platform_driver_unregister(&b);
	platform_driver_unregister(&a);
}
module_init(pad_init);
module_exit(pad_exit);
MODULE_LICENSE("GPL");
