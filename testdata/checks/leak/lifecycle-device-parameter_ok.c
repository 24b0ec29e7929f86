// A probe that enables its PCI device and claims its regions, kept only
// as a back-pointer in the driver data (dc->pdev), and a remove that undoes
// both on the device the bus hands it: the same device, as remove's
// parameter (nozomi's nozomi_card_init()/nozomi_card_exit() shape).
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
	ret = pci_enable_device(dc->pdev);
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
	pci_disable_device(pdev);
}

static struct pci_driver card_driver = {
	.name = "card",
	.probe = card_probe,
	.remove = card_remove,
};
module_pci_driver(card_driver);
MODULE_LICENSE("GPL");
