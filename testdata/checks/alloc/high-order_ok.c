// Large allocations that are right as they are.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/vmalloc.h>
#include <linux/dma-mapping.h>

#define RING_BYTES 65536

struct foo_dev {
	struct device *dev;
	void *ring;
	dma_addr_t ring_dma;
};

/* The ring is mapped for DMA in another function: it must be contiguous. */
static int foo_alloc_ring(struct foo_dev *fd)
{
	fd->ring = kmalloc(RING_BYTES, GFP_KERNEL);
	if (!fd->ring)
		return -ENOMEM;
	return 0;
}

static void foo_map_ring(struct foo_dev *fd)
{
	fd->ring_dma = dma_map_single(fd->dev, fd->ring, RING_BYTES, DMA_TO_DEVICE);
}

/* Handed to a helper that maps it: the use is two calls down. */
static void map_buffer(struct device *dev, void *buf)
{
	dma_map_single(dev, buf, RING_BYTES, DMA_FROM_DEVICE);
}

static void *rx_buffer(struct device *dev)
{
	void *buf = kzalloc(RING_BYTES, GFP_KERNEL);

	if (buf)
		map_buffer(dev, buf);
	return buf;
}

/* An array of buffers, each mapped for DMA. */
struct foo_bufs {
	struct device *dev;
	void *buf[4];
};

static int foo_alloc_bufs(struct foo_bufs *b)
{
	int i;

	for (i = 0; i < 4; i++) {
		b->buf[i] = kzalloc(RING_BYTES, GFP_KERNEL);
		if (!b->buf[i])
			return -ENOMEM;
	}
	return 0;
}

static void foo_map_buf(struct foo_bufs *b, int i)
{
	dma_map_single(b->dev, b->buf[i], RING_BYTES, DMA_TO_DEVICE);
}

/* GFP_DMA asks for memory a device addresses. */
static void *isa_buffer(void)
{
	void *p = kmalloc(RING_BYTES, GFP_KERNEL | GFP_DMA);
	return p;
}

/* An open-coded kvmalloc(): vmalloc when kmalloc fails. */
static void *table_alloc(size_t unused)
{
	void *t;

	t = kmalloc(RING_BYTES, GFP_KERNEL | __GFP_NOWARN);
	if (!t)
		t = vmalloc(RING_BYTES);
	return t;
}

/* At or under the costly order, and sizes not known. */
static void *small_enough(size_t n)
{
	void *a = kmalloc(32768, GFP_KERNEL);
	void *b = kmalloc(n, GFP_KERNEL);

	kfree(a);
	return b;
}

/* Pages that may fail by design, or at a small order. */
static unsigned long try_pages(void)
{
	unsigned long big = __get_free_pages(GFP_KERNEL | __GFP_RETRY_MAYFAIL, 6);
	unsigned long small = __get_free_pages(GFP_KERNEL, 2);

	if (big)
		free_pages(big, 6);
	return small;
}

/* Opportunistic: no reclaim, or failure expected and quiet. */
static struct page *try_huge_page(void)
{
	struct page *p = alloc_pages(__GFP_HIGHMEM | __GFP_NOWARN, 9);

	if (!p)
		p = alloc_pages(GFP_KERNEL | __GFP_NOWARN, 9);
	return p;
}

/* In atomic context kvmalloc() cannot fall back to vmalloc: no advice. */
static void *atomic_table(void)
{
	void *t = kmalloc(RING_BYTES, GFP_ATOMIC);

	return t;
}

MODULE_LICENSE("GPL");
