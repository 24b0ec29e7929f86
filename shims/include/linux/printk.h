#ifndef _KMODLINT_LINUX_PRINTK_H
#define _KMODLINT_LINUX_PRINTK_H
#include <linux/compiler.h>
__printf(1, 2) int _printk(const char *fmt, ...);
#define printk(fmt, ...) _printk(fmt, ##__VA_ARGS__)
#define KERN_ERR "\0013"
#define KERN_WARNING "\0014"
#define KERN_INFO "\0016"
#define KERN_DEBUG "\0017"
#define pr_err(fmt, ...) printk(KERN_ERR fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...) printk(KERN_DEBUG fmt, ##__VA_ARGS__)
#endif
