#ifndef _KMODLINT_LINUX_MM_H
#define _KMODLINT_LINUX_MM_H
#include <linux/gfp.h>
#include <linux/slab.h>
void put_page(struct page *page);
void *page_address(const struct page *page);
struct vm_area_struct;
struct page *vmalloc_to_page(const void *addr);
int remap_vmalloc_range(struct vm_area_struct *vma, void *addr, unsigned long pgoff);
#endif
