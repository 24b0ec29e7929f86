// A cleanup that runs only when a flag the path cannot decide says so
// (e1000_probe(): if (!adapter || disable_dev) pci_disable_device(pdev)):
// the registration may be released on that exit; no claim.
#include <linux/module.h>
#include <linux/miscdevice.h>

int other_init(void);

static struct miscdevice misc2 = { .minor = MISC_DYNAMIC_MINOR, .name = "b" };
int still_in_use(void);

static int __init b_init(void)
{
	int busy;
	int ret = misc_register(&misc2);

	if (ret)
		return ret;
	ret = other_init();
	if (!ret)
		return 0;
	busy = still_in_use();
	if (!busy)
		misc_deregister(&misc2);
	return ret;
}
static void __exit b_exit(void)
{
	misc_deregister(&misc2);
}
module_init(b_init);
module_exit(b_exit);
MODULE_LICENSE("GPL");
