// The same probe without storing the release callback: the put on the
// error path runs nothing of the driver's, and the control handler and
// the registration stay.
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

struct v4l2_device {
	void (*release)(struct v4l2_device *v4l2_dev);
	int refs;
};
struct v4l2_ctrl_handler {
	int error;
};
int v4l2_device_register(struct device *dev, struct v4l2_device *v4l2_dev);
void v4l2_device_unregister(struct v4l2_device *v4l2_dev);
int v4l2_device_put(struct v4l2_device *v4l2_dev);
int v4l2_ctrl_handler_init_class(struct v4l2_ctrl_handler *hdl, unsigned int n,
				 void *key, const char *name);
void v4l2_ctrl_handler_free(struct v4l2_ctrl_handler *hdl);
int register_video(struct v4l2_device *v4l2_dev);

struct radio {
	struct v4l2_device v4l2_dev;
	struct v4l2_ctrl_handler hdl;
};

void radio_release_unused(struct v4l2_device *v);
void radio_release_unused(struct v4l2_device *v)
{
	struct radio *radio = container_of(v, struct radio, v4l2_dev);

	v4l2_ctrl_handler_free(&radio->hdl);
	v4l2_device_unregister(&radio->v4l2_dev);
	kfree(radio);
}

static int radio_probe(struct platform_device *pdev)
{
	struct radio *radio;
	int ret;

	radio = kzalloc(sizeof(*radio), GFP_KERNEL);
	if (!radio)
		return -ENOMEM;
	ret = v4l2_device_register(&pdev->dev, &radio->v4l2_dev);
	if (ret)
		goto err_free;
	v4l2_ctrl_handler_init_class(&radio->hdl, 4, NULL, NULL);
	ret = register_video(&radio->v4l2_dev);
	if (ret)
		goto err_put;
	return 0;

err_put:
	v4l2_device_put(&radio->v4l2_dev);
	return ret; // expect-warning: V4L2 control handler acquired by v4l2_ctrl_handler_init_class() ('radio->hdl') is not released when radio_probe() returns ret [leak.error-path] // expect-warning: V4L2 device registration acquired by v4l2_device_register() ('radio->v4l2_dev') is not released when radio_probe() returns ret [leak.error-path]
err_free:
	kfree(radio);
	return ret;
}

static struct platform_driver radio_driver = {
	.probe = radio_probe,
	.driver = { .name = "radio" },
};
module_platform_driver(radio_driver);
MODULE_LICENSE("GPL");
