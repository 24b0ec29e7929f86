/* kmodlint bundled kernel API headers: a small, self-contained subset of
 * Linux 6.1's include/linux, used when a file has no compile command.
 * Declarations follow 6.1's signatures; bodies are left out where the
 * analysis models the function by name. */
#ifndef _KMODLINT_LINUX_KCONFIG_H
#define _KMODLINT_LINUX_KCONFIG_H
#define IS_ENABLED(option) 0
#define CONFIG_SMP 1
#endif
