// Silent twin of lifecycle-no-exit.c: builtin_platform_driver() registers
// with an initcall and has no exit on purpose (gpio-bcm-kona.c in 6.12).
#include <linux/module.h>
#include <linux/platform_device.h>

static int kona_probe(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver kona_driver = {
	.probe = kona_probe,
};
builtin_platform_driver(kona_driver);
MODULE_LICENSE("GPL");
