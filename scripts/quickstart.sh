#!/usr/bin/env bash
# README quick start, step 1: install dependencies, build kmodlint, and run it
# on the bundled example module (examples/buggy-module) built with Kbuild
# against this machine's kernel headers.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"

example=$root/build/example-module
rm -rf "$example" && mkdir -p "$example"
cp "$root"/examples/buggy-module/{buggy.c,Kbuild} "$example/"
headers=$(ls -d /usr/src/linux-headers-*-amd64 2>/dev/null | sort -V | tail -n 1 || true)
echo
if [ -n "$headers" ] && (cd "$example" && bear -- make -s -C "$headers" M="$example" buggy.o) >"$example/build.log" 2>&1; then
  echo "== kmodlint -p $example   (Kbuild compile database, headers: $headers)"
  "$root/build/kmodlint" -p "$example" || true
else
  echo "== no usable kernel headers; analyzing against kmodlint's bundled headers"
  "$root/build/kmodlint" "$example/buggy.c" || true
fi
