#!/usr/bin/env bash
# The command-line workflows run for real on small modules (bundled headers):
# config files and their errors, model extensions, severity, excludes,
# baselines that survive moved lines, SARIF checked against the published
# schema, --fix, unused suppressions, and the progress line.
set -uo pipefail
source "$(dirname "$0")/lib.sh" cli "$@"
validate=$root/tests/integration/validate-sarif.py
cd "$work"
run() { "$kmodlint" "$@" > out.txt 2> err.txt; echo $? > rc.txt; }
rc() { cat rc.txt; }

# A module that uses its subsystem's own allocator and wait helpers, which
# only a config's model extension can teach kmodlint.
mkdir -p sub
cat > sub/wrap.c <<'C'
#include <linux/module.h>
#include <linux/spinlock.h>

struct mydrv_buf;
struct mydrv_buf *mydrv_buf_get(unsigned int size, gfp_t gfp);
void mydrv_buf_put(struct mydrv_buf *buf);
void mydrv_wait_fw(void);
static DEFINE_SPINLOCK(lock);

static int leaks(void)
{
	struct mydrv_buf *b = mydrv_buf_get(64, GFP_KERNEL);

	if (!b)
		return -ENOMEM;
	return 0;
}

static void waits_under_lock(void)
{
	spin_lock(&lock);
	mydrv_wait_fw();
	spin_unlock(&lock);
}
C

run sub/wrap.c
expect "without a config the wrappers are unknown (no findings)" [ "$(rc)" = 0 ]

cat > sub/.kmodlint.yaml <<'Y'
checks: ['*']
severity:
  'leak.*': error
model:
  families:
    mydrv_buf:
      description: mydrv buffer
      acquire:
        mydrv_buf_get: {gfp: 1}
      release:
        mydrv_buf_put: {arg: 0}
  may_sleep:
    mydrv_wait_fw: waits for the firmware to answer
Y
run sub/wrap.c
expect "model extension: leak of the subsystem's buffer, as an error" \
  grep -q "sub/wrap.c:16:2: error: mydrv buffer acquired by mydrv_buf_get() ('b') is not released.*\[leak.local\]" out.txt
expect "model extension: may-sleep wrapper under a spinlock" \
  grep -q "sub/wrap.c:22:2: warning: .*mydrv_wait_fw().*waits for the firmware.*\[atomic.sleep\]" out.txt

# Checks below 80% held-out precision are off by default: with no config
# only the allocation advice runs, as notes, which do not fail the run;
# with every check turned off stderr says so, so that "0 findings" is not
# read as clean; naming a check, or '*', runs it.
cp "$root/testdata/checks/leak/local.c" defaults.c
run --config /dev/null defaults.c
expect "by default only the advice at 80%+ runs: notes, exit 0" \
  bash -c "[ \"\$(cat rc.txt)\" = 0 ] && ! grep -q 'warning:' out.txt && grep -q 'note: .*\[alloc.small-vmalloc\]' out.txt"
run --config /dev/null --checks='-*' defaults.c
expect "no check enabled: exit 0, no finding, and a note saying why" \
  bash -c "[ \"\$(cat rc.txt)\" = 0 ] && ! grep -q 'warning:' out.txt && grep -q 'no check is enabled' err.txt"
run --config /dev/null --checks='leak.local' defaults.c
expect "a check off by default runs when named" \
  bash -c "[ \"\$(cat rc.txt)\" = 1 ] && grep -q '\[leak.local\]' out.txt && ! grep -q 'no check is enabled' err.txt"
run --config /dev/null --list-checks
expect "--list-checks says which checks are off by default" grep -q 'leak.local.*(off by default)' out.txt

# transfers_ownership: a hand-off kmodlint cannot see through (the pointer
# is copied by memcpy into the ring) is declared in the config.
cat > sub/queue.c <<'C'
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct mydrv_desc {
	void *cookie;
};
static struct mydrv_desc mydrv_ring[4];

static void mydrv_queue(void *buf)
{
	memcpy(&mydrv_ring[0].cookie, &buf, sizeof(buf));
}

