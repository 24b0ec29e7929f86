// PTR_ERR_OR_ZERO(p) is 0 exactly when p is a valid pointer: a non-zero
// status means nothing was acquired (6.1 drivers/spi/spidev.c:797-818).
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/string.h>
#include <linux/uaccess.h>

int demo_apply(const char *cfg);

static int demo_load(const void __user *src, size_t n)
{
	char *cfg;
	int status;

	cfg = memdup_user(src, n);
	status = PTR_ERR_OR_ZERO(cfg);
	if (status)
		return status;
	status = demo_apply(cfg);
	kfree(cfg);
	return status;
}

static int demo_load_once(const void __user *src, size_t n)
{
	char *cfg = memdup_user(src, n);
	int status = PTR_ERR_OR_ZERO(cfg);

	if (status == 0)
		kfree(cfg);
	return status;
}

MODULE_LICENSE("GPL");
