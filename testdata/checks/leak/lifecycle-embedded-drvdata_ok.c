// The driver data lives inside an object the subsystem allocated (a SCSI
// host's hostdata): probe keeps the device in it (hba->pdev = pdev), and
// remove releases the regions through that copy in a helper (stex.c's
// stex_hba_free()). The same device: no claim.
#include <linux/module.h>
#include <linux/pci.h>

struct host {
	int id;
	unsigned long hostdata[];
};
struct host *host_alloc(int size);
void host_put(struct host *host);

struct hba {
	struct pci_dev *pdev;
	struct host *host;
};

static int hba_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct host *host;
	struct hba *hba;
	int err;

	err = pci_enable_device(pdev);
	if (err)
		return err;
	host = host_alloc(sizeof(*hba));
	if (!host) {
		err = -ENOMEM;
		goto out_disable;
	}
	hba = (struct hba *)host->hostdata;
	hba->host = host;
	hba->pdev = pdev;
	err = pci_request_regions(pdev, "hba");
	if (err)
		goto out_put;
	pci_set_drvdata(pdev, hba);
	return 0;

out_put:
	host_put(host);
out_disable:
	pci_disable_device(pdev);
	return err;
}

static void hba_free(struct hba *hba)
{
	pci_release_regions(hba->pdev);
}

static void hba_remove(struct pci_dev *pdev)
{
	struct hba *hba = pci_get_drvdata(pdev);

	hba_free(hba);
	host_put(hba->host);
	pci_disable_device(pdev);
}

static struct pci_driver hba_driver = {
	.name = "hba",
	.probe = hba_probe,
	.remove = hba_remove,
};
module_pci_driver(hba_driver);
MODULE_LICENSE("GPL");
