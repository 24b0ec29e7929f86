// A field's family is known from every store into it in the file, so a
// release in another function (remove, a cleanup helper) is checked too.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/platform_device.h>

struct demo_priv {
	void *ring;
	char *name;
	u8 *scratch;
};

static void *demo_alloc_table(size_t n)
{
	return vzalloc(n);
}

static void demo_free_scratch(struct demo_priv *priv)
{
	vfree(priv->scratch); // expect-warning: 'priv->scratch' holds kmalloc memory from kmalloc() but is released with vfree(); use kfree() [release.mismatch]
}

static int demo_probe(struct platform_device *pdev)
{
	struct demo_priv *priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	priv->ring = kvzalloc(4096, GFP_KERNEL);
	if (!priv->ring)
		return -ENOMEM;
	priv->name = demo_alloc_table(64);
	priv->scratch = kmalloc(32, GFP_KERNEL);
	platform_set_drvdata(pdev, priv);
	return 0;
}

static int demo_remove(struct platform_device *pdev)
{
	struct demo_priv *priv = platform_get_drvdata(pdev);

	kfree(priv->ring); // expect-warning: 'priv->ring' holds kvmalloc memory (kmalloc or vmalloc, decided at run time) from kvzalloc() but is released with kfree(); use kvfree() [release.mismatch]
	kfree(priv->name); // expect-warning: 'priv->name' holds vmalloc memory from demo_alloc_table() but is released with kfree(); use vfree() [release.mismatch]
	demo_free_scratch(priv); /* reported inside the helper */
	kfree(priv); // expect-warning: 'priv' holds device-managed memory from devm_kzalloc() and is released with kfree(): devres releases it again [release.mismatch]
	return 0;
}

static struct platform_driver demo_driver = {
	.probe = demo_probe,
	.remove = demo_remove,
	.driver = { .name = "demo" },
};
module_platform_driver(demo_driver);
MODULE_LICENSE("GPL");
