// Silent twin of local-debugfs.c: directories made under a parent belong
// to it and go with debugfs_remove_recursive(parent) (hp-wmi-sensors.c in
// 6.12 creates a tree of them under one devm-removed root).
#include <linux/module.h>
#include <linux/debugfs.h>

static struct dentry *root;
static u32 counters[4];

static void demo_debugfs_init(void)
{
	struct dentry *entries, *dir;
	int i;

	root = debugfs_create_dir("demo", NULL);
	entries = debugfs_create_dir("entries", root);
	for (i = 0; i < 4; i++) {
		dir = debugfs_create_dir("n", entries);
		debugfs_create_u32("count", 0444, dir, &counters[i]);
	}
}

void demo_start(void)
{
	demo_debugfs_init();
}

void demo_stop(void)
{
	debugfs_remove_recursive(root);
}