static int post_one(void)
{
	void *b = kmalloc(64, GFP_KERNEL);

	if (!b)
		return -ENOMEM;
	mydrv_queue(b);
	return 0;
}
C
run --config /dev/null --checks='*' sub/queue.c
expect "transfers_ownership: without it, the hand-off looks like a leak" grep -q 'leak.local' out.txt
cat >> sub/.kmodlint.yaml <<'Y'
  transfers_ownership:
    mydrv_queue: {arg: 0}
Y
run sub/queue.c
expect "transfers_ownership: declared, the hand-off is not a leak" [ "$(rc)" = 0 ]

run --dump-config sub/wrap.c
expect "--dump-config names the file and shows the extension" \
  bash -c "grep -q 'from $work/sub/.kmodlint.yaml' out.txt && grep -q 'mydrv_wait_fw' out.txt"

run --checks='-atomic.*' sub/wrap.c
expect "--checks applies after the config's checks" \
  bash -c "grep -q 'leak.local' out.txt && ! grep -q 'atomic.sleep' out.txt"

printf "checks: ['*']\nexclude: ['wrap.c']\n" > sub/.kmodlint.yaml
run sub/wrap.c
expect "exclude: the file is skipped and the summary says so" \
  bash -c "[ \$(cat rc.txt) = 0 ] && grep -q '1 file excluded by config' err.txt"

printf "checks: ['*']\nseverty:\n  leak.local: error\n" > sub/.kmodlint.yaml
run sub/wrap.c
expect "bad config: exit 2" [ "$(rc)" = 2 ]
expect "bad config: file, line, column and the key" \
  grep -q "$work/sub/.kmodlint.yaml:2:1: unknown key 'severty'" err.txt
printf "checks: ['*']\nseverity:\n  leak.local: fatal\n" > other.yaml
run --config other.yaml sub/wrap.c
expect "--config overrides the search, and its errors are reported too" \
  bash -c "[ \$(cat rc.txt) = 2 ] && grep -q 'other.yaml:3:15: severity must be note, warning or error' err.txt"
rm sub/.kmodlint.yaml

# The example config in docs/configuration.md is a valid config.
mkdir -p docsconf/tools
python3 - "$root/docs/configuration.md" > docsconf/.kmodlint.yaml <<'P'
import re, sys
print(re.search(r"```yaml\n(.*?)```", open(sys.argv[1]).read(), re.S).group(1))
P
echo "may_sleep: {mydrv_other_wait: waits}" > docsconf/tools/kmodlint-model.yaml
run --dump-config docsconf/x.c
expect "docs/configuration.md's example config is accepted" \
  bash -c "[ \$(cat rc.txt) = 0 ] && grep -q mydrv_register_fast_handler out.txt" || cat err.txt

# Baselines: accepted findings stay hidden when lines move; new ones show.
cp "$root/testdata/checks/release/mismatch.c" m.c
run --write-baseline baseline.json m.c
expect "--write-baseline exits 0 and records every finding" \
  bash -c "[ \$(cat rc.txt) = 0 ] && [ \$(grep -c '\"fingerprint\"' baseline.json) -ge 10 ]"
{ printf '/* a new header comment\n * moves every line\n */\n\n'; cat "$root/testdata/checks/release/mismatch.c"; } > m.c
run --baseline baseline.json m.c
expect "baseline: moved lines, no new findings, exit 0" \
  bash -c "[ \$(cat rc.txt) = 0 ] && [ ! -s out.txt ] && grep -q 'in the baseline' err.txt"
cat >> m.c <<'C'

static void brand_new_bug(void)
{
	void *n = vmalloc(64);

	kfree(n);
}
C
run --baseline baseline.json m.c
expect "baseline: the new finding alone is reported, exit 1" \
  bash -c "[ \$(cat rc.txt) = 1 ] && [ \$(grep -c ': warning: ' out.txt) = 1 ] && grep -q \"'n' holds vmalloc memory\" out.txt"

