// A registration whose status is ignored is taken to have succeeded: the
// code goes on as if it did, so its error paths must undo it (stex.c's
// register_reboot_notifier() before 6.12.y's fix). A key reached through
// a local pointer set once to its address is the same key
// (radio-keene.c: hdl = &radio->hdl).
#include <linux/module.h>
#include <linux/slab.h>

struct notifier_block { int priority; };
int register_reboot_notifier(struct notifier_block *nb);
int unregister_reboot_notifier(struct notifier_block *nb);
struct v4l2_ctrl_handler { int error; };
int v4l2_ctrl_handler_init_class(struct v4l2_ctrl_handler *hdl, unsigned int n,
				 void *key, const char *name);
void v4l2_ctrl_handler_free(struct v4l2_ctrl_handler *hdl);
int demo_hw_init(void);

static struct notifier_block demo_notifier;
static struct demo { struct v4l2_ctrl_handler hdl; } demo;

static int __init demo_init(void)
{
	struct v4l2_ctrl_handler *hdl = &demo.hdl;
	int err;

	register_reboot_notifier(&demo_notifier);
	v4l2_ctrl_handler_init_class(hdl, 4, NULL, NULL);
	err = demo_hw_init();
	if (err)
		goto out;
	return 0;
out:
	v4l2_ctrl_handler_free(&demo.hdl);
	return err; // expect-warning: notifier registration acquired by register_reboot_notifier() ('demo_notifier') is not released when demo_init() returns err [leak.error-path]
}

static void __exit demo_exit(void)
{
	v4l2_ctrl_handler_free(&demo.hdl);
	unregister_reboot_notifier(&demo_notifier);
}
module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");
