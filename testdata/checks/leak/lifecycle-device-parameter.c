// The twin of lifecycle-device-parameter_ok.c: remove releases the regions
// but never disables the device probe enabled.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/pci.h>

struct card {
	struct pci_dev *pdev;
	int ports;
};

static int card_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct card *dc;
	int ret;

	dc = kzalloc(sizeof(*dc), GFP_KERNEL);
	if (!dc)
		return -ENOMEM;
	dc->pdev = pdev;
	ret = pci_enable_device(dc->pdev); // expect-warning: enabled PCI device acquired by pci_enable_device() and kept in 'dc->pdev' in the driver data by card_probe() is not released by card_remove() [leak.lifecycle]
	if (ret)
		goto err_free;
	ret = pci_request_regions(dc->pdev, "card");
	if (ret)
		goto err_disable;
	pci_set_drvdata(pdev, dc);
	return 0;

err_disable:
	pci_disable_device(pdev);
err_free:
	kfree(dc);
	return ret;
}

static void card_remove(struct pci_dev *pdev)
{
	struct card *dc = pci_get_drvdata(pdev);

	pci_release_regions(pdev);
	kfree(dc);
}

static struct pci_driver card_driver = {
	.name = "card",
	.probe = card_probe,
	.remove = card_remove,
};
module_pci_driver(card_driver);
MODULE_LICENSE("GPL");
