// The twin of local-asm-publish_ok.c: the assembly is given only an
// integer (an atomic add on a counter), which keeps no pointer.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/errno.h>

struct holder {
	long count;
	int dead;
};

static inline void add_count(long *counter, long n)
{
	asm volatile("lock addq %1,%0" : "+m" (*counter) : "r" (n));
}

int count_data(struct holder *h)
{
	char *buf = kzalloc(64, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	add_count(&h->count, (long)sizeof(*buf));
	if (h->dead)
		return -EIO; // expect-warning: kmalloc memory acquired by kzalloc() ('buf') is not released when count_data() returns -EIO [leak.local]
	kfree(buf);
	return 0;
}

MODULE_LICENSE("GPL");
