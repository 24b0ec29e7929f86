#ifndef _KMODLINT_LINUX_IO_H
#define _KMODLINT_LINUX_IO_H
#include <linux/types.h>
void __iomem *ioremap(phys_addr_t offset, unsigned long size);
void iounmap(volatile void __iomem *addr);
u32 readl(const volatile void __iomem *addr);
void writel(u32 value, volatile void __iomem *addr);
#endif
