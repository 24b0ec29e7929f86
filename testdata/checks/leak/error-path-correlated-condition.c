// A test the probe makes twice, `ZERO_OR_NULL_PTR(priv->vault)` on the way
// in and again on the error ladder, goes the same way both times: calls
// handed priv in between do not flip it (int3400_thermal_probe()). The one
// leak left is real: a failed m3 registration jumps past m1's release.
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/miscdevice.h>
#include <linux/slab.h>

#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

struct priv { void *vault; int flags; struct platform_device *pdev; };
static struct miscdevice m1, m2, m3;
void setup(struct priv *p);
int has_method(struct priv *p);
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
	if (has_method(priv)) {
		ret = misc_register(&m3);
		if (ret)
			goto unreg3;
	}
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
unreg3:
	misc_deregister(&m3);
free:
	kfree(priv);
	return ret; // expect-warning: misc device registration acquired by misc_register() ('m1') is not released when probe() returns ret [leak.error-path]
}
static int rm(struct platform_device *pdev)
{
	struct priv *priv = platform_get_drvdata(pdev);

	uninstall(priv);
	if (!ZERO_OR_NULL_PTR(priv->vault))
		misc_deregister(&m2);
	misc_deregister(&m3);
	misc_deregister(&m1);
	kfree(priv);
	return 0;
}
static struct platform_driver drv = { .probe = probe, .remove = rm };
module_platform_driver(drv);
MODULE_LICENSE("GPL");
