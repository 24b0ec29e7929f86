#!/usr/bin/env python3
"""Scores kmodlint on the real-bug corpus (bench/realbugs/README.md).

Every case is a real kernel fix: buggy.c is the Debian 6.12 tree's file with
the fix reverted, fixed.c the file as shipped. Both are analyzed with the
flags Kbuild uses for a module of the prepared 6.12 tree (captured once from
a stub module built with bear), with the case's own directory of the tree on
the include path so that its local headers resolve. A case is *found* when a
finding of the case's class is at the case's line or has a note there (the
lost acquisition, the second free, the sleeping call or a hop to it);
it is *gone* when fixed.c has no finding of the class in that function. Clean files are real files
with no known bug of the three classes: every finding on them is counted.

  score.py --kmodlint build/kmodlint --tree <prepared 6.12 tree>
           [--cases id,id,...] [--expect file] [--json out] [--keep dir]

With --expect, prints the outcome lines and compares them with the file
(exit 1 on any difference), so a test can pin a handful of cases.
"""
import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CLASS_PREFIXES = {
    "leak": ("leak.",),
    "release": ("release.",),
    "atomic": ("atomic.", "gfp."),
}


def load_cases(corpus, selected):
    cases = []
    for group in ("cases", "clean"):
        root = os.path.join(corpus, group)
        if not os.path.isdir(root):
            continue
        for name in sorted(os.listdir(root)):
            if selected and name not in selected:
                continue
            with open(os.path.join(root, name, "case.json")) as f:
                case = json.load(f)
            case["id"] = name
            case["dir"] = os.path.join(root, name)
            case["clean"] = group == "clean"
            cases.append(case)
    missing = set(selected or ()) - {c["id"] for c in cases}
    if missing:
        sys.exit("score.py: no such case: " + ", ".join(sorted(missing)))
    return cases


