#!/usr/bin/env bash
# Installs what kmodlint needs to build, test and analyze real modules on
# Debian 12: LLVM/Clang 19, yaml-cpp, GoogleTest, and the kernel headers,
# sources and tools the real-kernel tests build against. Idempotent: it
# calls apt-get only when a package is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache python3 xz-utils
  llvm-19-dev libclang-19-dev clang-19
  libyaml-cpp-dev libgtest-dev
  bear make gcc
  linux-headers-amd64 linux-source-6.1
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps.sh: run as root or install sudo (missing: ${missing[*]})" >&2; exit 2; }
  sudo=sudo
fi
echo "install-deps.sh: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
