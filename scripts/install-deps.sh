#!/usr/bin/env bash
# Installs what kmodlint needs to build, test and analyze real modules on
# Debian 12: LLVM/Clang 19, yaml-cpp, GoogleTest, and the kernel headers,
# sources and tools the real-kernel tests build against, and what the
# integration tests run (git, pre-commit, a SARIF schema validator).
# Idempotent: it calls apt-get only when a package is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache python3 xz-utils
  llvm-19-dev libclang-19-dev clang-19
  libyaml-cpp-dev libgtest-dev
  bear make gcc
  linux-headers-amd64 linux-source-6.1 linux-source-6.12 linux-config-6.12
  bc bison flex libelf-dev libssl-dev
  git pre-commit python3-jsonschema python3-yaml util-linux
)
# npm fetches the published SARIF 2.1.0 schema (below); a machine whose
# Node.js did not come from Debian already has its own npm.
command -v npm >/dev/null || packages+=(npm)

# The SARIF 2.1.0 JSON schema (rtm.5, as published on schemastore), which
# tests validate kmodlint's SARIF against. Microsoft's jest-sarif package
# ships it; the version and the schema's hash are pinned.
fetch_sarif_schema() {
  local dir=${KMODLINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kmodlint}
  local schema=$dir/sarif-schema-2.1.0.json
  local sha=2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8
  if [ -f "$schema" ] && echo "$sha  $schema" | sha256sum -c --quiet 2>/dev/null; then
    return 0
  fi
  local tmp
  tmp=$(mktemp -d)
  mkdir -p "$dir"
  (cd "$tmp" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null &&
     tar xzf microsoft-jest-sarif-1.0.0-beta.0.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json)
  echo "$sha  $tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" | sha256sum -c --quiet
  mv "$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$schema"
  rm -rf "$tmp"
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  fetch_sarif_schema
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps.sh: run as root or install sudo (missing: ${missing[*]})" >&2; exit 2; }
  sudo=sudo
fi
echo "install-deps.sh: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fetch_sarif_schema
