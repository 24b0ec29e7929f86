// One teardown helper for the error path and for remove, which reaches the
// device through a local copy of its field (`struct pci_dev *pdev =
// solo->pdev; ... pci_disable_device(pdev);`, solo6x10's free_solo_dev()):
// the probe's pci_enable_device() is undone on both. No claim.
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct solo {
	struct pci_dev *pdev;
	int type;
};
int solo_hw_init(struct solo *solo);

static void free_solo(struct solo *solo)
{
	struct pci_dev *pdev = solo->pdev;

	pci_disable_device(pdev);
	pci_set_drvdata(pdev, NULL);
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
	ret = pci_enable_device(pdev);
	if (ret)
		goto fail;
	pci_set_drvdata(pdev, solo);
	ret = solo_hw_init(solo);
	if (ret)
		goto fail;
	return 0;

fail:
	free_solo(solo);
	return ret;
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
