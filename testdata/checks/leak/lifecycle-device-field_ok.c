// Probe keeps its device in a field of a struct it files in a table of its
// own (no driver data); remove finds the struct by the device and releases
// the regions and the device through that field (qat's adf_probe() and
// adf_devmgr_pci_to_accel_dev()). The field holds the very device probe
// claimed: no claim.
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct accel_pci {
	struct pci_dev *pci_dev;
	int sku;
};
struct accel {
	struct accel_pci accel_pci;
	int id;
};
int table_add(struct accel *a);
struct accel *table_lookup(struct pci_dev *pdev);

static void cleanup_pci(struct accel *a)
{
	pci_release_regions(a->accel_pci.pci_dev);
	pci_disable_device(a->accel_pci.pci_dev);
}

static int accel_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct accel_pci *ap;
	struct accel *a;
	int ret;

	a = kzalloc(sizeof(*a), GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	ap = &a->accel_pci;
	ap->pci_dev = pdev;
	ret = pci_enable_device(pdev);
	if (ret)
		goto out_free;
	ret = pci_request_regions(pdev, "accel");
	if (ret)
		goto out_disable;
	ret = table_add(a);
	if (ret)
		goto out_release;
	return 0;

out_release:
	pci_release_regions(pdev);
out_disable:
	pci_disable_device(pdev);
out_free:
	kfree(a);
	return ret;
}

static void accel_remove(struct pci_dev *pdev)
{
	struct accel *a = table_lookup(pdev);

	if (!a)
		return;
	cleanup_pci(a);
	kfree(a);
}

static struct pci_driver accel_driver = {
	.name = "accel",
	.probe = accel_probe,
	.remove = accel_remove,
};
module_pci_driver(accel_driver);
MODULE_LICENSE("GPL");
