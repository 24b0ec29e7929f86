// A singly linked list built through a tail pointer and returned by its
// head (ib_uverbs_unmarshall_recv()'s shape): each node is linked into the
// one before it before the tail moves on, so overwriting the tail loses
// nothing, and the error path frees the chain from the head.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/err.h>

struct wr {
	struct wr *next;
	int id;
};

struct wr *build_list(int count)
{
	struct wr *head = NULL, *last = NULL, *next;
	int i;

	for (i = 0; i < count; i++) {
		next = kmalloc(sizeof(*next), GFP_KERNEL);
		if (!next)
			goto err;
		if (!last)
			head = next;
		else
			last->next = next;
		last = next;
		next->next = NULL;
		next->id = i;
	}
	return head;

err:
	while (head) {
		next = head->next;
		kfree(head);
		head = next;
	}
	return ERR_PTR(-ENOMEM);
}

MODULE_LICENSE("GPL");
