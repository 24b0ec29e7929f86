#!/usr/bin/env bash
# README quick start, step 2 (and what CI runs): install dependencies, build,
# and run every test: unit tests, testdata expectations, and the real-kernel
# integration test against Debian's linux-headers and linux-source-6.1.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
cd "$root/build"
ctest --output-on-failure -j "$(nproc)"
