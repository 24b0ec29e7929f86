#ifndef _KMODLINT_LINUX_VERSION_H
#define _KMODLINT_LINUX_VERSION_H
/* The bundled headers describe Linux 6.1. */
#define LINUX_VERSION_CODE 393472
#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))
#endif
