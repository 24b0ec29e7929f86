#ifndef _KMODLINT_LINUX_INIT_H
#define _KMODLINT_LINUX_INIT_H
#define __init __attribute__((__section__(".init.text"), __cold__))
#define __exit __attribute__((__section__(".exit.text"), __cold__))
#define __initdata
#define __exitdata
typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);
#endif
