#ifndef _KMODLINT_LINUX_VMALLOC_H
#define _KMODLINT_LINUX_VMALLOC_H
#include <linux/types.h>
#include <linux/gfp.h>
void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void *vmalloc_user(unsigned long size);
void *vmalloc_node(unsigned long size, int node);
void *vzalloc_node(unsigned long size, int node);
void *vmalloc_32(unsigned long size);
void *__vmalloc(unsigned long size, gfp_t gfp_mask);
void *vmalloc_array(size_t n, size_t size);
void *vcalloc(size_t n, size_t size);
void vfree(const void *addr);
void vfree_atomic(const void *addr);
#endif
