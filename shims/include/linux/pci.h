#ifndef _KMODLINT_LINUX_PCI_H
#define _KMODLINT_LINUX_PCI_H
#include <linux/device.h>
#include <linux/module.h>
struct pci_device_id {
	u32 vendor, device, subvendor, subdevice, class, class_mask;
	unsigned long driver_data;
};
struct pci_dev {
	struct device dev;
	unsigned int irq;
};
struct pci_driver {
	const char *name;
	const struct pci_device_id *id_table;
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
	struct device_driver driver;
};
int pci_enable_device(struct pci_dev *dev);
void pci_disable_device(struct pci_dev *dev);
int pci_request_regions(struct pci_dev *dev, const char *name);
int pcim_enable_device(struct pci_dev *dev);
void pci_release_regions(struct pci_dev *dev);
int __pci_register_driver(struct pci_driver *drv, struct module *owner, const char *mod_name);
#define pci_register_driver(driver) __pci_register_driver(driver, THIS_MODULE, "kmodlint")
void pci_unregister_driver(struct pci_driver *dev);
#define module_pci_driver(__pci_driver) \
	module_driver(__pci_driver, pci_register_driver, pci_unregister_driver)
void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long max);
void pci_iounmap(struct pci_dev *dev, void __iomem *addr);
unsigned long pci_resource_start(struct pci_dev *dev, int bar);
static inline void *pci_get_drvdata(struct pci_dev *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}
static inline void pci_set_drvdata(struct pci_dev *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}
#endif