# SARIF against the published 2.1.0 schema, and the validator can fail.
T=$root/testdata/checks
run --format=sarif -o k.sarif "$T/release/mismatch.c" "$T/leak/error-path.c" "$T/leak/lifecycle.c" \
  "$T/atomic/sleep.c" "$T/gfp/flags.c" "$T/release/double-free.c" "$T/release/use-after-free.c"
expect "SARIF: findings exit 1 and the file is written" bash -c "[ \$(cat rc.txt) = 1 ] && [ -s k.sarif ]"
expect "SARIF: valid against the SARIF 2.1.0 schema" "$validate" k.sarif
expect "SARIF: code flows, related locations, fixes and rule help present" python3 - <<'P'
import json
r = json.load(open("k.sarif"))["runs"][0]
res = r["results"]
assert any("codeFlows" in x for x in res)
assert any("relatedLocations" in x for x in res)
assert any("fixes" in x for x in res)
assert all(x["partialFingerprints"] for x in res)
assert all("help" in rule for rule in r["tool"]["driver"]["rules"]), "every rule has its doc page"
assert all(rule["fullDescription"]["text"] != rule["shortDescription"]["text"]
           for rule in r["tool"]["driver"]["rules"]), "full descriptions come from the pages"
P
python3 -c "
import json; d = json.load(open('k.sarif')); del d['runs'][0]['tool']['driver']['name']
d['runs'][0]['results'][0]['level'] = 'fatal'; json.dump(d, open('bad.sarif', 'w'))"
expect "SARIF: the validator rejects a broken log" bash -c "! '$validate' bad.sarif > /dev/null"

# A file that does not parse: exit 2, and the SARIF says the run is incomplete.
printf 'int broken(void) { return undeclared; }\n' > broken.c
run --format=sarif -o broken.sarif broken.c "$T/release/mismatch.c"
expect "parse failure: exit 2, other files still analyzed" \
  bash -c "[ \$(cat rc.txt) = 2 ] && grep -q 'broken.c: could not be parsed' err.txt && grep -q release.mismatch broken.sarif"
expect "parse failure: SARIF invocation is unsuccessful and names the file" python3 - <<'P'
import json
inv = json.load(open("broken.sarif"))["runs"][0]["invocations"][0]
assert inv["executionSuccessful"] is False
n = inv["toolExecutionNotifications"][0]
assert n["level"] == "error" and "undeclared" in n["message"]["text"]
assert n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "broken.c"
P
expect "parse failure: SARIF still valid" "$validate" broken.sarif

# SARIF locations are URIs: a path with a space or '%' is percent-encoded,
# and fix regions count bytes (a UTF-8 comment above must not shift them).
mkdir -p "sp ace"
{ printf '/* \xc2\xa9 2026 */\n'; cat "$T/release/mismatch.c"; } > "sp ace/m%1.c"
run --format=sarif -o sp.sarif "sp ace/m%1.c"
expect "SARIF: percent-encoded URIs, byte-based fix regions" python3 - <<'P'
import json
d = json.load(open("sp.sarif"))
run = d["runs"][0]
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
assert uris == {"sp%20ace/m%251.c"}, uris
assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/"), run["originalUriBaseIds"]
data = open("sp ace/m%1.c", "rb").read()
for r in run["results"]:
    for fix in r.get("fixes", []):
        for rep in fix["artifactChanges"][0]["replacements"]:
            region = rep["deletedRegion"]
            old = data[region["byteOffset"]:region["byteOffset"] + region["byteLength"]]
            assert old in (b"kfree", b"vfree", b"kvfree"), old
P
expect "SARIF: still valid with encoded URIs" "$validate" sp.sarif

# Mistakes on the command line are errors before any analysis.
run --checks='-leek.local' "$T/release/mismatch.c"
expect "--checks: a misspelt check is an error (exit 2)" \
  bash -c "[ \$(cat rc.txt) = 2 ] && grep -q \"'-leek.local' matches no check\" err.txt"
