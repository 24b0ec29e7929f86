// The twin of error-path-cleanup-helper_ok.c: the cleanup helper releases
// the regions but forgets to disable the device.
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>

struct board {
	struct pci_dev *pci;
	int ready;
};

static void board_free(struct board *mgr)
{
	pci_release_regions(mgr->pci);
	kfree(mgr);
}

static int board_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct board *mgr;
	int err;

	err = pci_enable_device(pdev);
	if (err < 0)
		return err;
	mgr = kzalloc(sizeof(*mgr), GFP_KERNEL);
	if (!mgr) {
		pci_disable_device(pdev);
		return -ENOMEM;
	}
	mgr->pci = pdev;
	err = pci_request_regions(pdev, "board");
	if (err < 0) {
		kfree(mgr);
		pci_disable_device(pdev);
		return err;
	}
	if (id->driver_data) {
		board_free(mgr);
		return -ENODEV; // expect-warning: enabled PCI device acquired by pci_enable_device() ('pdev') is not released when board_probe() returns -ENODEV [leak.error-path]
	}
	pci_set_drvdata(pdev, mgr);
	return 0;
}

static void board_remove(struct pci_dev *pdev)
{
	board_free(pci_get_drvdata(pdev));
}

static const struct pci_device_id board_ids[] = { { 0x1234, 0x5678 }, { } };
static struct pci_driver board_driver = {
	.name = "board",
	.id_table = board_ids,
	.probe = board_probe,
	.remove = board_remove,
};
module_pci_driver(board_driver);
MODULE_LICENSE("GPL");
