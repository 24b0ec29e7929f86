#!/usr/bin/env python3
"""A compile database for kernel subtrees without compiling them.

Runs Kbuild with `make -n` (it prints each object's gcc command instead of
running it; recursive makes still run, so every directory is visited) and
turns each `gcc ... -c -o X.o X.c` into a compile_commands.json entry. On 2
cores a subtree takes seconds where `bear -- make` takes the gcc build's
minutes; the flags are Kbuild's own, as bear would record them.

  bench/make-db.py --tree <prepared tree> -o <dir> drivers/net/ethernet/ sound/pci/
  bench/make-db.py ... --sample 200 --seed 2026   # a reproducible random subset
"""
import argparse, json, os, random, re, shlex, subprocess, sys

COMPILE = re.compile(r'(?:^|[;&|]\s*)((?:\S*/)?gcc\s[^;]*?\s-c\s+-o\s+\S+\.o\s+(\S+\.c))\s*(?=;|$)')


def commands(tree, subdirs):
    out = subprocess.run(['make', '-C', tree, '-n', '-k', *subdirs],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True, errors='replace').stdout
    for line in out.splitlines():
        for match in COMPILE.finditer(line):
            yield match.group(1), match.group(2)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--tree', required=True)
    ap.add_argument('-o', '--out', required=True, help='directory for compile_commands.json')
    ap.add_argument('--sample', type=int, help='keep this many entries, chosen at random')
    ap.add_argument('--seed', type=int, default=2026)
    ap.add_argument('subdirs', nargs='+')
    args = ap.parse_args()
    tree = os.path.abspath(args.tree)
    entries, seen = [], set()
    for command, source in commands(tree, args.subdirs):
        if source.endswith('.mod.c') or source in seen:
            continue
        if '-D__KERNEL__' not in command:
            continue  # a host program (scripts/mod/modpost.c), not kernel code
        if not os.path.isfile(os.path.join(tree, source)):
            continue  # generated at build time (.asn1.c, ...): make -n did not make it
        seen.add(source)
        entries.append({'directory': tree, 'file': os.path.join(tree, source),
                        'arguments': shlex.split(command)})
    entries.sort(key=lambda e: e['file'])
    if args.sample is not None and args.sample < len(entries):
        entries = sorted(random.Random(args.seed).sample(entries, args.sample),
                         key=lambda e: e['file'])
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, 'compile_commands.json'), 'w') as f:
        json.dump(entries, f, indent=1)
    print(f'{len(entries)} entries in {args.out}/compile_commands.json', file=sys.stderr)


if __name__ == '__main__':
    main()
