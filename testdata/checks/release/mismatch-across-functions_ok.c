// The correct twin of mismatch_across_functions.c, plus a field with mixed
// stores, whose family kmodlint must not guess.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/platform_device.h>

struct demo_priv {
	void *ring;
	char *name;
	u8 *scratch;
	void *mixed;
};

static void *demo_alloc_table(size_t n)
{
	return vzalloc(n);
}

static void demo_free_scratch(struct demo_priv *priv)
{
	kfree(priv->scratch);
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
	if (pdev->id)
		priv->mixed = vmalloc(16);
	else
		priv->mixed = kmalloc(16, GFP_KERNEL);
	platform_set_drvdata(pdev, priv);
	return 0;
}

static int demo_remove(struct platform_device *pdev)
{
	struct demo_priv *priv = platform_get_drvdata(pdev);

	kvfree(priv->ring);
	vfree(priv->name);
	demo_free_scratch(priv);
	kvfree(priv->mixed);
	return 0;
}

static struct platform_driver demo_driver = {
	.probe = demo_probe,
	.remove = demo_remove,
	.driver = { .name = "demo" },
};
module_platform_driver(demo_driver);
MODULE_LICENSE("GPL");
