#!/usr/bin/env bash
# The dependency rule of docs/architecture.md, enforced: the model is a leaf
# (it may read only the embedded files), the engine sees only the model,
# and neither includes a check. Fails listing every include that breaks it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
status=0
# layer-folder allowed-include-pattern
check_layer() {
  local folder=$1 allowed=$2
  while IFS= read -r line; do
    file=${line%%:*}
    inc=$(sed -n 's/.*#include "\([^"]*\)".*/\1/p' <<<"$line")
    case $inc in clang/*|llvm/*) continue ;; esac
    if ! grep -qE "^($allowed)$" <<<"$inc"; then
      echo "layering: $file includes \"$inc\"; $folder/ may include only $allowed" >&2
      status=1
    fi
  done < <(grep -n '#include "' "$folder"/*.h "$folder"/*.cpp | sed 's/:[0-9]*:/:/')
}
check_layer analyzer/model 'analyzer/model/[A-Za-z]+\.h|analyzer/EmbeddedFiles\.h'
check_layer analyzer/engine 'analyzer/(model|engine)/[A-Za-z]+\.h'
# Self-test: the rule must catch a violation, or it proves nothing.
if grep -qE "^(analyzer/(model|engine)/[A-Za-z]+\.h)$" <<<"checks/Check.h"; then
  echo "layering: the engine pattern accepts checks/Check.h" >&2; status=1
fi
[ "$status" = 0 ] && echo "layering: model <- engine <- checks holds"
exit $status
