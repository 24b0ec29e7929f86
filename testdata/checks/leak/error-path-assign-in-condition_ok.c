// `if ((ret = f()) != 0) goto err;` tests what ret now holds: past the
// last test ret is 0, so the shared `out: return ret;` after the final
// success is not a failure (padlock-aes.c's init).
#include <linux/module.h>
#include <linux/platform_device.h>

static struct platform_driver a, b, c;
int quirk, fetch;

static int __init pad_init(void)
{
	int ret;

	if ((ret = platform_driver_register(&a)) != 0)
		goto a_err;
	if ((ret = platform_driver_register(&b)) != 0)
		goto b_err;
	if ((ret = platform_driver_register(&c)) < 0)
		goto c_err;
	if (quirk == 6)
		fetch = 2;
out:
	return ret;
c_err:
	platform_driver_unregister(&b);
b_err:
	platform_driver_unregister(&a);
a_err:
	goto out;
}

static void __exit pad_exit(void)
{
	platform_driver_unregister(&c);
	platform_driver_unregister(&b);
	platform_driver_unregister(&a);
}
module_init(pad_init);
module_exit(pad_exit);
MODULE_LICENSE("GPL");
