// Silent twin of lifecycle-no-exit.c: an init written for the built-in
// kernel (an initcall level, or builtin_platform_driver as in
// lifecycle-builtin-driver_ok.c) becomes module_init()
// in a module, but it was never meant to be unloaded: no module_exit is
// missing (gpio-palmas.c in 6.12).
#include <linux/module.h>
#include <linux/platform_device.h>

static int palmas_probe(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver palmas_driver = {
	.probe = palmas_probe,
};

static int __init palmas_init(void)
{
	return platform_driver_register(&palmas_driver);
}
subsys_initcall(palmas_init);
MODULE_LICENSE("GPL");
