// The twin of local-list-chain_ok.c: the failure path frees only the head,
// so the rest of the list is lost -- one finding, for the node the head
// points to (what hangs off it goes with it).
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
	free_pl(pl);
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
			return -ENOMEM; // expect-warning: kmalloc memory acquired by alloc_pl() ('pl->next') is not released when reserve() returns -ENOMEM [leak.local]
		}
		next->next = pl;
		pl = next;
	}
	put_pages(pl);
	return 0;
}
MODULE_LICENSE("GPL");
