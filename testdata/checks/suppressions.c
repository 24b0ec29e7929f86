// Inline suppressions: with a reason they silence the named check on their
// line or the next; without a reason, or naming another check, they do not.
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

static void suppressed_same_line(void)
{
	void *p = vmalloc(8);

	kfree(p); /* kmodlint: ignore[release.mismatch] vmalloc() is wrapped to kmalloc() on this platform */
}

static void suppressed_line_above(void)
{
	void *p = vmalloc(8);

	// kmodlint: ignore[release.*] audited, see commit message
	kfree(p);
}

static void nolint_style(void)
{
	void *p = vmalloc(8);

	kfree(p); // NOLINT(kmodlint-release.mismatch)
}

static void no_reason(void)
{
	void *p = vmalloc(8);

	kfree(p); /* kmodlint: ignore[release.mismatch] */ // expect-warning: 'p' holds vmalloc memory from vmalloc() but is released with kfree(); use vfree() [release.mismatch]
}

static void other_check(void)
{
	void *p = vmalloc(8);

	kfree(p); /* kmodlint: ignore[leak.local] not this one */ // expect-warning: 'p' holds vmalloc memory from vmalloc() but is released with kfree(); use vfree() [release.mismatch]
}
MODULE_LICENSE("GPL");
