// SPDX-License-Identifier: GPL-2.0
/*
 * buggy: an example platform driver with planted release bugs, used by the
 * README quick start. Every bug is marked BUG; kmodlint must report each
 * and nothing else.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/list.h>
#include <linux/spinlock.h>

struct buggy_event {
	struct list_head node;
	u32 code;
};

struct buggy_priv {
	u32 *table;
	void *ring;
	char *label;
	spinlock_t lock;
	struct list_head events;
};

static void *buggy_alloc_ring(size_t size)
{
	return vzalloc(size);
}

static int buggy_fill_table(struct buggy_priv *priv, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		priv->table[i] = i * 2;
	return n ? 0 : -EINVAL;
}

static int buggy_probe(struct platform_device *pdev)
{
	struct buggy_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	spin_lock_init(&priv->lock);
	INIT_LIST_HEAD(&priv->events);

	priv->table = kvcalloc(256, sizeof(*priv->table), GFP_KERNEL);
	if (!priv->table)
		return -ENOMEM;

	priv->ring = buggy_alloc_ring(PAGE_SIZE);
	if (!priv->ring)
		return -ENOMEM;	/* BUG: leaks priv->table */

	priv->label = kasprintf(GFP_KERNEL, "buggy-%d", pdev->id);
	ret = buggy_fill_table(priv, 256);
	if (ret) {
		kfree(priv->label);
		vfree(priv->ring);
		kfree(priv->label); /* BUG: double free on the error path */
		kvfree(priv->table);
		return ret;
	}

	platform_set_drvdata(pdev, priv);
	return 0;
}

static void buggy_drop_events(struct buggy_priv *priv)
{
	struct buggy_event *ev;

	/* BUG: list_for_each_entry() reads ev->node.next after kfree(ev). */
	list_for_each_entry(ev, &priv->events, node)
		kfree(ev);
}

static int buggy_remove(struct platform_device *pdev)
{
	struct buggy_priv *priv = platform_get_drvdata(pdev);

	buggy_drop_events(priv);
	kfree(priv->ring);	/* BUG: vzalloc() memory */
	kfree(priv->table);	/* BUG: kvcalloc() memory needs kvfree() */
	kfree(priv->label);
	kfree(priv);		/* BUG: devm_kzalloc() memory, freed again at unbind */
	return 0;
}

static struct platform_driver buggy_driver = {
	.probe = buggy_probe,
	.remove = buggy_remove,
	.driver = {
		.name = "buggy",
	},
};
module_platform_driver(buggy_driver);

MODULE_DESCRIPTION("kmodlint example driver with planted release bugs");
MODULE_LICENSE("GPL");
