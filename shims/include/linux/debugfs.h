#ifndef _KMODLINT_LINUX_DEBUGFS_H
#define _KMODLINT_LINUX_DEBUGFS_H
#include <linux/types.h>
/* As 6.1 include/linux/debugfs.h with CONFIG_DEBUG_FS. */
struct dentry;
struct file_operations;
struct dentry *debugfs_create_dir(const char *name, struct dentry *parent);
struct dentry *debugfs_create_file(const char *name, umode_t mode,
				   struct dentry *parent, void *data,
				   const struct file_operations *fops);
void debugfs_create_u32(const char *name, umode_t mode, struct dentry *parent,
			u32 *value);
void debugfs_remove(struct dentry *dentry);
#define debugfs_remove_recursive debugfs_remove
#endif
