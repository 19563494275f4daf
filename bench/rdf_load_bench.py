#!/usr/bin/env python3
"""Load rate of N-Triples beside TSV: the same facts as the standard workload
generates them (../shared/bench/gen_facts.py, seed 42), subject, predicate and
object only, written once as TSV and once as N-Triples (names as
`urn:annals:` IRIs, numbers as xsd:integer or xsd:decimal literals, as
`annals export --format=nt` writes them), each loaded into a fresh store with
`annals load` (the whole process, durable on return; median of --runs).
Prints facts/s for both and writes out/bench/rdf_load.json.

Usage: bench/rdf_load_bench.py [--facts N] [--runs R]   (default 1,000,000, 3)
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEN = os.path.join(ROOT, "..", "shared", "bench", "gen_facts.py")
OUT = os.path.join(ROOT, "out", "bench")
ANNALS = os.path.join(ROOT, "build", "tools", "annals")
XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER = re.compile(r"-?(0|[1-9][0-9]*)$")
DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]*[1-9]$|-?(0|[1-9][0-9]*)\.0$")


def iri(name):
    return "<urn:annals:" + urllib.parse.quote(name, safe="-._~") + ">"


def term(text):
    if INTEGER.match(text):
        return '"%s"^^<%sinteger>' % (text, XSD)
    if DECIMAL.match(text):
        return '"%s"^^<%sdecimal>' % (text, XSD)
    return iri(text)


def write_files(n):
    os.makedirs(OUT, exist_ok=True)
    full = os.path.join(OUT, "facts_%d.tsv" % n)
    if not os.path.exists(full):
        with open(full, "w") as f:
            subprocess.run([sys.executable, GEN, str(n), "--seed", "42"],
                           stdout=f, check=True)
    tsv = os.path.join(OUT, "rdf_facts_%d.tsv" % n)
    nt = os.path.join(OUT, "rdf_facts_%d.nt" % n)
    if not (os.path.exists(tsv) and os.path.exists(nt)):
        with open(full) as src, open(tsv, "w") as t, open(nt, "w") as r:
            next(src)
            t.write("subject\tpredicate\tobject\n")
            for line in src:
                s, p, o = line.rstrip("\n").split("\t")[:3]
                t.write("%s\t%s\t%s\n" % (s, p, o))
                r.write("%s %s %s .\n" % (iri(s), iri(p), term(o)))
    return tsv, nt


def load_rate(path, n, runs):
    times = []
    store = os.path.join(OUT, "rdf_bench.annals")
    for _ in range(runs):
        shutil.rmtree(store, ignore_errors=True)
        start = time.monotonic()
        subprocess.run([ANNALS, "load", "--quiet", store, path], check=True)
        times.append(time.monotonic() - start)
    shutil.rmtree(store, ignore_errors=True)
    return n / statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--facts", type=int, default=1000000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    tsv, nt = write_files(args.facts)
    result = {"facts": args.facts,
              "tsv_facts_per_s": load_rate(tsv, args.facts, args.runs),
              "nt_facts_per_s": load_rate(nt, args.facts, args.runs)}
    result["nt_over_tsv"] = result["nt_facts_per_s"] / result["tsv_facts_per_s"]
    with open(os.path.join(OUT, "rdf_load.json"), "w") as f:
        json.dump(result, f, indent=2)
    print("%d facts: TSV %.0f facts/s, N-Triples %.0f facts/s (%.2fx)" % (
        args.facts, result["tsv_facts_per_s"], result["nt_facts_per_s"],
        result["nt_over_tsv"]))


if __name__ == "__main__":
    main()
