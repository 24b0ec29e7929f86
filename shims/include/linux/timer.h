#ifndef _KMODLINT_LINUX_TIMER_H
#define _KMODLINT_LINUX_TIMER_H
#include <linux/types.h>
struct timer_list {
	struct hlist_node entry;
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
};
void init_timer_key(struct timer_list *timer, void (*func)(struct timer_list *),
		    unsigned int flags, const char *name, void *key);
#define timer_setup(timer, callback, flags) \
	init_timer_key((timer), (callback), (flags), #timer, (void *)0)
int mod_timer(struct timer_list *timer, unsigned long expires);
void add_timer(struct timer_list *timer);
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, __typeof__(*var), timer_fieldname)
extern unsigned long volatile jiffies;
#endif
