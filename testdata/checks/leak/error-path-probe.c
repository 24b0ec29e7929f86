// probe error paths and probe -> remove pairing.
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/interrupt.h>

struct demo_priv {
	void *rx;
	void *tx;
	void *stats;
	int irq;
};

static irqreturn_t demo_isr(int irq, void *dev)
{
	return IRQ_HANDLED;
}

static int demo_probe(struct platform_device *pdev)
{
	struct demo_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL); /* devres frees it */
	if (!priv)
		return -ENOMEM;
	priv->rx = kzalloc(256, GFP_KERNEL);
	if (!priv->rx)
		return -ENOMEM;
	priv->tx = kzalloc(256, GFP_KERNEL);
	if (!priv->tx)
		return -ENOMEM; // expect-warning: kmalloc memory acquired by kzalloc() ('priv->rx') is not released when demo_probe() returns -ENOMEM [leak.error-path]
	priv->stats = kzalloc(64, GFP_KERNEL); // expect-warning: kmalloc memory acquired by kzalloc() and kept in 'priv->stats' in the driver data by demo_probe() is not released by demo_remove() [leak.lifecycle]
	if (!priv->stats) {
		ret = -ENOMEM;
		goto err_tx;
	}
	priv->irq = platform_get_irq(pdev, 0);
	ret = devm_request_irq(&pdev->dev, priv->irq, demo_isr, 0, "demo", priv);
	if (ret)
		goto err_stats;
	platform_set_drvdata(pdev, priv);
	return 0;

err_stats:
	kfree(priv->stats);
err_tx:
	kfree(priv->tx);
	kfree(priv->rx);
	return ret;
}

static int demo_remove(struct platform_device *pdev)
{
	struct demo_priv *priv = platform_get_drvdata(pdev);

	kfree(priv->tx);
	kfree(priv->rx);
	return 0;
}

static struct platform_driver demo_driver = {
	.probe = demo_probe,
	.remove = demo_remove,
	.driver = { .name = "demo" },
};
module_platform_driver(demo_driver);
MODULE_LICENSE("GPL");

static int demo_probe_fixable(struct platform_device *pdev)
{
	void *cfg = kzalloc(32, GFP_KERNEL);

	if (!cfg)
		return -ENOMEM;
	if (pdev->id < 0) {
		return -EINVAL; // expect-warning: kmalloc memory acquired by kzalloc() ('cfg') is not released when demo_probe_fixable() returns -EINVAL [leak.error-path]
	}
	kfree(cfg);
	return 0;
}

static struct platform_driver demo_fixable_driver = {
	.probe = demo_probe_fixable,
	.driver = { .name = "demo-fixable" },
};
