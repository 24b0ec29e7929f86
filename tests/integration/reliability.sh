#!/usr/bin/env bash
# Hostile inputs (issue 13): each unit within a budget, a crashed worker
# costs only its unit, outputs written whole or not at all, every bad input
# one sentence naming the file and exit status 2.
set -uo pipefail
source "$(dirname "$0")/lib.sh" reliability "$@"
cd "$work"
run() { "$kmodlint" "$@" > out.txt 2> err.txt; echo $? > rc.txt; }
status() { [ "$(cat rc.txt)" = "$1" ]; }

cat > ok.c <<'C'
#include <linux/slab.h>
void *leak(void) { void *p = kmalloc(10, GFP_KERNEL); return 0; }
C
# 2^22 terms: clang alone needs ~20 s and ~2 GB for it.
python3 - <<'PY'
with open('bomb.c', 'w') as f:
    f.write('int f(int x) {\n#define A0 x\n')
    for i in range(1, 23):
        f.write('#define A%d (A%d+A%d)\n' % (i, i - 1, i - 1))
    f.write('return A22; }\n')
PY

## Budgets per TU
run --tu-timeout=2 bomb.c ok.c
expect "a TU over its time budget is not analyzed, the others are (exit 2)" \
  bash -c "$(declare -f status); status 2 && grep -q 'bomb.c: not analyzed: budget exceeded (it took more than 2 s' err.txt && grep -q 'ok.c:2:.*leak.local' out.txt"
# Sanitizer builds have no memory budget (their shadow memory exceeds any).
if "$kmodlint" --version | grep -q sanitizers; then
  echo "SKIP memory budget (sanitizer build)"
else
run --tu-memory=200 --tu-timeout=0 --format=json bomb.c
expect "a TU over its memory budget is not analyzed, JSON says why (exit 2)" \
  bash -c "$(declare -f status); status 2 && grep -q 'budget exceeded (it needed more than 200 MiB' err.txt && python3 -c \"import json; f=json.load(open('out.txt'))['failures']; assert len(f)==1 and 'budget exceeded' in f[0]['reason'], f\""
fi
mkdir -p budget && cp bomb.c budget/ && printf 'tu_timeout: 1\n' > budget/.kmodlint.yaml
run --format=sarif budget/bomb.c
expect "tu_timeout in .kmodlint.yaml is the unit's budget; SARIF notifies it" \
  bash -c "$(declare -f status); status 2 && python3 -c \"import json; n=json.load(open('out.txt'))['runs'][0]['invocations'][0]; assert not n['executionSuccessful']; assert 'more than 1 s' in n['toolExecutionNotifications'][0]['message']['text']\""
printf 'tu_timeout: soon\n' > budget/.kmodlint.yaml
run budget/bomb.c
expect "a tu_timeout that is no number is an error with its position" \
  bash -c "$(declare -f status); status 2 && grep -q 'kmodlint.yaml:1:13: .tu_timeout. must be a whole number of seconds' err.txt"

## A crashed worker costs its unit only
# -j1: the first worker is bomb.c's, the only one running when it is found.
( "$kmodlint" -j1 --tu-timeout=30 bomb.c ok.c > out.txt 2> err.txt; echo $? > rc.txt ) &
parent=$!
for _ in $(seq 100); do
  worker=$(pgrep -P "$(pgrep -P $parent kmodlint || true)" 2>/dev/null | head -1 || true)
  [ -n "$worker" ] && break
  sleep 0.1
done
# LLVM's handler prints the stack dump and returns (a sent signal, unlike a
# fault, then does not recur); the second SIGSEGV finds the default action.
# Under ASan its own handler reports the SEGV and aborts.
[ -n "$worker" ] && { kill -SEGV "$worker"; sleep 0.5; kill -SEGV "$worker"; }
wait $parent
expect "a worker killed by SIGSEGV: its unit is reported as a crash, the other analyzed" \
  bash -c "$(declare -f status); status 2 && grep -Eq 'not analyzed: kmodlint crashed on it \\((Segmentation fault|Aborted)\\)' err.txt && grep -Eq 'Stack dump|AddressSanitizer' err.txt && grep -q 'leak.local' out.txt"

## Outputs: whole or not at all, never over a device, errors named
T=$root/testdata/checks
echo OLD > out.txt
inode=$(stat -c %i out.txt)
run ok.c -o out.txt
expect "-o replaces the file through a rename (new inode, no temporary left)" \
  bash -c "[ \$(stat -c %i out.txt) != $inode ] && grep -q leak.local out.txt && [ -z \"\$(ls | grep kmodlint-)\" ]"
