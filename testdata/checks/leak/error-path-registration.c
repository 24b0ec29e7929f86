// Registrations return a status, not a pointer: a setup function that
// fails after one succeeded leaves it registered (the "fix error handling
// in foo_init()" patches are mostly about these).
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>

static struct platform_driver pdrv = { .driver = { .name = "a" } };
static struct platform_driver pdrv2 = { .driver = { .name = "b" } };
static struct miscdevice misc = { .minor = MISC_DYNAMIC_MINOR, .name = "a" };
int other_init(void);

static int __init a_init(void)
{
	int ret = platform_driver_register(&pdrv);

	if (ret)
		return ret;
	ret = misc_register(&misc);
	if (ret)
		return ret; // expect-warning: driver registration acquired by platform_driver_register() ('pdrv') is not released when a_init() returns ret [leak.error-path]
	ret = other_init();
	if (ret) {
		misc_deregister(&misc);
		return ret; // expect-warning: driver registration acquired by platform_driver_register() ('pdrv') is not released when a_init() returns ret [leak.error-path]
	}
	return platform_driver_register(&pdrv2); // expect-warning: driver registration acquired by platform_driver_register() ('pdrv') is not released when a_init() returns the error of platform_driver_register() [leak.error-path] // expect-warning: misc device registration acquired by misc_register() ('misc') is not released when a_init() returns the error of platform_driver_register() [leak.error-path]
}

static void __exit a_exit(void)
{
	platform_driver_unregister(&pdrv2);
	misc_deregister(&misc);
	platform_driver_unregister(&pdrv);
}
module_init(a_init);
module_exit(a_exit);
MODULE_LICENSE("GPL");
