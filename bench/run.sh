#!/usr/bin/env bash
# Times kmodlint against clang-19 -fsyntax-only on real Linux 6.1 driver
# files (bench/drivers.txt) built with Kbuild against Debian's headers.
# Both parse exactly the same command (kmodlint --dump-clang-commands), one
# TU at a time; each figure is the median of REPEAT runs.
#   bench/run.sh [path-to-kmodlint]      REPEAT=3 by default
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kmodlint=$(realpath "${1:-$here/../build/kmodlint}")
repeat=${REPEAT:-3}
headers=$(ls -d /usr/src/linux-headers-6.1.*-amd64 | sort -V | tail -n 1)
work=$(mktemp -d /tmp/kmodlint-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

mapfile -t lines < <(grep -v '^#' "$here/drivers.txt" | grep .)
members=()
for l in "${lines[@]}"; do for f in $l; do members+=("linux-source-6.1/$f"); done; done
tar -xf /usr/src/linux-source-6.1.tar.xz -C "$work" "${members[@]}"
mod=$work/module && mkdir -p "$mod"
objs=()
for l in "${lines[@]}"; do
  for f in $l; do cp "$work/linux-source-6.1/$f" "$mod/"; done
  first=${l%% *}; objs+=("$(basename "${first%.c}").o")
done
echo "obj-m += ${objs[*]}" > "$mod/Kbuild"
(cd "$mod" && bear --output "$mod/compile_commands.json" -- make -s -C "$headers" M="$mod" "${objs[@]}") > "$work/build.log" 2>&1 ||
  { tail -20 "$work/build.log"; exit 2; }
"$kmodlint" -p "$mod" --dump-clang-commands > "$work/clang.json"

python3 - "$kmodlint" "$mod" "$work/clang.json" "$repeat" <<'PY'
import json, statistics, subprocess, sys, time
kmodlint, mod, commands, repeat = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

def median_time(argv, cwd):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)

ratios = []
print(f"{'file':28} {'clang -fsyntax-only':>20} {'kmodlint':>10} {'ratio':>7}")
for c in json.load(open(commands)):
    argv = ["clang-19"] + c["arguments"][1:]
    base = median_time(argv, c["directory"])
    ours = median_time([kmodlint, "-p", mod, "-j1", "--quiet", "--checks=*", c["file"]], mod)
    ratios.append(ours / base)
    print(f"{c['file'].split('/')[-1]:28} {base:19.3f}s {ours:9.3f}s {ours / base:6.2f}x")
print(f"TUs: {len(ratios)}  median ratio: {statistics.median(ratios):.2f}x  "
      f"max: {max(ratios):.2f}x  (target: median <= 1.30x)")
PY
