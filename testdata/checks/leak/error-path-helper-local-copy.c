// The same helper, but its local copy is pointed at another device before
// the disable: the probe's device stays enabled on the error path.
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct solo {
	struct pci_dev *pdev;
	int type;
};
int solo_hw_init(struct solo *solo);
struct pci_dev *pci_upstream(struct pci_dev *pdev);

static void free_solo(struct solo *solo)
{
	struct pci_dev *pdev = solo->pdev;

	pci_set_drvdata(pdev, NULL);
	pdev = pci_upstream(pdev);
	pci_disable_device(pdev);
	kfree(solo);
}

static int solo_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct solo *solo;
	int ret;

	solo = kzalloc(sizeof(*solo), GFP_KERNEL);
	if (!solo)
		return -ENOMEM;
	solo->pdev = pdev;
	ret = pci_enable_device(pdev); // expect-warning: enabled PCI device acquired by pci_enable_device() and kept in 'pdev' by solo_probe() is not released by solo_remove() [leak.lifecycle]
	if (ret)
		goto fail;
	pci_set_drvdata(pdev, solo);
	ret = solo_hw_init(solo);
	if (ret)
		goto fail;
	return 0;

fail:
	free_solo(solo);
	return ret; // expect-warning: enabled PCI device acquired by pci_enable_device() ('pdev') is not released when solo_probe() returns ret [leak.error-path]
}

static void solo_remove(struct pci_dev *pdev)
{
	free_solo(pci_get_drvdata(pdev));
}

static struct pci_driver solo_driver = {
	.name = "solo",
	.probe = solo_probe,
	.remove = solo_remove,
};
module_pci_driver(solo_driver);
MODULE_LICENSE("GPL");
