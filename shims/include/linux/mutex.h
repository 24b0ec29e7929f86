#ifndef _KMODLINT_LINUX_MUTEX_H
#define _KMODLINT_LINUX_MUTEX_H
#include <linux/types.h>
struct mutex { atomic_t owner; };
void __mutex_init(struct mutex *lock, const char *name, void *key);
#define mutex_init(m) __mutex_init((m), #m, (void *)0)
#define DEFINE_MUTEX(m) struct mutex m = { { 0 } }
void mutex_lock(struct mutex *lock);
int __must_check mutex_lock_interruptible(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
#endif
