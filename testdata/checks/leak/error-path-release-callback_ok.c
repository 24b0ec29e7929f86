// A probe that sets its v4l2_device's release callback and, on failure,
// drops the reference with v4l2_device_put(): the last put runs the
// callback, which frees the control handler and unregisters the device
// (hackrf_probe() / hackrf_video_release()). No claim for either.
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

static void radio_release(struct v4l2_device *v)
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
	radio->v4l2_dev.release = radio_release;
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
	return ret;
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
