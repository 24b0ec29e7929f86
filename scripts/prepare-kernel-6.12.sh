#!/usr/bin/env bash
# Prepares a Linux 6.12 tree to build modules against: Debian's
# linux-source-6.12 with Debian's amd64 config, `make modules_prepare`.
# Prints the tree's path. Idempotent: a prepared tree (stamp file) is reused,
# so the few minutes it takes are spent once per build directory.
#   usage: prepare-kernel-6.12.sh <cache-dir>
set -euo pipefail
cache=${1:?usage: prepare-kernel-6.12.sh <cache-dir>}
tarball=/usr/src/linux-source-6.12.tar.xz
config=/usr/src/linux-config-6.12/config.amd64_none_amd64.xz
tree=$cache/linux-source-6.12
stamp=$tree/.kmodlint-prepared
if [ -f "$stamp" ]; then echo "$tree"; exit 0; fi
for f in "$tarball" "$config"; do
  [ -f "$f" ] || { echo "prepare-kernel-6.12.sh: $f missing; run scripts/install-deps.sh (linux-source-6.12, linux-config-6.12)" >&2; exit 2; }
done
mkdir -p "$cache"
rm -rf "$tree"
tar -xf "$tarball" -C "$cache"
cd "$tree"
xz -dc "$config" > .config
# Debian signs with keys that are not in the source package; BTF needs pahole.
scripts/config --set-str CONFIG_MODULE_SIG_KEY "" --set-str CONFIG_SYSTEM_TRUSTED_KEYS "" \
  --set-str CONFIG_SYSTEM_REVOCATION_KEYS "" -d CONFIG_DEBUG_INFO_BTF
make -s olddefconfig >/dev/null
make -s -j"$(nproc)" modules_prepare >"$cache/modules_prepare-6.12.log" 2>&1 ||
  { tail -30 "$cache/modules_prepare-6.12.log" >&2; echo "prepare-kernel-6.12.sh: modules_prepare failed" >&2; exit 2; }
touch "$stamp"
echo "$tree"
