// The twin of error-path-pcim-regions_ok.c: with plain pci_enable_device()
// neither the enabling nor the regions are managed, and the failing
// probe leaves both behind (and remove releases neither).
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/pci.h>

int card_setup(struct pci_dev *pdev);

static int card_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	int ret;

	ret = pci_enable_device(pdev); // expect-warning: enabled PCI device acquired by pci_enable_device() and kept in 'pdev' by card_probe() is not released by card_remove() [leak.lifecycle]
	if (ret)
		return ret;
	ret = pci_request_regions(pdev, "card"); // expect-warning: PCI regions acquired by pci_request_regions() and kept in 'pdev' by card_probe() is not released by card_remove() [leak.lifecycle]
	if (ret)
		return ret; // expect-warning: enabled PCI device acquired by pci_enable_device() ('pdev') is not released when card_probe() returns ret [leak.error-path]
	ret = card_setup(pdev);
	if (ret)
		return ret; // expect-warning: PCI regions acquired by pci_request_regions() ('pdev') is not released when card_probe() returns ret [leak.error-path] // expect-warning: enabled PCI device acquired by pci_enable_device() ('pdev') is not released when card_probe() returns ret [leak.error-path]
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
