#ifndef _KMODLINT_LINUX_TYPES_H
#define _KMODLINT_LINUX_TYPES_H
#include <linux/compiler.h>
typedef unsigned long size_t;
typedef long ssize_t;
typedef long long loff_t;
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;
typedef _Bool bool;
typedef unsigned int gfp_t;
typedef u64 dma_addr_t;
typedef u64 phys_addr_t;
typedef u32 dev_t;
typedef unsigned int umode_t;
typedef long intptr_t;
typedef unsigned long uintptr_t;
enum { false = 0, true = 1 };
#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define NULL ((void *)0)
struct list_head { struct list_head *next, *prev; };
struct hlist_node { struct hlist_node *next, **pprev; };
struct hlist_head { struct hlist_node *first; };
typedef struct { int counter; } atomic_t;
#endif
