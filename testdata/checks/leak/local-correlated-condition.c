// The same bounce buffer, freed under a test of another length: on the
// path that allocated, nothing says the second test holds.
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

void write_regs(struct cam *cam, u8 reg, const u8 *data, u16 len, u16 sent)
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
	if (sent * 2 > BUF_SZ)
		kfree(tmpbuf);
} // expect-warning: kmalloc memory acquired by kmalloc_array() ('p') is not released when write_regs() returns [leak.local] // expect-warning: kmalloc memory acquired by kmalloc_array() ('tmpbuf') is not released when write_regs() returns [leak.local]
MODULE_LICENSE("GPL");
