#ifndef _KMODLINT_LINUX_UACCESS_H
#define _KMODLINT_LINUX_UACCESS_H
#include <linux/types.h>
#include <linux/printk.h>
unsigned long __must_check copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long __must_check copy_to_user(void __user *to, const void *from, unsigned long n);
#endif
