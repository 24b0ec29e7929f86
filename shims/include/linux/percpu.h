#ifndef _KMODLINT_LINUX_PERCPU_H
#define _KMODLINT_LINUX_PERCPU_H
#include <linux/types.h>
void *__alloc_percpu(size_t size, size_t align);
void *__alloc_percpu_gfp(size_t size, size_t align, gfp_t gfp);
void free_percpu(void *ptr);
#define alloc_percpu(type) ((__typeof__(type) *)__alloc_percpu(sizeof(type), __alignof__(type)))
#endif
