#ifndef _KMODLINT_LINUX_WORKQUEUE_H
#define _KMODLINT_LINUX_WORKQUEUE_H
#include <linux/types.h>
struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);
struct work_struct { unsigned long data; struct list_head entry; work_func_t func; };
struct workqueue_struct;
void __init_work(struct work_struct *work, int onstack);
#define INIT_WORK(_work, _func) do { __init_work((_work), 0); (_work)->func = (_func); } while (0)
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...);
void destroy_workqueue(struct workqueue_struct *wq);
bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
bool schedule_work(struct work_struct *work);
bool flush_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
void flush_workqueue(struct workqueue_struct *wq);
#endif
