// A probe that releases its IRQ on the error path through the copy of the
// device it keeps (lynx->pci_device->irq, with lynx->pci_device = dev):
// the same field of the same device as request_irq(dev->irq, ...) named.
// The shape of firewire's nosy add_card().
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/pci.h>
#include <linux/interrupt.h>
#include <linux/miscdevice.h>
struct lynx { struct pci_dev *pci_device; struct miscdevice misc; };
static irqreturn_t irq_handler(int irq, void *d) { return IRQ_HANDLED; }
static int add_card(struct pci_dev *dev, const struct pci_device_id *id)
{
	struct lynx *lynx;
	int ret;
	lynx = kzalloc(sizeof(*lynx), GFP_KERNEL);
	if (!lynx)
		return -ENOMEM;
	lynx->pci_device = dev;
	pci_set_drvdata(dev, lynx);
	ret = request_irq(dev->irq, irq_handler, IRQF_SHARED, "lynx", lynx);
	if (ret)
		goto fail_free;
	ret = misc_register(&lynx->misc);
	if (ret)
		goto fail_irq;
	return 0;
fail_irq:
	free_irq(lynx->pci_device->irq, lynx);
fail_free:
	kfree(lynx);
	return ret;
}
static void remove_card(struct pci_dev *dev)
{
	struct lynx *lynx = pci_get_drvdata(dev);
	misc_deregister(&lynx->misc);
	free_irq(lynx->pci_device->irq, lynx);
	kfree(lynx);
}
static struct pci_driver drv = { .name = "l", .probe = add_card, .remove = remove_card };
module_pci_driver(drv);
MODULE_LICENSE("GPL");
