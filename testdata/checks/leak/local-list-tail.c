// The twin of local-list-tail_ok.c: the tail pointer is the list's only
// name (the head was never kept), so moving it on loses the node behind it,
// and a failed allocation loses the list.
#include <linux/module.h>
#include <linux/slab.h>

struct wr {
	struct wr *next;
	int id;
};

struct wr *build_tail_only(int count)
{
	struct wr *last = NULL, *next;
	int i;

	for (i = 0; i < count; i++) {
		next = kmalloc(sizeof(*next), GFP_KERNEL);
		if (!next)
			return NULL; // expect-warning: kmalloc memory acquired by kmalloc() ('last') is not released when build_tail_only() returns NULL [leak.local]
		if (last)
			last->next = next;
		last = next; // expect-warning: kmalloc memory acquired by kmalloc() is lost when 'last' is overwritten [leak.local]
		next->next = NULL;
		next->id = i;
	}
	return last;
}

MODULE_LICENSE("GPL");
