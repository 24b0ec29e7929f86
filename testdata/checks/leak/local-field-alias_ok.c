// An object owned through a field of another (icode->map) and also named
// by a local (map = icode->map): a same-file helper handed icode may write
// other fields through it, but does not replace the buffer its caller
// owns, so the caller's kfree(icode->map) still releases it. A helper that
// does free it says so in its summary.
#include <linux/module.h>
#include <linux/slab.h>

struct code {
	u32 *map;
	u32 *tail;
	int count;
};

static void poke(struct code *c)
{
	c->tail = NULL;
	c->count = 4;
}

static void drop_map(struct code *c)
{
	kfree(c->map);
	c->map = NULL;
}

static int build_code(void)
{
	struct code *icode;
	u32 *map;

	icode = kzalloc(sizeof(*icode), GFP_KERNEL);
	if (!icode)
		return -ENOMEM;
	icode->map = kcalloc(16, sizeof(u32), GFP_KERNEL);
	if (!icode->map)
		goto free_code;
	map = icode->map;
	map[0] = 1;
	poke(icode);
	kfree(icode->map);
free_code:
	kfree(icode);
	return 0;
}

static int build_and_drop(void)
{
	struct code *icode;

	icode = kzalloc(sizeof(*icode), GFP_KERNEL);
	if (!icode)
		return -ENOMEM;
	icode->map = kcalloc(16, sizeof(u32), GFP_KERNEL);
	if (icode->map)
		drop_map(icode);
	kfree(icode->map);
	kfree(icode);
	return 0;
}

MODULE_LICENSE("GPL");
