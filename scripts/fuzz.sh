#!/usr/bin/env bash
# Runs one libFuzzer target for SECONDS (default 600) and prints libFuzzer's
# final statistics; a crash leaves its input in build-fuzz/artifacts/.
#   scripts/fuzz.sh TARGET [SECONDS] [libFuzzer args...]
# TARGET: config model compile-database suppression baseline git-diff analyzer
# The committed seeds are fuzz/corpus/TARGET (read only; C targets also
# read testdata/checks); what the run
# discovers goes to build-fuzz/corpus/TARGET, kept between runs. Merge the
# useful part back with:  build-fuzz/fuzz-X -merge=1 fuzz/corpus/X build-fuzz/corpus/X
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${1:?usage: fuzz.sh TARGET [SECONDS] [libFuzzer args...]}
seconds=${2:-600}
shift $(( $# >= 2 ? 2 : 1 ))
case $target in
  config) binary=Config ;; model) binary=Model ;;
  compile-database) binary=CompileDatabase ;; suppression) binary=Suppression ;;
  baseline) binary=Baseline ;; git-diff) binary=GitDiff ;; analyzer) binary=Analyzer ;;
  *) echo "fuzz.sh: unknown target '$target'" >&2; exit 2 ;;
esac
build=$root/build-fuzz
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
  -DKMODLINT_FUZZ=ON -DKMODLINT_TESTS=OFF >/dev/null
cmake --build "$build" --target "fuzz-$binary" -j "$(nproc)"
mkdir -p "$build/corpus/$target" "$build/artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
# C inputs (the analyzer, suppressions) also take the testdata modules as
# seeds; they are larger, and the analyzer is slower per run.
max_len=4096
seeds=("$root/fuzz/corpus/$target")
case $target in
  analyzer) max_len=16384; seeds+=("$root/testdata/checks") ;;
  suppression) seeds+=("$root/testdata/checks") ;;
esac
exec "$build/fuzz-$binary" -max_total_time="$seconds" -print_final_stats=1 \
  -max_len=$max_len -timeout=30 -rss_limit_mb=4096 \
  -artifact_prefix="$build/artifacts/$target-" \
  "$@" "$build/corpus/$target" "${seeds[@]}"
