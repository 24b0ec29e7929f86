#ifndef _KMODLINT_LINUX_DELAY_H
#define _KMODLINT_LINUX_DELAY_H
void msleep(unsigned int msecs);
void usleep_range(unsigned long min, unsigned long max);
void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);
#endif
