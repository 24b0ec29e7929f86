// The same probe whose cleanup helper walks the BARs without unmapping
// them: a failure after a mapping leaves it mapped.
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/io.h>
struct bar { void __iomem *virt; unsigned long base; };
struct accel_pci { struct pci_dev *pdev; struct bar bars[4]; };
struct accel { struct accel_pci pci; int x; };
int dev_up(struct accel *a);
static void cleanup_accel(struct accel *a)
{
	struct accel_pci *ap = &a->pci;
	int i;
	for (i = 0; i < 4; i++) {
		struct bar *bar = &ap->bars[i];
		bar->base = 0;
	}
}
static int probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct accel *a;
	struct accel_pci *ap;
	int i, ret, n;
	a = kzalloc(sizeof(*a), GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	ap = &a->pci;
	ap->pdev = pdev;
	if (pci_enable_device(pdev)) { ret = -EFAULT; goto out_err; }
	i = 0;
	for (n = 0; n < 4; n++) {
		struct bar *bar = &ap->bars[i++];
		bar->base = pci_resource_start(pdev, n);
		if (!bar->base)
			break;
		bar->virt = pci_iomap(ap->pdev, n, 0);
		if (!bar->virt) { ret = -EFAULT; goto out_dis; }
	}
	ret = dev_up(a);
	if (ret)
		goto out_dis;
	pci_set_drvdata(pdev, a);
	return 0;
out_dis:
	pci_disable_device(pdev);
out_err:
	cleanup_accel(a);
	kfree(a);
	return ret; // expect-warning: PCI BAR mapping acquired by pci_iomap() ('bar->virt') is not released when probe() returns ret [leak.error-path]
}
static void remove(struct pci_dev *pdev)
{
	struct accel *a = pci_get_drvdata(pdev);

	pci_disable_device(pdev);
	cleanup_accel(a);
	kfree(a);
}
static struct pci_driver drv = { .probe = probe, .remove = remove };
module_pci_driver(drv);
MODULE_LICENSE("GPL");
