// Regions requested after pcim_enable_device() are devres-managed too
// (6.1 records them in the pcim devres, 6.12 requests them through
// pcim_request_region()): a failing probe returns without releasing
// them, as drm/tiny/cirrus does.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/pci.h>

int card_setup(struct pci_dev *pdev);

static int card_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int ret;

	ret = pcim_enable_device(pdev);
	if (ret)
		return ret;
	ret = pci_request_regions(pdev, "card");
	if (ret)
		return ret;
	ret = card_setup(pdev);
	if (ret)
		return ret;
	return 0;
}

static void card_remove(struct pci_dev *pdev)
{
}

static struct pci_driver card_driver = {
	.name = "card",
	.probe = card_probe,
	.remove = card_remove,
};
module_pci_driver(card_driver);
MODULE_LICENSE("GPL");
