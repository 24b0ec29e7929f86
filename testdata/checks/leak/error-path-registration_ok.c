// The same setup, unwound in reverse on every failure; and a helper that
// deregisters only when a flag says so (mwave_exit() on mwavedd.c's error
// path) may release it: no claim.
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>

static struct platform_driver pdrv = { .driver = { .name = "a" } };
static struct platform_driver pdrv2 = { .driver = { .name = "b" } };
static struct miscdevice misc = { .minor = MISC_DYNAMIC_MINOR, .name = "a" };
static bool misc_registered;
int other_init(void);

static void a_cleanup(void)
{
	if (misc_registered)
		misc_deregister(&misc);
}

static int __init a_init(void)
{
	int ret = platform_driver_register(&pdrv);

	if (ret)
		return ret;
	ret = misc_register(&misc);
	if (ret)
		goto err_platform;
	misc_registered = true;
	ret = other_init();
	if (ret)
		goto err_misc;
	ret = platform_driver_register(&pdrv2);
	if (ret)
		goto err_misc;
	return 0;
err_misc:
	a_cleanup();
err_platform:
	platform_driver_unregister(&pdrv);
	return ret;
}

static void __exit a_exit(void)
{
	platform_driver_unregister(&pdrv2);
	a_cleanup();
	platform_driver_unregister(&pdrv);
}
module_init(a_init);
module_exit(a_exit);
MODULE_LICENSE("GPL");

/* register_chrdev() with a fixed major returns 0 on success: a non-zero
 * status is a failure, and nothing is left (ppdev.c's init). */
static const struct file_operations demo_fops;

int demo_chrdev_setup(void)
{
	if (register_chrdev(99, "demo", &demo_fops))
		return -EIO;
	return 0;
}

