#!/usr/bin/env bash
# Prepares a Debian kernel source tree to build modules against: Debian's
# linux-source-<version> with Debian's amd64 config, `make modules_prepare`.
# Prints the tree's path. Idempotent: a prepared tree (stamp file) is reused,
# so the few minutes it takes are spent once per cache directory.
#   usage: prepare-kernel.sh <6.1|6.12> <cache-dir>
# 6.12 takes the config Debian ships in linux-config-6.12; 6.1 takes the
# config of the installed linux-headers-6.1.*-amd64 (the one Debian's 6.1
# modules were built with), so both trees match what users build against.
set -euo pipefail
version=${1:?usage: prepare-kernel.sh <6.1|6.12> <cache-dir>}
cache=${2:?usage: prepare-kernel.sh <6.1|6.12> <cache-dir>}
me=prepare-kernel.sh
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
tarball=/usr/src/linux-source-$version.tar.xz
case $version in
  6.12) config=/usr/src/linux-config-6.12/config.amd64_none_amd64.xz ;;
  6.1) config=$(ls -d /usr/src/linux-headers-6.1.*-amd64/.config 2>/dev/null | sort -V | tail -1) ;;
  *) echo "$me: no config known for Linux $version (6.1 or 6.12)" >&2; exit 2 ;;
esac
tree=$cache/linux-source-$version
stamp=$tree/.kmodlint-prepared
if [ -f "$stamp" ]; then echo "$tree"; exit 0; fi
for f in "$tarball" "$config"; do
  [ -n "$f" ] && [ -f "$f" ] || { echo "$me: ${f:-the .config of linux-headers-6.1.*-amd64} missing; run scripts/install-deps.sh (linux-source-$version, linux-config-6.12, linux-headers-amd64)" >&2; exit 2; }
done
rm -rf "$tree"
tar -xf "$tarball" -C "$cache"
cd "$tree"
case $config in
  *.xz) xz -dc "$config" > .config ;;
  *) cp "$config" .config ;;
esac
# Debian signs with keys that are not in the source package; BTF needs pahole.
scripts/config --set-str CONFIG_MODULE_SIG_KEY "" --set-str CONFIG_SYSTEM_TRUSTED_KEYS "" \
  --set-str CONFIG_SYSTEM_REVOCATION_KEYS "" -d CONFIG_DEBUG_INFO_BTF
make -s olddefconfig >/dev/null
make -s -j"$(nproc)" modules_prepare >"$cache/modules_prepare-$version.log" 2>&1 ||
  { tail -30 "$cache/modules_prepare-$version.log" >&2; echo "$me: modules_prepare failed" >&2; exit 2; }
touch "$stamp"
echo "$tree"