for target in "" "-o /dev/full" "--export-fixes /dev/full" "--write-baseline /dev/full"; do
  if [ -z "$target" ]; then "$kmodlint" ok.c > /dev/full 2> err.txt; echo $? > rc.txt; what="the standard output"
  else run ok.c $target; what=/dev/full; fi
  expect "${target:-stdout} on a full disk: exit 2, the file named, no LLVM ERROR" \
    bash -c "$(declare -f status); status 2 && grep -q 'cannot write $what: No space left on device' err.txt && ! grep -q 'LLVM ERROR' err.txt"
done
expect "/dev/full is still a device" test -c /dev/full
cp "$T/release/mismatch.c" fixme.c && chmod 0640 fixme.c
run --fix fixme.c
expect "--fix keeps the file's mode" \
  bash -c "[ \$(stat -c %a fixme.c) = 640 ] && ! cmp -s fixme.c '$T/release/mismatch.c'"
cp "$T/release/mismatch.c" readonly.c && chmod 0444 readonly.c
run --fix readonly.c
expect "--fix refuses a read-only file (even as root), exit 2, file intact" \
  bash -c "$(declare -f status); status 2 && grep -q 'cannot fix .*readonly.c: it is read-only' err.txt && cmp -s readonly.c '$T/release/mismatch.c'"

## Inputs: one sentence each, the other inputs still analyzed
mkdir -p db dir.c
cat > db/compile_commands.json <<EOF
[{"directory": "$work", "file": "", "arguments": ["gcc", "-c", ""]},
 {"directory": "$work", "file": "$work/dir.c", "arguments": ["gcc", "-c", "$work/dir.c"]},
 {"directory": "$work", "file": "$work/ok.c", "arguments": ["gcc", "-I$root/shims/include", "-c", "$work/ok.c"]}]
EOF
run -p db
expect "database entries with an empty file or a directory fail alone (exit 2)" \
  bash -c "$(declare -f status); status 2 && grep -q 'has an empty \"file\"' err.txt && grep -q 'dir.c: not analyzed: it is a directory' err.txt && grep -q 'ok.c:2:.*leak.local' out.txt"
cat ok.c | "$kmodlint" --checks='*' /dev/stdin > out.txt 2> err.txt; echo $? > rc.txt
expect "/dev/stdin from a pipe: not a regular file, said in one sentence" \
  bash -c "$(declare -f status); status 2 && grep -q '/dev/stdin: not analyzed: it is not a regular file' err.txt && [ \$(wc -l < err.txt) = 2 ]"
ln -s loop-d loop-c.c && ln -s loop-c.c loop-d
run loop-c.c -- -I.
expect "a symlink loop is named as one" \
  bash -c "$(declare -f status); status 2 && grep -q 'loop-c.c: not analyzed: Too many levels of symbolic links' err.txt"
python3 -c "print('checks: ' + '[' * 50000 + ']' * 50000)" > deep.yaml
run --config deep.yaml ok.c
expect "a 50,000-deep YAML config: its nesting is named, not 'bad file'" \
  bash -c "$(declare -f status); status 2 && grep -q 'deep.yaml:1:[0-9]*: nested [0-9]* levels deep' err.txt"
mkdir -p tree/a tree/b && cp ok.c tree/a/x.c && cp ok.c tree/b/y.c
echo 'checks: [' > tree/a/.kmodlint.yaml
run tree/a/x.c tree/b/y.c
expect "a broken config stops only the files it governs" \
  bash -c "$(declare -f status); status 2 && grep -q 'x.c: not analyzed: its config is broken: .*tree/a/.kmodlint.yaml:2:1' err.txt && grep -q 'y.c:2:.*leak.local' out.txt"
model() { printf 'model:\n  families:\n%s\n' "$1" > model.yaml; run --config model.yaml ok.c; }
model '    mybuf: {acquire: {kmalloc: {gfp: 1}}, release: {kfree: {}}}'
expect "an allocator claimed by a second family is refused" \
  bash -c "$(declare -f status); status 2 && grep -q \"kmalloc() already acquires for family 'kmalloc'\" err.txt"
model '    kmalloc: {acquire: {my_alloc: {}}, release: {my_free: {}}}
    vmalloc: {acquire: {my_alloc: {}}, release: {vfree: {}}}'
expect "one allocator in two redefined families is refused" \
  bash -c "$(declare -f status); status 2 && grep -q \"my_alloc() acquires for two families, 'kmalloc' and 'vmalloc'\" err.txt"
model '    "": {acquire: {"": {}}, release: {"": {}}}'
expect "an empty family name is refused" \
  bash -c "$(declare -f status); status 2 && grep -q \"an empty name in 'families'\" err.txt"

exit $failed
