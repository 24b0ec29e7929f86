// A top-level debugfs directory is the caller's to remove; one made under
// a parent is removed with the parent (local-debugfs_ok.c).
#include <linux/module.h>
#include <linux/debugfs.h>

static u32 counter;

static void demo_debugfs_init(void)
{
	struct dentry *dir = debugfs_create_dir("demo", NULL);

	debugfs_create_u32("counter", 0444, dir, &counter);
} // expect-warning: debugfs directory acquired by debugfs_create_dir() ('dir') is not released when demo_debugfs_init() returns [leak.local]

void demo_start(void)
{
	demo_debugfs_init();
}
