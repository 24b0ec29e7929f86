// Silent twin of local-borrowed.c: a release only on the failure branch
// or in the unwind code after a label proves no borrowing: the callee may
// own the object once it succeeds.
#include <linux/module.h>
#include <linux/slab.h>

int demo_submit(void *buf);
void demo_set_drvdata(void *dev, void *data);
int demo_add_component(void *dev);

int demo_send(void)
{
	void *buf = kmalloc(64, GFP_KERNEL);
	int err;

	if (!buf)
		return -ENOMEM;
	err = demo_submit(buf);
	if (err)
		kfree(buf);
	return err;
}

int demo_probe(void *dev)
{
	void *priv = kzalloc(32, GFP_KERNEL);
	int ret;

	if (!priv)
		return -ENOMEM;
	demo_set_drvdata(dev, priv);
	ret = demo_add_component(dev);
	if (ret < 0)
		goto err;
	return 0;
err:
	demo_set_drvdata(dev, NULL);
	kfree(priv);
	return ret;
}
