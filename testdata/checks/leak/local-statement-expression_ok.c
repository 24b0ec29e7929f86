// The temporary of a statement expression does not keep the object alive
// once its real owner handed it on (the 6.12 alloc_hooks() false
// positives in usb/misc probes: '_res' is not released).
// kmodlint-test: kernel-version 6.12
#include <linux/module.h>
#include <linux/slab.h>

int profiling_enabled(void);
void hand_to_hardware(void *buf);

#define hooks(_do_alloc)                                                       \
	({                                                                     \
		typeof(_do_alloc) _res;                                        \
		if (profiling_enabled())                                       \
			_res = _do_alloc;                                      \
		else                                                           \
			_res = _do_alloc;                                      \
		_res;                                                          \
	})

struct holder {
	void *buf;
};

static struct holder global_holder;

static int setup(void)
{
	struct holder *h = &global_holder;

	h->buf = hooks(kmalloc(16, GFP_KERNEL));
	if (!h->buf)
		return -ENOMEM;
	hand_to_hardware(h->buf);
	h->buf = NULL;
	return 0;
}

static int __init demo_init(void)
{
	return setup();
}
module_init(demo_init);
MODULE_LICENSE("GPL");
