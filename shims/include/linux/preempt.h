#ifndef _KMODLINT_LINUX_PREEMPT_H
#define _KMODLINT_LINUX_PREEMPT_H
/* 6.1 shapes: preempt_disable() ends in __preempt_count_add(), in_atomic()
 * tests preempt_count(). */
int preempt_count(void);
void __preempt_count_add(int val);
void __preempt_count_sub(int val);
#define preempt_disable() __preempt_count_add(1)
#define preempt_enable() __preempt_count_sub(1)
#define in_atomic() (preempt_count() != 0)
int raw_smp_processor_id(void);
#define get_cpu() ({ preempt_disable(); raw_smp_processor_id(); })
#define put_cpu() preempt_enable()
#define in_interrupt() (preempt_count() & 0x1fff00)
void arch_local_irq_disable(void);
void arch_local_irq_enable(void);
unsigned long arch_local_irq_save(void);
void arch_local_irq_restore(unsigned long flags);
#define local_irq_disable() arch_local_irq_disable()
#define local_irq_enable() arch_local_irq_enable()
#define local_irq_save(flags) do { flags = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags) arch_local_irq_restore(flags)
int arch_irqs_disabled(void);
#define irqs_disabled() arch_irqs_disabled()
void local_bh_disable(void);
void local_bh_enable(void);
#endif
