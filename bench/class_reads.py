#!/usr/bin/python3
"""How many entries format 3's time index by length class reads for the
workload's windowed lookups (engine/time_classes.h), counted by brute force
from a gen_facts.py TSV: for a subject on one day (Q1) and a predicate over a
window (Q4), the entries in the ranges of every length class, against the
claims that answer. engine/FORMAT.md quotes its output.

    /usr/bin/python3 bench/class_reads.py out/bench/facts_1000000.tsv
"""
import collections
import csv
import datetime
import sys


def day(text):
    return (datetime.date.fromisoformat(text) - datetime.date(1970, 1, 1)).days


def reads(extents, a, b):
    """(entries read, answers) for closed days [a, b]; extents are (lo, hi)
    closed days, hi None when the claim never ends."""
    read = hit = 0
    for lo, hi in extents:
        if hi is None:
            in_range = lo <= b
        else:
            k = (hi - lo).bit_length()
            in_range = a - (1 << k) + 1 <= lo <= b
        if in_range:
            read += 1
            hit += hi is None or hi >= a
    return read, hit


def main():
    rows = list(csv.reader(open(sys.argv[1]), delimiter='\t'))[1:]
    extent = lambda r: (day(r[3]), day(r[4]) - 1 if r[4] else None)
    t = day('2010-06-15')
    print('| lookup | claims of the term | entries read | answers |')
    print('|---|---|---|---|')
    for s in ['E0', 'E100', 'E5000']:
        ex = [extent(r) for r in rows if r[0] == s]
        print('| Q1 %s on 2010-06-15 | %d | %d | %d |' % ((s, len(ex)) + reads(ex, t, t)))
    ex = [extent(r) for r in rows if r[1] == 'signed']
    print('| Q4 signed over 2015 | %d | %d | %d |' % (
        (len(ex),) + reads(ex, day('2015-01-01'), day('2015-12-31'))))
    ex = [extent(r) for r in rows if r[1] == 'leader_of']
    print('| leader_of on 2010-06-15 | %d | %d | %d |' % ((len(ex),) + reads(ex, t, t)))


if __name__ == '__main__':
    main()
