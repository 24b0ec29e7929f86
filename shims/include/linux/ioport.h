/* Bundled kernel API subset (6.1 shapes): include/linux/ioport.h. */
#ifndef _KMODLINT_SHIM_IOPORT_H
#define _KMODLINT_SHIM_IOPORT_H
#include <linux/types.h>
#include <linux/platform_device.h>

extern struct resource iomem_resource;
struct resource *__request_region(struct resource *parent, u64 start, u64 n,
				  const char *name, int flags);
void __release_region(struct resource *parent, u64 start, u64 n);
static inline u64 resource_size(const struct resource *res)
{
	return res->end - res->start + 1;
}
#define request_mem_region(start, n, name) \
	__request_region(&iomem_resource, (start), (n), (name), 0)
#define release_mem_region(start, n) \
	__release_region(&iomem_resource, (start), (n))
#endif
