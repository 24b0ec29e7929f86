int a; /* kmodlint: ignore[leak.local] freed by the caller */
// kmodlint: ignore[release.*,atomic.sleep] two globs
int b; // NOLINT(kmodlint-leak.local)
// NOLINTNEXTLINE(kmodlint-*)
int c; /* kmodlint: ignore[] */ /* kmodlint: ignore[nonsense.check */