run --baseline /nonexistent/b.json "$T/release/mismatch.c"
expect "--baseline: an unreadable file is an error (exit 2)" bash -c "[ \$(cat rc.txt) = 2 ] && [ ! -s out.txt ]"
# An output that is also an input is refused before anything is written.
cp "$T/release/mismatch.c" self.c
before=$(md5sum < self.c)
run -o self.c self.c
expect "-o onto the analyzed file is refused and the file is intact (exit 2)" \
  bash -c "[ \$(cat rc.txt) = 2 ] && grep -q 'also an input' err.txt && [ \"\$(md5sum < self.c)\" = '$before' ]"
run --format=json -o known.json self.c
cp known.json known.before
run -o known.json --baseline known.json self.c
expect "-o onto the --baseline file is refused and the baseline is intact" \
  bash -c "[ \$(cat rc.txt) = 2 ] && cmp -s known.json known.before"
mkdir -p withmodel && cp "$T/release/mismatch.c" withmodel/m.c
printf 'families: {}\n' > withmodel/extra.yaml
printf 'model_files: [extra.yaml]\n' > withmodel/.kmodlint.yaml
run -o withmodel/extra.yaml withmodel/m.c
expect "-o onto a config's model file is refused and the model is intact" \
  bash -c "[ \$(cat rc.txt) = 2 ] && grep -q 'also an input' err.txt && [ \"\$(cat withmodel/extra.yaml)\" = 'families: {}' ]"
run -o withmodel/.kmodlint.yaml withmodel/m.c
expect "-o onto the config file found for a source is refused" \
  bash -c "[ \$(cat rc.txt) = 2 ] && grep -q '^model_files' withmodel/.kmodlint.yaml"
run --export-fixes same.yaml -o same.yaml self.c
expect "two outputs naming one file are refused" \
  bash -c "[ \$(cat rc.txt) = 2 ] && grep -q 'name the same file' err.txt"
run "$root/examples"
expect "a directory argument says so (exit 2)" bash -c "[ \$(cat rc.txt) = 2 ] && grep -q 'is a directory' err.txt"
run --diff-base=--output=injected
expect "--diff-base rejects options" bash -c "[ \$(cat rc.txt) = 2 ] && [ ! -e injected ]"
cp "$T/release/mismatch.c" twice.c
run --format=json twice.c ./twice.c
single=$(grep -c '"check"' out.txt)
run --format=json twice.c
expect "one file named twice is analyzed once" [ "$single" = "$(grep -c '"check"' out.txt)" ]
run --format=json broken.c
expect "JSON lists the files that could not be parsed" python3 -c "
import json; d = json.load(open('out.txt')); f = d['failures'][0]
assert f['file'].endswith('/broken.c') and 'undeclared' in f['compiler_errors']"

# --write-baseline records every finding, still writes the other outputs,
# and cannot be mixed with --diff.
run --write-baseline wb.json --format=sarif -o wb.sarif --export-fixes wb.yaml "$T/release/mismatch.c"
expect "--write-baseline: exit 0, and -o and --export-fixes still written" \
  bash -c "[ \$(cat rc.txt) = 0 ] && [ -s wb.sarif ] && grep -q ReplacementText wb.yaml"
run --write-baseline wb2.json --diff "$T/release/mismatch.c"
expect "--write-baseline with --diff is refused" bash -c "[ \$(cat rc.txt) = 2 ] && [ ! -e wb2.json ]"

# --dump-config is the effective config, usable from anywhere.
mkdir -p dc/tools && printf "exclude: ['gen/']\nmodel_files: [tools/m.yaml]\n" > dc/.kmodlint.yaml
echo "may_sleep: {dc_wait: waits}" > dc/tools/m.yaml
run --dump-config --checks='-atomic.*' dc/x.c
cp out.txt dumped.yaml
(cd / && "$kmodlint" --config "$work/dumped.yaml" --dump-config > /dev/null 2>&1)
expect "--dump-config: --checks included, and the dump works as --config elsewhere" \
  bash -c "grep -q -- '-atomic.\*' dumped.yaml && grep -q '$work/dc/gen/' dumped.yaml && (cd / && '$kmodlint' --config '$work/dumped.yaml' --dump-config >/dev/null)"

