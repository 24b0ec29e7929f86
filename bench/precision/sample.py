#!/usr/bin/env python3
"""A seeded random sample of findings to triage, and the precision it gives.

  sample.py draw --findings f.json --tree T --seed S -n 40 > table.md
      one markdown row per sampled finding (location relative to the tree,
      check, function, message), verdict and reason left blank to fill in
      by reading the code: verdict is `true` or `false`.
  sample.py score table.md
      precision per check and overall from the filled-in verdicts.

The findings are sorted by (file, line, check, message) before sampling, so
the same findings and seed always give the same sample, whatever order the
workers finished in.
"""
import argparse, collections, json, os, random, re, sys

HEADER = ('| # | location | check | function | finding | verdict | reason |\n'
          '|---|---|---|---|---|---|---|')


def draw(args):
    with open(args.findings) as f:
        findings = json.load(f)['findings']
    tree = os.path.abspath(args.tree) + '/'
    def where(f):
        path = f['file'][len(tree):] if f['file'].startswith(tree) else f['file']
        return f'{path}:{f["line"]}'
    findings.sort(key=lambda f: (f['file'], f['line'], f['check'], f['message']))
    picked = findings if len(findings) <= args.n else \
        sorted(random.Random(args.seed).sample(findings, args.n),
               key=lambda f: (f['file'], f['line'], f['check'], f['message']))
    counts = collections.Counter(f['check'] for f in findings)
    print(f'{len(findings)} findings (' +
          ', '.join(f'{n} {c}' for c, n in counts.most_common()) +
          f'); sample of {len(picked)}, seed {args.seed}.\n')
    print(HEADER)
    for i, f in enumerate(picked, 1):
        message = f['message'].replace('|', '\\|')
        print(f'| {i} | {where(f)} | {f["check"]} | {f.get("function", "")} | {message} |  |  |')


# Cells may hold escaped pipes (GFP_KERNEL \| __GFP_NOWARN).
ROW = re.compile(r'^\|\s*\d+\s*\|([^|]*)\|\s*([\w.-]+)\s*\|.*\|\s*(true|false)\s*\|(?:[^|\\]|\\.)*\|\s*$')


def score(args):
    verdicts = collections.defaultdict(collections.Counter)
    untriaged = 0
    with open(args.table) as f:
        for line in f:
            m = ROW.match(line)
            if m:
                verdicts[m.group(2)][m.group(3)] += 1
            elif re.match(r'^\|\s*\d+\s*\|', line):
                untriaged += 1
    def cell(c):
        n = c['true'] + c['false']
        return f'{c["true"]}/{n} ({100 * c["true"] / n:.0f}%)' if n else '-'
    total = collections.Counter()
    print('| check | true / triaged |\n|---|---|')
    for check in sorted(verdicts):
        print(f'| {check} | {cell(verdicts[check])} |')
        total.update(verdicts[check])
    print(f'| **all** | **{cell(total)}** |')
    if untriaged:
        print(f'\n{untriaged} rows without a verdict', file=sys.stderr)
        return 1
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest='command', required=True)
    d = sub.add_parser('draw')
    d.add_argument('--findings', required=True, help='kmodlint --format=json output')
    d.add_argument('--tree', required=True)
    d.add_argument('--seed', type=int, required=True)
    d.add_argument('-n', type=int, default=40)
    s = sub.add_parser('score')
    s.add_argument('table')
    args = ap.parse_args()
    return draw(args) or 0 if args.command == 'draw' else score(args)


if __name__ == '__main__':
    sys.exit(main())
