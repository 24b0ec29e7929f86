// A buffer given to a function kmodlint cannot see into is assumed kept by
// it, unless the caller itself frees it afterwards on its main path: then
// the callee only borrowed it, and the early return leaks it (ice_nvm.c's
// ice_get_orom_civd_data() before 6.12.y's fix).
#include <linux/module.h>
#include <linux/vmalloc.h>

int demo_read_flash(void *hw, void *buf, unsigned int len);

int demo_find_section(void *hw)
{
	unsigned char *data = vzalloc(4096);
	int status;

	if (!data)
		return -ENOMEM;
	status = demo_read_flash(hw, data, 4096);
	if (status)
		return status; // expect-warning: vmalloc memory acquired by vzalloc() ('data') is not released when demo_find_section() returns status [leak.local]
	status = data[0] == 0x55 ? 0 : -EIO;
	vfree(data);
	return status;
}
