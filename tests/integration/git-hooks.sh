#!/usr/bin/env bash
# The pre-commit integrations, for real: a temporary git repository with a
# module that already has an old bug, then
#   1. scripts/git-pre-commit-hook as .git/hooks/pre-commit: a clean staged
#      change commits (the old bug is outside the diff), a staged change that
#      introduces a bug is refused with the finding;
#   2. the pre-commit framework running this repository's
#      .pre-commit-hooks.yaml (pre-commit try-repo): same two outcomes.
set -euo pipefail
source "$(dirname "$0")/lib.sh" git-hooks "$@"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org
export GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
export PRE_COMMIT_HOME=$work/pre-commit-home

repo=$work/repo
mkdir -p "$repo" && cd "$repo"
git init -q .
cat > drv.c <<'C'
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

/* An old bug, already in the tree: the buffer leaks. */
static int old_leak(void)
{
	char *p = kmalloc(16, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	p[0] = 1;
	return 0;
}

static int __init drv_init(void)
{
	return old_leak();
}

static void __exit drv_exit(void)
{
}

module_init(drv_init);
module_exit(drv_exit);
MODULE_LICENSE("GPL");
C
git add drv.c && git commit -qm initial
{ kmodlint --quiet drv.c || true; } | grep -q '\[leak.local\]' && pass "the old bug is a finding when the whole file is analyzed" \
  || fail "the old bug is a finding when the whole file is analyzed"

clean_change() {
  cat >> drv.c <<C

static int clean_helper_$1(void)
{
	char *q = kzalloc(32, GFP_KERNEL);

	if (!q)
		return -ENOMEM;
	kfree(q);
	return 0;
}
C
}
buggy_change() {
  cat >> drv.c <<C

static void buggy_helper_$1(void)
{
	char *q = kmalloc(32, GFP_KERNEL);

	vfree(q);
}
C
}

# 1. The plain git hook.
ln -s "$root/scripts/git-pre-commit-hook" .git/hooks/pre-commit
clean_change 1 && git add drv.c
if git commit -qm clean > "$work/out" 2>&1; then pass "git hook: clean change commits"
else cat "$work/out"; fail "git hook: clean change commits"; fi
buggy_change 1 && git add drv.c
if git commit -qm buggy > "$work/out" 2>&1; then fail "git hook: buggy change is refused"
else pass "git hook: buggy change is refused"; fi
grep -q "drv.c:.*'q' holds kmalloc memory.*released with vfree().*\[release.mismatch\]" "$work/out" \
  && pass "git hook: names the finding" || { cat "$work/out"; fail "git hook: names the finding"; }
grep -q 'leak.local' "$work/out" && fail "git hook: old bug outside the diff is not reported" \
  || pass "git hook: old bug outside the diff is not reported"
# Unstaged edits that move lines must not make the old bug look new, and
# must survive the hook.
git reset -q --hard HEAD
clean_change 9 && git add drv.c
sed -i '1i /* an unstaged comment\n * that moves\n * every line */' drv.c
cp drv.c "$work/with-unstaged.c"
if git commit -qm clean9 > "$work/out" 2>&1; then pass "git hook: unstaged edits do not shift the staged lines"
else cat "$work/out"; fail "git hook: unstaged edits do not shift the staged lines"; fi
cmp -s drv.c "$work/with-unstaged.c" && pass "git hook: unstaged edits are put back" \
  || fail "git hook: unstaged edits are put back"
git checkout -q -- drv.c
# Were the working tree analyzed with the index's line numbers, these
# unstaged lines would push the staged bug out of the changed range.
buggy_change 9 && git add drv.c
sed -i '1i /* an unstaged comment\n * that moves\n *\n *\n *\n *\n *\n *\n *\n * every line */' drv.c
if git commit -qm buggy9 > "$work/out" 2>&1; then cat "$work/out"; fail "git hook: a staged bug is caught despite unstaged edits"
else pass "git hook: a staged bug is caught despite unstaged edits"; fi
git reset -q --hard HEAD
git reset -q --hard HEAD
rm .git/hooks/pre-commit

# 2. The pre-commit framework, with this repository's .pre-commit-hooks.yaml.
clean_change 2 && git add drv.c
if pre-commit try-repo "$root" kmodlint > "$work/out" 2>&1; then pass "pre-commit: clean change passes"
else cat "$work/out"; fail "pre-commit: clean change passes"; fi
git commit -qm clean --no-verify
buggy_change 2 && git add drv.c
if pre-commit try-repo "$root" kmodlint > "$work/out" 2>&1; then cat "$work/out"; fail "pre-commit: buggy change fails"
else pass "pre-commit: buggy change fails"; fi
grep -q '\[release.mismatch\]' "$work/out" && pass "pre-commit: names the finding" \
  || { cat "$work/out"; fail "pre-commit: names the finding"; }
pre-commit try-repo "$root" kmodlint-files --all-files > "$work/out" 2>&1 \
  && { cat "$work/out"; fail "pre-commit kmodlint-files --all-files: fails on the old bug too"; } \
  || { grep -q '\[leak.local\]' "$work/out" && pass "pre-commit kmodlint-files --all-files: fails on the old bug too" \
       || { cat "$work/out"; fail "pre-commit kmodlint-files --all-files: names the old bug"; }; }

# 3. --diff-base, as a CI job on a merge request uses it.
git commit -qm buggy --no-verify
set +e
kmodlint --diff-base HEAD~1 > "$work/out" 2>&1; since_parent=$?
kmodlint --diff-base HEAD > "$work/out-head" 2>&1; since_head=$?
set -e
[ "$since_parent" = 1 ] && grep -q '\[release.mismatch\]' "$work/out" && ! grep -q 'leak.local' "$work/out" \
  && pass "--diff-base HEAD~1: the commit's bug, not the old one" || { cat "$work/out"; fail "--diff-base HEAD~1"; }
[ "$since_head" = 0 ] && pass "--diff-base HEAD: no change, no findings" || { cat "$work/out-head"; fail "--diff-base HEAD"; }

# A merge request is what its branch changed since it forked, not what the
# base branch gained meanwhile: here the base branch edits old_leak()'s
# return line after the fork; the branch only adds a file.
base_branch=$(git rev-parse --abbrev-ref HEAD)
git checkout -q -b side HEAD~1
git checkout -q "$base_branch"
sed -i '0,/^\treturn 0;$/s//\treturn 0; \/* edited on the base branch *\//' drv.c
git commit -qam base-edit --no-verify
git checkout -q side
printf 'int side_only;\n' > side.c && git add side.c && git commit -qm side --no-verify
set +e
kmodlint --diff-base "$base_branch" > "$work/out" 2>&1; since_fork=$?
set -e
[ "$since_fork" = 0 ] && ! grep -q leak.local "$work/out" \
  && pass "--diff-base: only the branch's own changes (merge base)" \
  || { cat "$work/out"; fail "--diff-base: only the branch's own changes (merge base)"; }

exit $failed
