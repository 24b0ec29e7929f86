// The same probe with the conditional group released under the same
// test it was created under, and every rung in place: no claim (the vault
// group is never "left registered" by the path that skipped creating it).
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/slab.h>

#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

struct priv { void *vault; int flags; struct platform_device *pdev; };
static struct miscdevice m1, m2;
void setup(struct priv *p);
int install(struct priv *p);
void uninstall(struct priv *p);
int other(struct priv *p);
static int probe(struct platform_device *pdev)
{
	struct priv *priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	int ret;
	if (!priv)
		return -ENOMEM;
	setup(priv);
	ret = misc_register(&m1);
	if (ret)
		goto free;
	if (!ZERO_OR_NULL_PTR(priv->vault)) {
		ret = misc_register(&m2);
		if (ret)
			goto unreg1;
	}
	ret = install(priv);
	if (ret)
		goto unreg2;
	ret = other(priv);
	if (ret)
		goto uninst;
	platform_set_drvdata(pdev, priv);
	return 0;
uninst:
	uninstall(priv);
unreg2:
	if (!ZERO_OR_NULL_PTR(priv->vault)) {
		misc_deregister(&m2);
		kfree(priv->vault);
	}
unreg1:
	misc_deregister(&m1);
free:
	kfree(priv);
	return ret;
}
static int rm(struct platform_device *pdev)
{
	struct priv *priv = platform_get_drvdata(pdev);

	uninstall(priv);
	if (!ZERO_OR_NULL_PTR(priv->vault))
		misc_deregister(&m2);
	misc_deregister(&m1);
	kfree(priv);
	return 0;
}
static struct platform_driver drv = { .probe = probe, .remove = rm };
module_platform_driver(drv);
MODULE_LICENSE("GPL");
