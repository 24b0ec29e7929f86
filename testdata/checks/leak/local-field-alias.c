// The twin of local-field-alias_ok.c: the buffer owned through icode->map
// is never released.
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
free_code:
	kfree(icode);
	return 0; // expect-warning: kmalloc memory acquired by kcalloc() ('icode->map') is not released when build_code() returns 0 [leak.local]
}

MODULE_LICENSE("GPL");
