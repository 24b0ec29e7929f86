#ifndef _KMODLINT_LINUX_WAIT_H
#define _KMODLINT_LINUX_WAIT_H
#include <linux/spinlock.h>
struct wait_queue_head { spinlock_t lock; struct list_head head; };
typedef struct wait_queue_head wait_queue_head_t;
void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name, void *key);
#define init_waitqueue_head(wq) __init_waitqueue_head((wq), #wq, (void *)0)
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr, void *key);
#define wake_up(x) __wake_up(x, 3, 1, (void *)0)
#endif
