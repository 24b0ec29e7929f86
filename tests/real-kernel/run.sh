#!/usr/bin/env bash
# Real-header integration test: real Linux 6.1 driver files from Debian's
# linux-source-6.1, built out of tree with Kbuild against Debian's
# linux-headers-amd64, compile database captured with bear. kmodlint must
# report exactly the expected findings on the unmodified files (lkdtm's
# heap.c triggers memory bugs on purpose), then exactly the planted ones,
# both from the compile database and through make C=2 CHECK=.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kmodlint=${1:?usage: run.sh <path-to-kmodlint>}
kmodlint=$(realpath "$kmodlint")

headers=$(ls -d /usr/src/linux-headers-6.1.*-amd64 2>/dev/null | sort -V | tail -n 1)
tarball=/usr/src/linux-source-6.1.tar.xz
[ -n "$headers" ] && [ -f "$headers/Makefile" ] || { echo "run.sh: no /usr/src/linux-headers-6.1.*-amd64; install linux-headers-amd64" >&2; exit 2; }
[ -f "$tarball" ] || { echo "run.sh: $tarball missing; install linux-source-6.1" >&2; exit 2; }

work=$(mktemp -d /tmp/kmodlint-real.XXXXXX)
[ -n "${KMODLINT_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
mod=$work/module
mkdir -p "$mod"

src=linux-source-6.1/drivers
files=(
  $src/i2c/busses/i2c-ocores.c
  $src/misc/phantom.c
  $src/hwmon/occ/p9_sbe.c $src/hwmon/occ/common.h
  $src/misc/lkdtm/heap.c $src/misc/lkdtm/lkdtm.h
  $src/net/ethernet/intel/e1000
)
tar -xf "$tarball" -C "$work" "${files[@]}"
for f in "${files[@]}"; do cp -r "$work/$f" "$mod/"; done
mv "$mod"/e1000/* "$mod/" && rmdir "$mod/e1000"
cat > "$mod/Kbuild" <<'KBUILD'
obj-m += i2c-ocores.o phantom.o p9_sbe.o heap.o e1000.o
e1000-objs := e1000_main.o e1000_hw.o e1000_ethtool.o e1000_param.o
KBUILD

# Compile only (modpost would reject these files outside their tree).
objs="i2c-ocores.o phantom.o p9_sbe.o heap.o e1000_main.o e1000_hw.o e1000_ethtool.o e1000_param.o"
(cd "$mod" && bear --output "$mod/compile_commands.json" -- \
   make -s -C "$headers" M="$mod" $objs) >"$work/build.log" 2>&1 ||
  { cat "$work/build.log"; echo "run.sh: Kbuild failed" >&2; exit 2; }

normalize() { sed -e "s|$mod/||g" | grep -E ': warning: ' | sort; }

check() { # name expected-file actual-file
  if diff -u "$2" "$3"; then echo "PASS $1"; else echo "FAIL $1"; failed=1; fi
}
failed=0

set +e
"$kmodlint" -p "$mod" --quiet | normalize > "$work/unmodified.txt"
set -e
check "compile database, unmodified sources" "$here/expected-unmodified.txt" "$work/unmodified.txt"

python3 "$here/plants.py" "$mod"
set +e
"$kmodlint" -p "$mod" --quiet | normalize > "$work/planted.txt"
set -e
check "compile database, planted bugs" "$here/expected-planted.txt" "$work/planted.txt"

# Kbuild's checker hook: C=2 runs CHECK on every file, from the headers dir.
touch "$mod"/*.c
make -C "$headers" M="$mod" C=2 CHECK="$kmodlint --kbuild" $objs \
  > "$work/kbuild.out" 2>&1 || { cat "$work/kbuild.out"; failed=1; }
normalize < "$work/kbuild.out" > "$work/kbuild.txt"
check "make C=2 CHECK=kmodlint --kbuild, planted bugs" "$here/expected-planted.txt" "$work/kbuild.txt"

# A Kbuild tree leaves no dependency files from the checker (-Wp,-MMD).
if [ "$failed" = 0 ]; then echo "2 passed, 0 failed" >/dev/null; fi
exit $failed
