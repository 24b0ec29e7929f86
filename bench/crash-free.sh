#!/usr/bin/env bash
# A crash-free run over real code (issue 13): kmodlint on every TU of the
# given compile databases, each in its budgeted worker; prints TUs, findings,
# failures by reason (crash, budget, parse), wall time and the largest
# worker's peak RSS. Exit 1 if any TU crashed or ran out of budget.
#   bench/crash-free.sh <build-dir-with-compile_commands.json>... [-- kmodlint args]
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
kmodlint=${KMODLINT:-$root/build/kmodlint}
dirs=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do dirs+=("$1"); shift; done
[ "${1:-}" = -- ] && shift
out=$(mktemp -d /tmp/kmodlint-crashfree.XXXXXX)
status=0
for db in "${dirs[@]}"; do
  start=$(date +%s.%N)
  "$kmodlint" -p "$db" --checks='*' --format=json -o "$out/result.json" --verbose --progress=never "$@" \
    2> "$out/stderr.txt"
  rc=$?
  end=$(date +%s.%N)
  python3 - "$db" "$out/result.json" "$out/stderr.txt" "$rc" "$start" "$end" <<'PY' || status=1
import json, re, sys, collections
db, result, stderr, rc, start, end = sys.argv[1:]
units = len([e for e in json.load(open(db + '/compile_commands.json'))
             if e['file'].endswith('.c') and not e['file'].endswith('.mod.c')])
r = json.load(open(result))
reasons = collections.Counter()
for f in r['failures']:
    reason = f['reason']
    kind = ('crash' if 'crashed' in reason else 'budget' if 'budget' in reason
            else 'parse' if reason == 'could not be parsed' else reason)
    reasons[kind] += 1
peaks = [int(m) for m in re.findall(r', peak (\d+) MiB', open(stderr).read())]
secs = [float(m) for m in re.findall(r', ([0-9.]+) s(?:, peak|$)', open(stderr).read(), re.M)]
print(f"{db}: {units} TUs, {len(r['findings'])} findings, exit {rc}, "
      f"{float(end) - float(start):.0f} s wall")
print(f"  failures: {dict(reasons) or 'none'}")
if peaks:
    print(f"  worker peak RSS: max {max(peaks)} MiB, median {sorted(peaks)[len(peaks)//2]} MiB")
if secs:
    print(f"  slowest TU: {max(secs):.1f} s")
for f in r['failures']:
    why = f['reason']
    if why == 'could not be parsed':  # the first error says which header
        errors = [l for l in f.get('compiler_errors', '').splitlines() if 'error:' in l]
        why = 'parse: ' + (errors[0] if errors else '?')
    print(f"  {f['file']}: {why}")
sys.exit(1 if reasons['crash'] or reasons['budget'] else 0)
PY
done
rm -rf "$out"
exit $status
