// References the PCI and I2C cores hand out must be dropped
// (sdhci-pci-core.c's amd_probe(), vpif_capture.c's vpif_probe() before
// 6.12.y's fixes).
#include <linux/module.h>

struct pci_dev { int devfn; };
struct i2c_adapter { int nr; };
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from);
void pci_dev_put(struct pci_dev *dev);
struct i2c_adapter *i2c_get_adapter(int nr);
void i2c_put_adapter(struct i2c_adapter *adap);

int demo_smbus_revision(void)
{
	struct pci_dev *smbus = pci_get_device(0x1022, 0x780b, NULL);
	int revision;

	if (!smbus)
		return -ENODEV;
	revision = smbus->devfn & 7;
	return revision; // expect-warning: PCI device reference acquired by pci_get_device() ('smbus') is not released when demo_smbus_revision() returns revision [leak.local]
}

int demo_adapter_nr(int nr)
{
	struct i2c_adapter *adap = i2c_get_adapter(nr);
	int ret;

	if (!adap)
		return -ENODEV;
	ret = adap->nr;
	i2c_put_adapter(adap);
	return ret;
}
