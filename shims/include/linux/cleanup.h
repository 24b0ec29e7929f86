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

/* Scope guards (6.5+): guard(name)(args) and scoped_guard(name, args). */
#define __PASTE_(a, b) a##b
#define __PASTE(a, b) __PASTE_(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)
#define DEFINE_GUARD(_name, _type, _lock, _unlock) \
	typedef _type class_##_name##_t; \
	static inline void class_##_name##_destructor(_type *p) \
	{ _type _T = *p; _unlock; } \
	static inline _type class_##_name##_constructor(_type _T) \
	{ _lock; return _T; }
#define CLASS(_name, var) \
	class_##_name##_t var __cleanup(class_##_name##_destructor) = \
		class_##_name##_constructor
#define guard(_name) CLASS(_name, __UNIQUE_ID(guard))
#define scoped_guard(_name, args...) \
	for (CLASS(_name, scope)(args), *done = (void *)0; !done; \
	     done = (void *)1)
#endif
