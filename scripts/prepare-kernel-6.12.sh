#!/usr/bin/env bash
# The 6.12 tree the real-kernel tests and the real-bug corpus build against
# (scripts/prepare-kernel.sh 6.12; kept under this name for CMake and docs).
#   usage: prepare-kernel-6.12.sh <cache-dir>
exec "$(dirname "$0")/prepare-kernel.sh" 6.12 "${1:?usage: prepare-kernel-6.12.sh <cache-dir>}"
