// The probe leaves the unwinding to the helper it fails in: its error
// label disables the device the caller enabled, through the copy the
// caller stored (card->pdev = pdev; speedfax's setup_instance()). No claim.
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>
struct hw { struct pci_dev *pdev; int irq; };
int init_chip(struct hw *card);
static int setup_instance(struct hw *card)
{
	int err = init_chip(card);
	if (err)
		goto error;
	return 0;
error:
	pci_disable_device(card->pdev);
	kfree(card);
	return err;
}
static int probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	int err = -ENOMEM;
	struct hw *card = kzalloc(sizeof(*card), GFP_KERNEL);
	if (!card)
		return err;
	card->pdev = pdev;
	err = pci_enable_device(pdev);
	if (err) {
		kfree(card);
		return err;
	}
	pci_set_drvdata(pdev, card);
	err = setup_instance(card);
	if (err)
		pci_set_drvdata(pdev, NULL);
	return err;
}
static void remove(struct pci_dev *pdev)
{
	struct hw *card = pci_get_drvdata(pdev);

	pci_disable_device(card->pdev);
	kfree(card);
}
static struct pci_driver drv = { .probe = probe, .remove = remove };
module_pci_driver(drv);
MODULE_LICENSE("GPL");
