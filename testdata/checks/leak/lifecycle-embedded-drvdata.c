// The same probe, whose remove forgets the regions it kept through the
// driver data's copy of the device: they stay claimed after remove.
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
	err = pci_request_regions(pdev, "hba"); // expect-warning: PCI regions acquired by pci_request_regions() and kept in 'pdev' by hba_probe() is not released by hba_remove() [leak.lifecycle]
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
	(void)hba;
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