# --fix rewrites the calls kmodlint can fix; what remains has no fix.
cp "$T/release/mismatch.c" f.c
run --format=json f.c
before=$(grep -c '"fix"' out.txt)
run --fix f.c
expect "--fix reports how many fixes it applied" grep -q "applied $before fixes in 1 file" err.txt
run --format=json f.c
expect "--fix: no fixable finding remains ($before fixed)" \
  bash -c "[ $before -gt 0 ] && ! grep -q '\"fix\"' out.txt"
expect "--fix: the fixed file still parses" bash -c "! grep -q 'could not be parsed' err.txt"

# Unused suppressions, on request only.
cp "$T/suppressions.c" s.c
cat >> s.c <<'C'

static void nothing_to_suppress(void)
{
	void *ok = vmalloc(8);

	vfree(ok); /* kmodlint: ignore[release.mismatch] stale after the fix */
}
C
run s.c
expect "unused suppressions are not reported by default" bash -c "! grep -q suppression.unused out.txt"
run --report-unused-suppressions s.c
expect "--report-unused-suppressions names the stale one" \
  grep -q "s.c:$(grep -n 'stale after the fix' s.c | cut -d: -f1):.*suppresses no finding.*\[suppression.unused\]" out.txt
# Line 40 of testdata's suppressions.c names the wrong check on purpose.
expect "--report-unused-suppressions: the wrong-check one too, the used ones not" \
  bash -c "[ \$(grep -c suppression.unused out.txt) = 2 ] && grep -q '^s.c:40:.*suppression.unused' out.txt"

# Progress: a line on a terminal, nothing when stderr is a file or pipe.
run "$T/release/mismatch.c" "$T/leak/local.c"
expect "no progress line when stderr is not a terminal" bash -c "! grep -q '\[1/2\]' err.txt"
script -qefc "'$kmodlint' '$T/release/mismatch.c' '$T/leak/local.c' > /dev/null" /dev/null > tty.txt 2>&1 || true
expect "progress line on a terminal: files done/total and findings so far" \
  grep -q 'kmodlint: \[2/2\] [0-9]* findings' tty.txt

# Generated code: thousands of helpers each calling the next (summaries
# nest one per hop) must not overflow the stack, in a ring or a chain.
python3 - <<'PY'
n = 3000
head = 'void *kmalloc(unsigned long, unsigned);\nvoid kfree(const void *);\n'
with open('ring.c', 'w') as f:
    f.write(head + ''.join('static int f%d(int *p);\n' % i for i in range(n)))
    f.write(''.join('static int f%d(int *p) { if (*p) return 0; return f%d(p); }\n'
                    % (i, (i + 1) % n) for i in range(n)))
    f.write('int entry(void) { int *p = kmalloc(4, 0); return f0(p); }\n')
with open('chain.c', 'w') as f:
    f.write(head + 'static int f%d(int *p) { kfree(p); return 0; }\n' % n)
    f.write(''.join('static int f%d(int *p) { return f%d(p); }\n' % (i, i + 1)
                    for i in range(n - 1, -1, -1)))
    f.write('int entry(void) { int *p = kmalloc(4, 0); f0(p); kfree(p); return 0; }\n')
PY
run ring.c --
# (a cycle gives its members no summary: the pointer is handed to an
# unknown callee, so no finding)
expect "a ring of 3,000 helpers: analyzed, no crash" [ "$(rc)" = 0 ]
run chain.c --
expect "a chain of 3,000 helpers: the free at its end is seen (double free)" \
  bash -c "[ \$(cat rc.txt) = 1 ] && grep -q 'release.double-free' out.txt"

# A macro expanding to a huge expression: the function is not walked (the
# CFG would cost gigabytes), and --verbose says so.
python3 - <<'PY'
with open('huge.c', 'w') as f:
    f.write('#define A0 x\n')
    for i in range(1, 19):
        f.write('#define A%d (A%d+A%d)\n' % (i, i - 1, i - 1))
    f.write('int huge(int x) { return A18; }\n')
PY
run --verbose huge.c --
expect "a 2^18-term expression: analyzed, the function named as too large" \
  bash -c "[ \$(cat rc.txt) = 0 ] && grep -q 'huge() was not analyzed: its body is too large' err.txt"

exit $failed
