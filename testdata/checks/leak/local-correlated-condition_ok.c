// A bounce buffer allocated only when the payload does not fit the
// preallocated one, and freed under the same test spelled the other way
// round (`len * 2 <= MAX` on the way in, `len * 2 > MAX` on the way out;
// gspca t613's reg_w_ixbuf(), with 6.12's alloc_hooks() around the
// allocation): the test goes the same way both times, so no path
// allocates without freeing.
#include <linux/module.h>
#include <linux/slab.h>

#define BUF_SZ 64
/* 6.10+ alloc_hooks(): the allocation is a statement expression's value. */
#define hooked_kmalloc_array(n, size, gfp)                                     \
	({                                                                     \
		;                                                              \
		({                                                             \
			typeof(kmalloc_array(n, size, gfp)) _res =             \
				kmalloc_array(n, size, gfp);                   \
			do {                                                   \
			} while (0);                                           \
			_res;                                                  \
		});                                                            \
	})

struct usb_device;
struct cam { struct usb_device *dev; u8 *usb_buf; };
int usb_control_msg(struct usb_device *dev, unsigned int pipe, u8 request,
		    u8 requesttype, u16 value, u16 index, void *data, u16 size,
		    int timeout);

void write_regs(struct cam *cam, u8 reg, const u8 *data, u16 len)
{
	u8 *p, *tmpbuf;
	int i;

	if (len * 2 <= BUF_SZ) {
		p = tmpbuf = cam->usb_buf;
	} else {
		p = tmpbuf = hooked_kmalloc_array(len, 2, GFP_KERNEL);
		if (!tmpbuf)
			return;
	}
	i = len;
	while (--i >= 0) {
		*p++ = reg++;
		*p++ = *data++;
	}
	usb_control_msg(cam->dev, 0, 0, 0x40, 1, 0, tmpbuf, len * 2, 500);
	if (len * 2 > BUF_SZ)
		kfree(tmpbuf);
}
MODULE_LICENSE("GPL");
