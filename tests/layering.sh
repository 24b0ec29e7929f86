#!/usr/bin/env bash
# The dependency rule of docs/architecture.md, enforced: each layer folder
# may include only the layers below it. Fails listing every include that
# breaks the rule.
#
#   support <- model <- engine <- checks <- frontend <- cli
#   workflow sees support, the model and the check registry (checks/Check.h);
#   report sees only support (findings).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
status=0
name='[A-Za-z]+\.(h|def)'
declare -A allowed=(
  [analyzer/support]="analyzer/support/$name"
  [analyzer/model]="analyzer/(support|model)/$name"
  [analyzer/engine]="analyzer/(support|model|engine)/$name"
  [checks]="analyzer/(support|model|engine)/$name|checks/($name|[a-z]+/$name)"
  [analyzer/workflow]="analyzer/(support|model|workflow)/$name|checks/Check\.h"
  [analyzer/report]="analyzer/(support|report)/$name"
  [analyzer/frontend]="analyzer/(support|model|engine|workflow|frontend)/$name|checks/Check\.h"
)
# A forbidden include per layer: the rule must reject it, or it proves nothing.
declare -A forbidden=(
  [analyzer/support]=analyzer/model/ApiModel.h
  [analyzer/model]=analyzer/engine/PathEngine.h
  [analyzer/engine]=checks/Check.h
  [checks]=analyzer/frontend/Analysis.h
  [analyzer/workflow]=analyzer/engine/PathEngine.h
  [analyzer/report]=checks/Check.h
  [analyzer/frontend]=analyzer/report/Report.h
)

check_layer() {
  local folder=$1 pattern=$2
  while IFS= read -r line; do
    file=${line%%:*}
    inc=$(sed -n 's/.*#include "\([^"]*\)".*/\1/p' <<<"$line")
    case $inc in clang/*|llvm/*|EmbeddedFiles.inc) continue ;; esac
    if ! grep -qE "^($pattern)$" <<<"$inc"; then
      echo "layering: $file includes \"$inc\"; $folder/ may include only $pattern" >&2
      status=1
    fi
  done < <(grep -rn '#include "' "$folder" --include='*.h' --include='*.cpp' --include='*.def' | sed 's/:[0-9]*:/:/')
}

for folder in "${!allowed[@]}"; do
  check_layer "$folder" "${allowed[$folder]}"
  if grep -qE "^(${allowed[$folder]})$" <<<"${forbidden[$folder]}"; then
    echo "layering: the $folder rule accepts ${forbidden[$folder]}" >&2
    status=1
  fi
done
[ "$status" = 0 ] && echo "layering: support <- model <- engine <- checks <- frontend <- cli holds"
exit $status
