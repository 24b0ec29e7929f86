#ifndef _KMODLINT_LINUX_INTERRUPT_H
#define _KMODLINT_LINUX_INTERRUPT_H
#include <linux/types.h>
#include <linux/device.h>
typedef enum irqreturn { IRQ_NONE = 0, IRQ_HANDLED = 1, IRQ_WAKE_THREAD = 2 } irqreturn_t;
typedef irqreturn_t (*irq_handler_t)(int, void *);
#define IRQF_SHARED 0x00000080
#define IRQF_ONESHOT 0x00002000
int request_threaded_irq(unsigned int irq, irq_handler_t handler,
			 irq_handler_t thread_fn, unsigned long flags,
			 const char *name, void *dev);
static inline int request_irq(unsigned int irq, irq_handler_t handler,
			      unsigned long flags, const char *name, void *dev)
{
	return request_threaded_irq(irq, handler, (irq_handler_t)0, flags, name, dev);
}
const void *free_irq(unsigned int irq, void *dev_id);
int devm_request_threaded_irq(struct device *dev, unsigned int irq,
			      irq_handler_t handler, irq_handler_t thread_fn,
			      unsigned long irqflags, const char *devname,
			      void *dev_id);
static inline int devm_request_irq(struct device *dev, unsigned int irq,
				   irq_handler_t handler, unsigned long irqflags,
				   const char *devname, void *dev_id)
{
	return devm_request_threaded_irq(dev, irq, handler, (irq_handler_t)0,
					 irqflags, devname, dev_id);
}
void disable_irq(unsigned int irq);
void enable_irq(unsigned int irq);
struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	void (*callback)(struct tasklet_struct *t);
};
void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *));
void tasklet_schedule(struct tasklet_struct *t);
void tasklet_kill(struct tasklet_struct *t);
#include <linux/preempt.h>
#endif
