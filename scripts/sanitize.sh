#!/usr/bin/env bash
# Builds kmodlint with AddressSanitizer and UndefinedBehaviorSanitizer into
# build-asan/ (ccache shared with build/) and runs the whole test suite with
# it: a sanitizer report aborts the test that triggered it.
#   scripts/sanitize.sh [ctest args...]     e.g. -L integration, -R Analysis
# Sanitizers: KMODLINT_SANITIZE (default address,undefined).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-asan
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKMODLINT_SANITIZE="${KMODLINT_SANITIZE:-address,undefined}" \
  -DKMODLINT_KERNEL_CACHE="$root/build/kernels" >/dev/null
cmake --build "$build" -j "$(nproc)"
# LLVM's and clang's own libraries are not instrumented; their intentional
# process-lifetime allocations (option registries) are not leaks of ours.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:detect_stack_use_after_return=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$build"
ctest --output-on-failure -j "$(nproc)" "$@"
