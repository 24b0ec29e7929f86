#ifndef _KMODLINT_LINUX_KERNEL_H
#define _KMODLINT_LINUX_KERNEL_H
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/printk.h>
#include <linux/gfp.h>
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define offsetof(TYPE, MEMBER) __builtin_offsetof(TYPE, MEMBER)
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))
#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
#define BUG_ON(c) do { if (c) __builtin_trap(); } while (0)
#define WARN_ON(c) ({ int __ret = !!(c); if (unlikely(__ret)) _printk("WARNING\n"); unlikely(__ret); })
__printf(2, 3) char *kasprintf(gfp_t gfp, const char *fmt, ...);
int sprintf(char *buf, const char *fmt, ...);
int snprintf(char *buf, size_t size, const char *fmt, ...);
int scnprintf(char *buf, size_t size, const char *fmt, ...);
int kstrtoint(const char *s, unsigned int base, int *res);
#endif