def kbuild_flags(tree, work):
    """The gcc command Kbuild uses for a module of this tree, as a list."""
    stub = os.path.join(work, "stub")
    os.makedirs(stub)
    with open(os.path.join(stub, "stub.c"), "w") as f:
        f.write('#include <linux/module.h>\nMODULE_LICENSE("GPL");\n')
    with open(os.path.join(stub, "Kbuild"), "w") as f:
        f.write("obj-m += stub.o\n")
    db = os.path.join(stub, "compile_commands.json")
    subprocess.run(["bear", "--output", db, "--", "make", "-s", "-C", tree,
                    "M=" + stub, "stub.o"], check=True, cwd=stub,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(db) as f:
        entry = json.load(f)[0]
    args = entry.get("arguments") or shlex.split(entry["command"])
    return entry["directory"], args


def command_for(args, source, module, extra, builtin):
    out = []
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg == "-o":
            skip = True
            continue
        if arg.endswith("stub.c"):
            continue
        if arg.startswith("-Wp,-MMD") or arg.startswith("-Wp,-MD"):
            continue
        if builtin and arg == "-DMODULE":
            continue  # obj-y: built into the kernel
        arg = arg.replace("KBUILD_MODNAME=\"stub\"", 'KBUILD_MODNAME="%s"' % module)
        arg = re.sub(r'KBUILD_BASENAME=\\?"stub\\?"', 'KBUILD_BASENAME="%s"' % module, arg)
        arg = re.sub(r'"stub"', '"%s"' % module, arg) if "KBUILD" in arg else arg
        out.append(arg)
    return out + extra + ["-c", source]


def function_extent(path, name):
    """First and last line of the definition of `name` in a C file."""
    with open(path, errors="replace") as f:
        lines = f.read().split("\n")
    head = re.compile(r"^[A-Za-z_].*\b%s\s*\(" % re.escape(name))
    for i, line in enumerate(lines):
        if not head.match(line):
            continue
        depth, opened = 0, False
        for j in range(i, len(lines)):
            text = re.sub(r'"(\\.|[^"\\])*"|\'(\\.|[^\'\\])*\'|//.*', "", lines[j])
            if not opened and text.rstrip().endswith(";"):
                break  # a prototype
            depth += text.count("{") - text.count("}")
            opened = opened or "{" in text
            if opened and depth == 0:
                return i + 1, j + 1
    return None


def names_the_bug(finding, case):
    """On buggy.c: a finding of the class at the case's line (the lost
    acquisition, the second free, the sleeping call), or with a note there
    (the acquisition of a leak, a hop of a sleeping chain)."""
    if not finding["check"].startswith(CLASS_PREFIXES[case["class"]]):
        return False
    lines = {case["line"]} | set(case.get("also_lines", []))
    return any(p["line"] in lines for p in [finding] + finding.get("notes", []))


def matches(finding, case, extent):
    """On fixed.c, where lines moved: any finding of the class in the
    case's function counts against the fix."""
    if not finding["check"].startswith(CLASS_PREFIXES[case["class"]]):
        return False
    if finding.get("function") == case["function"]:
        return True
    points = [finding] + finding.get("notes", [])
    return extent is not None and any(extent[0] <= p["line"] <= extent[1] for p in points)


def analyze(kmodlint, work, directory, flags, cases):
    entries = []
    sources = {}
    for case in cases:
        base = os.path.basename(case["tree_path"])
        module = re.sub(r"\W", "_", base[:-2])
        tree_dir = os.path.dirname(case["tree_path"])
        # The directory's own headers, then its Makefile's ccflags-y
        # ("{tree}" stands for the tree).
        extra = ["-I" + os.path.join(directory, tree_dir)] + [
            flag.replace("{tree}", directory) for flag in case.get("cflags", [])]
        for variant in (("file",) if case["clean"] else ("buggy", "fixed")):
            src_name = "file.c" if case["clean"] else variant + ".c"
            dest = os.path.join(work, "src", case["id"], variant, base)
            os.makedirs(os.path.dirname(dest))
            shutil.copy(os.path.join(case["dir"], src_name), dest)
            sources[dest] = (case["id"], variant)
            entries.append({"directory": directory, "file": dest,
                            "arguments": command_for(flags, dest, module, extra,
                                                     case.get("builtin", False))})
    db_dir = os.path.join(work, "db")
    os.makedirs(db_dir)
    with open(os.path.join(db_dir, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)
    # Recall of every check, those off by default included.
    run = subprocess.run([kmodlint, "-p", db_dir, "--format=json", "--quiet",
                          "--config=/dev/null", "--checks=*"],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1, 2):
        sys.exit("score.py: kmodlint exited %d\n%s" % (run.returncode, run.stderr))
    report = json.loads(run.stdout)
    results = {}
    for finding in report["findings"]:
        key = sources.get(finding["file"])
        if key:
            results.setdefault(key, {"findings": [], "failed": False})["findings"].append(finding)
    for failure in report.get("failures", []):
        key = sources.get(failure.get("file"))
        if key:
            results.setdefault(key, {"findings": [], "failed": False})["failed"] = True
    return results, sources


def outcome(case, results, work):
    base = os.path.basename(case["tree_path"])
    if case["clean"]:
        r = results.get((case["id"], "file"), {"findings": [], "failed": False})
        return {"failed": r["failed"], "extra": r["findings"]}
    per = {}
    for variant in ("buggy", "fixed"):
        path = os.path.join(work, "src", case["id"], variant, base)
        r = results.get((case["id"], variant), {"findings": [], "failed": False})
        extent = function_extent(path, case["function"])
        if variant == "buggy":
            hits = [f for f in r["findings"] if names_the_bug(f, case)]
        else:
            hits = [f for f in r["findings"] if matches(f, case, extent)]
        per[variant] = {"failed": r["failed"], "hits": hits,
                        "extra": [f for f in r["findings"] if f not in hits],
                        "extent": extent}
    return per


def line_for(case, out):
    if case["clean"]:
        state = "parse-failure" if out["failed"] else "%d findings" % len(out["extra"])
        return "clean %s: %s" % (case["id"], state)
    b, f = out["buggy"], out["fixed"]
    if b["failed"] or f["failed"]:
        return "%s %s: parse-failure" % (case["class"], case["id"])
    found = "found" if b["hits"] else "missed"
    gone = "gone-on-fixed" if not f["hits"] else "still-on-fixed"
    return "%s %s: %s, %s" % (case["class"], case["id"], found, gone)


def summary(cases, outs):
    print("\nclass     cases  found  gone-on-fixed(of found)  other-findings(buggy/fixed)  parse-failures")
    for cls in ("leak", "release", "atomic"):
        for cross in (False, True):
            group = [(c, o) for c, o in zip(cases, outs)
                     if not c["clean"] and c["class"] == cls and bool(c.get("cross_file")) == cross]
            if not group:
                continue
            ok = [(c, o) for c, o in group if not (o["buggy"]["failed"] or o["fixed"]["failed"])]
            found = [(c, o) for c, o in ok if o["buggy"]["hits"]]
            gone = [(c, o) for c, o in found if not o["fixed"]["hits"]]
            extra_b = sum(len(o["buggy"]["extra"]) for c, o in ok)
            extra_f = sum(len(o["fixed"]["extra"]) for c, o in ok)
            label = cls + (" (cross-file)" if cross else "")
            pct = 100.0 * len(found) / len(group)
            print("%-20s %3d  %3d (%3.0f%%)  %3d  %5d/%d  %d" % (
                label, len(group), len(found), pct, len(gone), extra_b, extra_f,
                len(group) - len(ok)))
    clean = [(c, o) for c, o in zip(cases, outs) if c["clean"]]
    if clean:
        total = sum(len(o["extra"]) for c, o in clean)
        failed = sum(1 for c, o in clean if o["failed"])
        print("clean files: %d, findings on them: %d, parse failures: %d" % (len(clean), total, failed))


def describe(finding):
    return "    %s:%d: %s [%s]" % (os.path.basename(finding["file"]), finding["line"],
                                   finding["message"], finding["check"])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kmodlint", required=True)
    ap.add_argument("--tree", required=True, help="prepared 6.12 tree (scripts/prepare-kernel-6.12.sh)")
    ap.add_argument("--corpus", default=HERE, help="corpus directory (default: this one)")
    ap.add_argument("--cases", help="comma-separated case ids (default: all)")
    ap.add_argument("--expect", help="file of expected outcome lines; exit 1 on a difference")
    ap.add_argument("--json", help="write every case's findings here")
    ap.add_argument("--keep", help="analyze in this directory and keep it")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the findings of every case")
    opts = ap.parse_args()
    selected = set(opts.cases.split(",")) if opts.cases else None
    if opts.expect and not selected:
        with open(opts.expect) as f:
            selected = {l.split(":")[0].split()[1] for l in f
                        if l.strip() and not l.startswith("#")}
    cases = load_cases(opts.corpus, selected)
    work = opts.keep or tempfile.mkdtemp(prefix="kmodlint-realbugs.")
    if opts.keep:
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
    try:
        directory, flags = kbuild_flags(os.path.abspath(opts.tree), work)
        results, _ = analyze(os.path.abspath(opts.kmodlint), work, directory, flags, cases)
        outs = [outcome(c, results, work) for c in cases]
        lines = []
        for case, out in zip(cases, outs):
            lines.append(line_for(case, out))
            print(lines[-1])
            if opts.verbose and not case["clean"]:
                for variant in ("buggy", "fixed"):
                    for f in out[variant]["hits"] + out[variant]["extra"]:
                        print(variant + describe(f))
            elif opts.verbose:
                for f in out["extra"]:
                    print("file" + describe(f))
        summary(cases, outs)
        if opts.json:
            with open(opts.json, "w") as f:
                json.dump({c["id"]: o for c, o in zip(cases, outs)}, f, indent=1, default=str)
        if opts.expect:
            with open(opts.expect) as f:
                expected = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
            if sorted(expected) != sorted(lines):
                print("\nscore.py: outcomes differ from %s:" % opts.expect)
                for l in sorted(set(expected) - set(lines)):
                    print("  expected: " + l)
                for l in sorted(set(lines) - set(expected)):
                    print("  got:      " + l)
                return 1
    finally:
        if not opts.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
