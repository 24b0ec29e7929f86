#!/usr/bin/env bash
# Real-header integration test: real Linux driver files from Debian's
# linux-source-6.1 (built out of tree with Kbuild against Debian's
# linux-headers-amd64) or linux-source-6.12 (against a tree prepared with
# Debian's config by scripts/prepare-kernel-6.12.sh, cached in
# $KMODLINT_KERNEL_CACHE), compile database captured with bear. kmodlint
# must report exactly the expected findings on the unmodified files
# (lkdtm's heap.c triggers memory bugs on purpose), then exactly the
# planted ones, both from the compile database and through make C=2 CHECK=.
# The plants are the same bugs on both versions.
#   usage: run.sh <kmodlint> [6.1|6.12]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kmodlint=${1:?usage: run.sh <path-to-kmodlint> [6.1|6.12]}
kmodlint=$(realpath "$kmodlint")
version=${2:-6.1}

case $version in
6.1)
  headers=$(ls -d /usr/src/linux-headers-6.1.*-amd64 2>/dev/null | sort -V | tail -n 1)
  [ -n "$headers" ] && [ -f "$headers/Makefile" ] || { echo "run.sh: no /usr/src/linux-headers-6.1.*-amd64; install linux-headers-amd64" >&2; exit 2; }
  suffix= ;;
6.12)
  cache=${KMODLINT_KERNEL_CACHE:?set KMODLINT_KERNEL_CACHE to a directory for the prepared 6.12 tree}
  headers=$("$here/../../scripts/prepare-kernel-6.12.sh" "$cache")
  suffix=-6.12 ;;
*) echo "run.sh: unknown kernel version $version (6.1 or 6.12)" >&2; exit 2 ;;
esac
tarball=/usr/src/linux-source-$version.tar.xz
[ -f "$tarball" ] || { echo "run.sh: $tarball missing; install linux-source-$version" >&2; exit 2; }

work=$(mktemp -d /tmp/kmodlint-real.XXXXXX)
[ -n "${KMODLINT_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
mod=$work/module
mkdir -p "$mod"
# Every check, those off by default included: the expectations list them all.
printf "checks: ['*']\n" > "$mod/.kmodlint.yaml"

src=linux-source-$version/drivers
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

normalize() { sed -e "s|$mod/||g" | grep -E ': (warning|error|note): .*\[[a-z.-]+\]$' | sort; }

check() { # name expected-file actual-file
  if diff -u "$2" "$3"; then echo "PASS $1"; else echo "FAIL $1"; failed=1; fi
}
failed=0

set +e
"$kmodlint" -p "$mod" --quiet | normalize > "$work/unmodified.txt"
set -e
check "$version compile database, unmodified sources" "$here/expected-unmodified$suffix.txt" "$work/unmodified.txt"

python3 "$here/plants.py" "$mod" "$version"
set +e
"$kmodlint" -p "$mod" --quiet | normalize > "$work/planted.txt"
set -e
check "$version compile database, planted bugs" "$here/expected-planted$suffix.txt" "$work/planted.txt"

# The allocation-shape fixes rename what the source writes (6.12's kzalloc()
# and vzalloc() are macros over *_noprof()) together with each release.
set +e
"$kmodlint" -p "$mod" --quiet --format=json > "$work/planted.json"
set -e
if python3 - "$work/planted.json" <<'PY'
import json, sys
want = {"alloc.high-order": ["kvfree", "kvzalloc"],
        "alloc.small-vmalloc": [", GFP_KERNEL", "kfree", "kzalloc"]}
got = {}
for f in json.load(open(sys.argv[1]))["findings"]:
    if f["check"] in want and f["file"].endswith("p9_sbe.c") and "fix" in f:
        got[f["check"]] = sorted(e["replacement"] for e in f["fix"]["edits"])
sys.exit(0 if got == want else f"fix edits {got}, expected {want}")
PY
then echo "PASS $version allocation-shape fixes swap allocator and releases"
else echo "FAIL $version allocation-shape fixes swap allocator and releases"; failed=1; fi

# Kbuild's checker hook: C=2 runs CHECK on every file, from the headers dir.
touch "$mod"/*.c
make -C "$headers" M="$mod" C=2 CHECK="$kmodlint --kbuild" $objs \
  > "$work/kbuild.out" 2>&1 || { cat "$work/kbuild.out"; failed=1; }
normalize < "$work/kbuild.out" > "$work/kbuild.txt"
check "$version make C=2 CHECK=kmodlint --kbuild, planted bugs" "$here/expected-planted$suffix.txt" "$work/kbuild.txt"

# A Kbuild tree leaves no dependency files from the checker (-Wp,-MMD).
if [ "$failed" = 0 ]; then echo "2 passed, 0 failed" >/dev/null; fi
exit $failed
