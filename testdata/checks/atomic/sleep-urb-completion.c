// A URB completion handler runs in interrupt context (the HCD's giveback
// BH or its IRQ): resubmitting with GFP_KERNEL may sleep there (ucan.c's
// ucan_read_bulk_callback() before its fix); a mask that allows direct
// reclaim is what makes usb_submit_urb() and skb_clone() sleep.
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
	usb_submit_urb(urb, GFP_KERNEL); // expect-warning: usb_submit_urb() may sleep (GFP_KERNEL allows direct reclaim) in atomic context (URB completion handler) [atomic.sleep]
}

int demo_start(struct urb *urb, void *dev, void *buf)
{
	usb_fill_bulk_urb(urb, dev, 0, buf, 64, demo_read_done, NULL);
	return usb_submit_urb(urb, GFP_KERNEL);
}
