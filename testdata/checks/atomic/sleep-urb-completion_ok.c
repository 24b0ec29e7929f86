// Silent twin of sleep-urb-completion.c: GFP_ATOMIC in the completion
// handler, GFP_KERNEL where the caller may sleep.
#include <linux/module.h>
#include <linux/slab.h>

struct urb { void *context; int status; };
typedef void (*usb_complete_t)(struct urb *);
int usb_submit_urb(struct urb *urb, gfp_t mem_flags);
void usb_fill_bulk_urb(struct urb *urb, void *dev, unsigned int pipe,
		       void *buf, int len, usb_complete_t complete, void *ctx);

static void demo_read_done(struct urb *urb)
{
	if (urb->status)
		return;
	usb_submit_urb(urb, GFP_ATOMIC);
}

int demo_start(struct urb *urb, void *dev, void *buf)
{
	usb_fill_bulk_urb(urb, dev, 0, buf, 64, demo_read_done, NULL);
	return usb_submit_urb(urb, GFP_KERNEL);
}
