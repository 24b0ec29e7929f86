#!/usr/bin/env python3
"""Picks held-out subtrees at random, reproducibly.

Candidates are the driver and filesystem directories of a kernel tree
(drivers/<x>/, down to drivers/<x>/<y>/<z>/ below directories of
directories, fs/<x>/, sound/<x>/) holding C files,
minus every directory bench/subtrees.txt already lists (tuning or
held-out) and their parents and children: a held-out pick must be code
nobody has tuned on. Prints the candidates in a seeded random order; take
them from the top until the compile database is big enough for a sample
of findings (bench/precision/sample.py), then record what you took in
bench/subtrees.txt as held-out.

  bench/precision/pick-heldout.py --tree build/kernels/linux-source-6.12 --seed 20261203
"""
import argparse, os, random

HERE = os.path.dirname(os.path.abspath(__file__))


def listed_subtrees(path):
    """The subtrees named in subtrees.txt (any tree, any role)."""
    names = set()
    with open(path) as f:
        for line in f:
            fields = line.split('#', 1)[0].split()
            if len(fields) >= 3:
                names.add(fields[2].strip('/'))
    return names


def overlaps(candidate, listed):
    return any(candidate == l or candidate.startswith(l + '/') or l.startswith(candidate + '/')
               for l in listed)


def has_c_files(path):
    return any(name.endswith('.c') for name in os.listdir(path))


def leaf_dirs(tree, rel, depth):
    """rel if it holds C files (or is as deep as we go); else, for a
    directory of directories (drivers/net/wireless), its children's."""
    path = os.path.join(tree, rel)
    subdirs = [d for d in sorted(os.listdir(path))
               if os.path.isdir(os.path.join(path, d))] if depth > 0 else []
    if has_c_files(path) or not subdirs:
        if has_c_files(path) or depth == 0:
            yield rel
        return
    for child in subdirs:
        yield from leaf_dirs(tree, f'{rel}/{child}', depth - 1)


def candidates(tree):
    # drivers/<x>/<y>/<z>/ at most: rounds 1-4 took most of the shallower
    # directories, and a directory of directories (drivers/net/wireless)
    # has unseen children below one that is listed.
    for top, depth in (('drivers', 3), ('fs', 1), ('sound', 1)):
        base = os.path.join(tree, top)
        for first in sorted(os.listdir(base)):
            if os.path.isdir(os.path.join(base, first)):
                yield from leaf_dirs(tree, f'{top}/{first}', depth - 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--tree', required=True)
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--subtrees', default=os.path.join(HERE, '..', 'subtrees.txt'))
    args = ap.parse_args()
    listed = listed_subtrees(args.subtrees)
    pool = [c for c in candidates(args.tree) if not overlaps(c, listed)]
    random.Random(args.seed).shuffle(pool)
    for c in pool:
        print(c + '/')


if __name__ == '__main__':
    main()
