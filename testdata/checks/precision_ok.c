// Idioms from real drivers that once produced false positives; all silent.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/string.h>
#include <linux/device.h>

struct descs {
	int n;
	void *desc[8];
};

/* drivers/char/agp/generic.c: retry while the allocation fails; the
 * do-while re-tests "!table && ..." as a whole. */
static int retry_smaller(int *order, int max)
{
	char *table = NULL;
	int i = 0;

	do {
		table = (char *)__get_free_pages(GFP_KERNEL, i);
		if (table == NULL)
			i++;
		else
			*order = i;
	} while (!table && (i < max));
	if (table == NULL)
		return -ENOMEM;
	free_pages((unsigned long)table, i);
	return 0;
}

/* drivers/gpio/gpiolib.c: one allocation site in a loop, the previous
 * block copied and freed, the pointer moved to the new one. */
static struct descs *grow_in_loop(int count)
{
	struct descs *d = kzalloc(sizeof(*d), GFP_KERNEL);
	int i;

	if (!d)
		return NULL;
	for (i = 0; i < count; i++) {
		if (d->n == 0) {
			struct descs *bigger = kzalloc(sizeof(*bigger), GFP_KERNEL);

			if (!bigger) {
				kfree(d);
				return NULL;
			}
			memcpy(bigger, d, sizeof(*d));
			kfree(d);
			d = bigger;
		}
		d->n++;
	}
	return d;
}

/* drivers/gpio/gpiolib-sysfs.c: unregister the device, then drop the
 * reference a lookup took: two layers, not a double free. */
static void unexport(struct device *dev)
{
	device_unregister(dev);
	put_device(dev);
}
MODULE_LICENSE("GPL");
