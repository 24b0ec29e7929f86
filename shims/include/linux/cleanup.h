#ifndef _KMODLINT_LINUX_CLEANUP_H
#define _KMODLINT_LINUX_CLEANUP_H
#include <linux/compiler.h>
/* Scope-based cleanup as in include/linux/cleanup.h (6.1.192 backport,
 * 6.5+ mainline): __free(name) runs __free_name(&var) at scope exit. */
#define DEFINE_FREE(_name, _type, _free) \
	static inline void __free_##_name(void *p) { _type _T = *(_type *)p; _free; }
#define __free(_name) __cleanup(__free_##_name)
#define __get_and_null(p, nv) \
	({ __auto_type __ptr = &(p); __auto_type __val = *__ptr; *__ptr = nv; __val; })
static inline __must_check const volatile void *
__must_check_fn(const volatile void *val)
{ return val; }
#define no_free_ptr(p) \
	((__typeof__(p)) __must_check_fn((const volatile void *)__get_and_null(p, NULL)))
#define return_ptr(p) return no_free_ptr(p)
#endif
