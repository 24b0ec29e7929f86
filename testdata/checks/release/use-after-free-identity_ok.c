// Pointer identity decides what was freed: `e != new` is false where e is
// new itself, so new is freed only when e is some other object (the f2fs
// lookup-or-insert idiom: e = lookup(); if (!e) e = insert(new);
// if (e != new) free(new);).
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
	if (e != new)
		kfree(new);
	e->value = key;
	return e;
}

MODULE_LICENSE("GPL");
