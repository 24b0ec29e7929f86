// A pointer published with cmpxchg() (debugfs' d_fsdata, tty_audit_buf):
// the x86 instruction stores it, so the object lives in the structure the
// instruction wrote, and a later failure return loses nothing. Inline
// assembly given a pointer value may keep it.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/errno.h>

#define publish(ptr, old, new)						\
({									\
	__typeof__(*(ptr)) __ret;					\
	__typeof__(*(ptr)) __old = (old);				\
	__typeof__(*(ptr)) __new = (new);				\
	asm volatile("lock cmpxchgq %2,%1"				\
		     : "=a" (__ret), "+m" (*(ptr))			\
		     : "r" (__new), "0" (__old)				\
		     : "memory");					\
	__ret;								\
})

struct holder {
	void *data;
	int dead;
};

int attach_data(struct holder *h)
{
	void *fsd = kzalloc(64, GFP_KERNEL);

	if (!fsd)
		return -ENOMEM;
	if (publish(&h->data, NULL, fsd) != NULL) {
		kfree(fsd);
		return 0;
	}
	if (h->dead)
		return -EIO;
	return 0;
}

MODULE_LICENSE("GPL");
