#ifndef _KMODLINT_LINUX_MM_H
#define _KMODLINT_LINUX_MM_H
#include <linux/gfp.h>
#include <linux/slab.h>
void put_page(struct page *page);
void *page_address(const struct page *page);
#endif
