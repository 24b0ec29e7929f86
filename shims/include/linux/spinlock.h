#ifndef _KMODLINT_LINUX_SPINLOCK_H
#define _KMODLINT_LINUX_SPINLOCK_H
#include <linux/types.h>
/* 6.1 SMP shape: spin_lock() is an inline over _raw_spin_lock();
 * spin_lock_irqsave() is a macro assigning _raw_spin_lock_irqsave(). */
typedef struct raw_spinlock { unsigned int val; } raw_spinlock_t;
typedef struct spinlock { struct raw_spinlock rlock; } spinlock_t;
typedef struct { unsigned int val; } rwlock_t;
void __raw_spin_lock_init(raw_spinlock_t *lock, const char *name, void *key);
#define spin_lock_init(lock) __raw_spin_lock_init(&(lock)->rlock, #lock, (void *)0)
#define DEFINE_SPINLOCK(x) spinlock_t x = { { 0 } }
void _raw_spin_lock(raw_spinlock_t *lock);
void _raw_spin_unlock(raw_spinlock_t *lock);
void _raw_spin_lock_irq(raw_spinlock_t *lock);
void _raw_spin_unlock_irq(raw_spinlock_t *lock);
void _raw_spin_lock_bh(raw_spinlock_t *lock);
void _raw_spin_unlock_bh(raw_spinlock_t *lock);
int _raw_spin_trylock(raw_spinlock_t *lock);
unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock);
void _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags);
void _raw_read_lock(rwlock_t *lock);
void _raw_read_unlock(rwlock_t *lock);
void _raw_write_lock_bh(rwlock_t *lock);
void _raw_write_unlock_bh(rwlock_t *lock);
#define read_lock(lock) _raw_read_lock(lock)
#define read_unlock(lock) _raw_read_unlock(lock)
#define write_lock_bh(lock) _raw_write_lock_bh(lock)
#define write_unlock_bh(lock) _raw_write_unlock_bh(lock)
static inline void spin_lock(spinlock_t *lock) { _raw_spin_lock(&lock->rlock); }
static inline void spin_unlock(spinlock_t *lock) { _raw_spin_unlock(&lock->rlock); }
static inline void spin_lock_irq(spinlock_t *lock) { _raw_spin_lock_irq(&lock->rlock); }
static inline void spin_unlock_irq(spinlock_t *lock) { _raw_spin_unlock_irq(&lock->rlock); }
static inline void spin_lock_bh(spinlock_t *lock) { _raw_spin_lock_bh(&lock->rlock); }
static inline void spin_unlock_bh(spinlock_t *lock) { _raw_spin_unlock_bh(&lock->rlock); }
static inline int spin_trylock(spinlock_t *lock) { return _raw_spin_trylock(&lock->rlock); }
#define spin_lock_irqsave(lock, flags) \
	do { flags = _raw_spin_lock_irqsave(&(lock)->rlock); } while (0)
static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	_raw_spin_unlock_irqrestore(&lock->rlock, flags);
}
void rcu_read_lock(void);
void rcu_read_unlock(void);
#include <linux/preempt.h>
#include <linux/cleanup.h>
DEFINE_GUARD(spinlock, spinlock_t *, spin_lock(_T), spin_unlock(_T))
DEFINE_GUARD(spinlock_irq, spinlock_t *, spin_lock_irq(_T), spin_unlock_irq(_T))
#endif
