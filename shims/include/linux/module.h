#ifndef _KMODLINT_LINUX_MODULE_H
#define _KMODLINT_LINUX_MODULE_H
#include <linux/types.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/errno.h>
/* As 6.1 with -DMODULE: init_module/cleanup_module are aliases of the
 * module's functions (include/linux/module.h:131-146). */
#define module_init(initfn)                                     \
	static inline initcall_t __maybe_unused __inittest(void) \
	{ return initfn; }                                      \
	int init_module(void) __attribute__((__alias__(#initfn)));
#define module_exit(exitfn)                                     \
	static inline exitcall_t __maybe_unused __exittest(void) \
	{ return exitfn; }                                      \
	void cleanup_module(void) __attribute__((__alias__(#exitfn)));
/* In a module the initcall levels are module_init()
 * (include/linux/module.h:110-127). */
#define subsys_initcall(fn) module_init(fn)
#define device_initcall(fn) module_init(fn)
#define late_initcall(fn) module_init(fn)
#define MODULE_LICENSE(x)
#define MODULE_AUTHOR(x)
#define MODULE_DESCRIPTION(x)
#define MODULE_DEVICE_TABLE(type, name)
#define THIS_MODULE ((struct module *)0)
struct module;
#define module_driver(__driver, __register, __unregister, ...) \
static int __init __driver##_init(void) \
{ \
	return __register(&(__driver) , ##__VA_ARGS__); \
} \
module_init(__driver##_init); \
static void __exit __driver##_exit(void) \
{ \
	__unregister(&(__driver) , ##__VA_ARGS__); \
} \
module_exit(__driver##_exit);
#endif
