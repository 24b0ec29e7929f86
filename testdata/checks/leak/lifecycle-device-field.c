// The same probe and table, whose remove disables the device through the
// field but never releases the regions: they stay claimed.
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
	ret = pci_request_regions(pdev, "accel"); // expect-warning: PCI regions acquired by pci_request_regions() and kept in 'pdev' by accel_probe() is not released by accel_remove() [leak.lifecycle]
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
