#!/usr/bin/env bash
# The README example must show exactly its planted bugs (bundled headers).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
example=$here/../examples/buggy-module
set +e
"$1" --quiet "$example/buggy.c" > /tmp/kmodlint-example.$$ 2>&1
rc=$?
set -e
grep ': warning: ' /tmp/kmodlint-example.$$ | sed 's|.*/buggy.c|buggy.c|' | diff -u "$example/expected.txt" -
rm -f /tmp/kmodlint-example.$$
[ "$rc" = 1 ] || { echo "expected exit status 1 (findings), got $rc" >&2; exit 1; }
