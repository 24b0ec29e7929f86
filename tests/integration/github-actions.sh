#!/usr/bin/env bash
# Runs the commands of docs/ci/github-actions.yml (the steps with an id)
# on the example module built against Debian's linux-headers: with the
# baseline of its known bugs the job passes; a commit adding a bug fails it,
# and the SARIF it uploads is valid and holds exactly that new finding.
# The install step is not run: the test uses the kmodlint it is testing.
set -euo pipefail
source "$(dirname "$0")/lib.sh" github-actions "$@"
workflow=$root/docs/ci/github-actions.yml

# step <id>: the step's run script, as written in the workflow.
step() {
  /usr/bin/python3 - "$workflow" "$1" <<'P'
import sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
for job in wf["jobs"].values():
    for s in job["steps"]:
        if s.get("id") == sys.argv[2]:
            print(s["run"])
            sys.exit(0)
sys.exit("no step with id " + sys.argv[2])
P
}
run_step() { (cd "$work/repo" && bash -e -o pipefail -c "$(step "$1")") > "$work/$1.log" 2>&1; }

mkdir -p "$work/repo"
cp "$root"/examples/buggy-module/{buggy.c,Kbuild} "$work/repo/"
run_step compile-db && pass "compile-db step builds the database" \
  || { cat "$work/compile-db.log"; fail "compile-db step builds the database"; }
(cd "$work/repo" && kmodlint -p . --write-baseline kmodlint-baseline.json --quiet)

if run_step lint; then pass "lint step passes with the baseline of known findings"
else cat "$work/lint.log"; fail "lint step passes with the baseline of known findings"; fi
"$root/tests/integration/validate-sarif.py" "$work/repo/kmodlint.sarif" > /dev/null \
  && pass "SARIF valid (no new findings)" || fail "SARIF valid (no new findings)"

# A pull request adds a mismatched release.
cat >> "$work/repo/buggy.c" <<'C'

void buggy_new_helper(void)
{
	void *table = vmalloc(4096);

	kfree(table);
}
C
run_step compile-db
if run_step lint; then fail "lint step fails on a new finding"
else pass "lint step fails on a new finding"; fi
grep -q "buggy.c:.*'table' holds vmalloc memory.*\[release.mismatch\]" "$work/lint.log" \
  && pass "job log shows the new finding (gcc style)" || { cat "$work/lint.log"; fail "job log shows the new finding"; }
"$root/tests/integration/validate-sarif.py" "$work/repo/kmodlint.sarif" \
  && pass "SARIF valid (one new finding)" || fail "SARIF valid (one new finding)"
/usr/bin/python3 - "$work/repo/kmodlint.sarif" <<'P' && pass "SARIF holds exactly the new finding, relative to the checkout" || fail "SARIF holds exactly the new finding"
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
res = run["results"]
assert len(res) == 1, res
loc = res[0]["locations"][0]["physicalLocation"]["artifactLocation"]
assert loc == {"uri": "buggy.c", "uriBaseId": "%SRCROOT%"}, loc
assert res[0]["ruleId"] == "release.mismatch"
P
exit $failed
