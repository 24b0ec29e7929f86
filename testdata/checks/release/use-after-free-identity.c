// The twin of use-after-free-identity_ok.c: the test is the wrong way
// round, so new is freed exactly when e is new, and e is then used.
#include <linux/module.h>
#include <linux/slab.h>

struct entry {
	int value;
};

struct entry *cache_lookup(int key);

static struct entry *cache_insert(struct entry *e)
{
	return e;
}

static struct entry *get_entry(int key)
{
	struct entry *new = kzalloc(sizeof(*new), GFP_KERNEL);
	struct entry *e;

	if (!new)
		return NULL;
	e = cache_lookup(key);
	if (!e)
		e = cache_insert(new);
	if (e == new)
		kfree(new);
	e->value = key; // expect-warning: 'e' is used after it was released by kfree() [release.use-after-free]
	return e;
}

MODULE_LICENSE("GPL");
