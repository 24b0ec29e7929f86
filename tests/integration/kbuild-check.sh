#!/usr/bin/env bash
# Kbuild's checker hook against Debian's linux-headers, as documented in
# docs/integrations.md:
#   make -C <headers> M=$PWD C=1 CHECK="kmodlint --kbuild"   files being recompiled
#   make -C <headers> M=$PWD C=2 CHECK="kmodlint --kbuild"   every file, rebuilt or not
# Findings are printed and the build still succeeds, as with sparse.
set -euo pipefail
source "$(dirname "$0")/lib.sh" kbuild-check "$@"
headers=$(ls -d /usr/src/linux-headers-*-amd64 | sort -V | tail -n 1)
cp "$root"/examples/buggy-module/{buggy.c,Kbuild} "$work/"
findings() { grep -c ': warning: .*\[' "$1" || true; }
expected=$(wc -l < "$root/examples/buggy-module/expected.txt")

make -s -C "$headers" M="$work" C=1 CHECK="$kmodlint --kbuild" modules > "$work/c1.log" 2>&1 \
  && pass "C=1: the build succeeds despite findings" || { cat "$work/c1.log"; fail "C=1: the build succeeds"; }
[ "$(findings "$work/c1.log")" = "$expected" ] && pass "C=1: the recompiled file's $expected findings" \
  || { cat "$work/c1.log"; fail "C=1: the recompiled file's $expected findings"; }

make -s -C "$headers" M="$work" C=1 CHECK="$kmodlint --kbuild" modules > "$work/c1-again.log" 2>&1
[ "$(findings "$work/c1-again.log")" = 0 ] && pass "C=1: nothing rebuilt, nothing checked" \
  || { cat "$work/c1-again.log"; fail "C=1: nothing rebuilt, nothing checked"; }

make -s -C "$headers" M="$work" C=2 CHECK="$kmodlint --kbuild" modules > "$work/c2.log" 2>&1 \
  && pass "C=2: the build succeeds" || fail "C=2: the build succeeds"
[ "$(findings "$work/c2.log")" = "$expected" ] && pass "C=2: every file checked without a rebuild" \
  || { cat "$work/c2.log"; fail "C=2: every file checked without a rebuild"; }
exit $failed
