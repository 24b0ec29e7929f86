// A list built by pushing on its head (dm-kcopyd's client_reserve_pages()
// shape), freed on failure by a helper that walks it: the helper
// reassigns its parameter while walking, and still releases the caller's
// head and what hangs off it.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/errno.h>
struct pl { struct pl *next; void *page; };
static struct pl *alloc_pl(gfp_t gfp)
{
	struct pl *p = kmalloc(sizeof(*p), gfp);
	if (!p) return NULL;
	p->page = kmalloc(4096, gfp);
	if (!p->page) { kfree(p); return NULL; }
	return p;
}
static void free_pl(struct pl *p) { kfree(p->page); kfree(p); }
static void drop_pages(struct pl *pl)
{
	struct pl *next;
	while (pl) { next = pl->next; free_pl(pl); pl = next; }
}
void put_pages(struct pl *pl);
int reserve(unsigned int n)
{
	unsigned int i;
	struct pl *pl = NULL, *next;
	for (i = 0; i < n; i++) {
		next = alloc_pl(GFP_KERNEL);
		if (!next) {
			if (pl)
				drop_pages(pl);
			return -ENOMEM;
		}
		next->next = pl;
		pl = next;
	}
	put_pages(pl);
	return 0;
}
MODULE_LICENSE("GPL");
