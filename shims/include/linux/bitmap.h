#ifndef _KMODLINT_LINUX_BITMAP_H
#define _KMODLINT_LINUX_BITMAP_H
#include <linux/types.h>
unsigned long *bitmap_alloc(unsigned int nbits, gfp_t flags);
unsigned long *bitmap_zalloc(unsigned int nbits, gfp_t flags);
void bitmap_free(const unsigned long *bitmap);
#endif
