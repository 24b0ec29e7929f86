// The correct twin of leak_probe.c: every error path unwinds, remove
// releases what probe kept (directly or through a helper), and devm_
// resources are left to devres.
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

static void demo_free_buffers(struct demo_priv *priv)
{
	kfree(priv->stats);
	kfree(priv->tx);
	kfree(priv->rx);
}

static int demo_probe(struct platform_device *pdev)
{
	struct demo_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->rx = kzalloc(256, GFP_KERNEL);
	if (!priv->rx)
		return -ENOMEM;
	priv->tx = kzalloc(256, GFP_KERNEL);
	if (!priv->tx) {
		ret = -ENOMEM;
		goto err_rx;
	}
	priv->stats = kzalloc(64, GFP_KERNEL);
	if (!priv->stats) {
		ret = -ENOMEM;
		goto err_tx;
	}
	priv->irq = platform_get_irq(pdev, 0);
	ret = devm_request_irq(&pdev->dev, priv->irq, demo_isr, 0, "demo", priv);
	if (ret) {
		demo_free_buffers(priv);
		return ret;
	}
	platform_set_drvdata(pdev, priv);
	return 0;

err_tx:
	kfree(priv->tx);
err_rx:
	kfree(priv->rx);
	return ret;
}

static int demo_remove(struct platform_device *pdev)
{
	struct demo_priv *priv = platform_get_drvdata(pdev);

	demo_free_buffers(priv);
	return 0;
}

static struct platform_driver demo_driver = {
	.probe = demo_probe,
	.remove = demo_remove,
	.driver = { .name = "demo" },
};
module_platform_driver(demo_driver);
MODULE_LICENSE("GPL");
