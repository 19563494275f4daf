#!/usr/bin/python3
"""Issue 16's Python speed targets, side by side with the C++ path in one run:

  - a point query from Python costs at most twice the C++ call plus 5 us
    (Q1 E5000 at 1,000,000 facts, ../shared/bench/WORKLOAD.md);
  - Result.df() turns at least 1,000,000 rows a second into pandas.

It generates the facts with ../shared/bench/gen_facts.py (seed 42, kept in
out/bench/ as bench/run keeps them) and loads them with `annals load` into
out/bench/python_store_N.annals unless that store is there already. Then, in
ROUNDS alternating rounds:
  - C++: `workload_bench --query STORE Q1 RUNS` (a subprocess: one warm-up,
    then RUNS times Database::Query + ResultSet::ReadAll, its median);
  - Python: RUNS times con.execute(Q1).fetchall() on a read-only connection
    to the same store (after one warm-up), its median;
  - df(): the large results below, each on both sides the same way, one
    warm-up and then the median of DF_RUNS runs: con.execute(q).df(), and
    `workload_bench --query STORE q DF_RUNS` (the C++ query time alone);
    the warm-up df() is kept too (the first run after the other results,
    whose reads may have pushed this one's blocks out of the block cache);
    then once through .fetchall().
The figures are the medians over the rounds. Prints a table and writes
out/bench/python.md.

Run with PYTHONPATH=build/python /usr/bin/python3 bench/python_bench.py
  [--facts N] [--quick] [--rounds R] [--runs K]
  --quick   100,000 facts (Q1 E5000 names no entity there: Q1 E100 is used)
"""
import argparse
import gc
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEN = os.path.join(ROOT, "..", "shared", "bench", "gen_facts.py")
OUT = os.path.join(ROOT, "out", "bench")
BUILD = os.path.join(ROOT, "build")
ANNALS = os.path.join(BUILD, "tools", "annals")
WORKLOAD = os.path.join(BUILD, "bench", "workload_bench")
sys.path.insert(0, os.path.join(BUILD, "python"))

import annals  # noqa: E402

T = "2010-06-15"
# Large results for df(): all claims of one predicate over all valid time
# (about 66,000 at 1M facts), with a ClaimId, entity (str) columns, an
# integer (plain int64) column and Time columns; then every claim (1,000,000
# rows at 1M facts), narrow (three entity columns) and wide (eight columns:
# a ClaimId, entities, three Time columns, a source).
ALL_TIME = " DURING 1000 TO 3000 POSSIBLY"
DF_RUNS = 3
DF_QUERIES = [
    ("gas_export_bcm: claim, subject, int, from, to",
     "FIND ?c ?s ?o from(?c) to(?c) WHERE ?c: ?s gas_export_bcm ?o" + ALL_TIME),
    ("owns: subject, object (entities)",
     "FIND ?s ?o WHERE ?s owns ?o" + ALL_TIME),
    ("owns: claim, subject, object, from, recorded",
     "FIND ?c ?s ?o from(?c) recorded(?c) WHERE ?c: ?s owns ?o" + ALL_TIME),
    ("every claim: subject, predicate, object",
     "FIND ?s ?p ?o WHERE ?s ?p ?o" + ALL_TIME),
    ("every claim: claim, s, p, o, from, to, recorded, source",
     "FIND ?c ?s ?p ?o from(?c) to(?c) recorded(?c) source(?c) "
     "WHERE ?c: ?s ?p ?o" + ALL_TIME),
]


def facts_file(n):
    path = os.path.join(OUT, "facts_%d.tsv" % n)
    if not os.path.exists(path):
        with open(path + ".tmp", "w") as f:
            subprocess.run([sys.executable, GEN, str(n), "--seed", "42"], stdout=f,
                           check=True)
        os.rename(path + ".tmp", path)
    return path


def store_for(n):
    # Its own store: bench/run's store_N.annals gets an incremental load.
    store = os.path.join(OUT, "python_store_%d.annals" % n)
    if not os.path.exists(store):
        subprocess.run([ANNALS, "load", "--quiet", store + ".tmp", facts_file(n)],
                       check=True)
        os.rename(store + ".tmp", store)
    return store


def cpp_query(store, statement, runs):
    """(median microseconds, rows) of Database::Query + ReadAll in C++."""
    out = subprocess.run([WORKLOAD, "--query", store, statement, str(runs)],
                         check=True, capture_output=True, text=True).stdout
    us, rows = out.split()
    return float(us), int(rows)


def py_median_us(con, statement, runs):
    rows = con.execute(statement).fetchall()  # warm-up
    us = []
    for _ in range(runs):
        start = time.perf_counter()
        con.execute(statement).fetchall()
        us.append((time.perf_counter() - start) * 1e6)
    return statistics.median(us), len(rows)


def timed(call):
    start = time.perf_counter()
    value = call()
    return time.perf_counter() - start, value


def fmt_us(us):
    return "%.1f us" % us if us < 1000 else "%.2f ms" % (us / 1000)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--facts", type=int, default=1000000)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--runs", type=int, default=201)
    args = ap.parse_args()
    n = 100000 if args.quick else args.facts
    os.makedirs(OUT, exist_ok=True)
    store = store_for(n)
    subject = "E5000" if n >= 1000000 else "E100"
    q1 = "FIND ?c WHERE ?c: %s ?p ?o AT %s" % (subject, T)
    started = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    load_before = os.getloadavg()[0]

    con = annals.connect(store, read_only=True)
    cpp_us, py_us = [], []
    df_s = {name: [] for name, _ in DF_QUERIES}
    fetch_s = {name: [] for name, _ in DF_QUERIES}
    first_s = {name: [] for name, _ in DF_QUERIES}
    cppdf_us = {name: [] for name, _ in DF_QUERIES}
    df_rows = {}
    for name, q in DF_QUERIES:  # warm-up (and the row counts)
        df_rows[name] = len(con.execute(q).df())
    for r in range(args.rounds):
        c, c_rows = cpp_query(store, q1, args.runs)
        p, p_rows = py_median_us(con, q1, args.runs)
        if c_rows != p_rows:
            sys.exit("python_bench: %s: C++ %d rows, Python %d" % (q1, c_rows, p_rows))
        cpp_us.append(c)
        py_us.append(p)
        for name, q in DF_QUERIES:
            cppdf_us[name].append(cpp_query(store, q, DF_RUNS)[0])
            runs = []
            for _ in range(1 + DF_RUNS):
                gc.collect()
                seconds, frame = timed(lambda: con.execute(q).df())
                assert len(frame) == df_rows[name]
                runs.append(seconds)
                del frame
            first_s[name].append(runs[0])
            df_s[name].append(statistics.median(runs[1:]))
            gc.collect()
            fetch_s[name].append(timed(lambda: con.execute(q).fetchall())[0])
        print("python_bench: round %d/%d: Q1 C++ %.1f us, Python %.1f us" %
              (r + 1, args.rounds, c, p), file=sys.stderr)
    con.close()

    cpp = statistics.median(cpp_us)
    py = statistics.median(py_us)
    limit = 2 * cpp + 5
    lines = [
        "Python against C++, %s facts (seed 42), %s, median of %d rounds "
        "(alternating; each round the median of %d warm runs for Q1, and "
        "for each df() result the median of %d after a warm-up, on both "
        "sides), load average %.1f at the start, %.1f at the end."
        % (format(n, ","), started, args.rounds, args.runs, DF_RUNS,
           load_before, os.getloadavg()[0]),
        "",
        "| figure | C++ | Python | ratio | target | met |",
        "|---|---|---|---|---|---|",
        "| Q1 %s (%d rows): execute().fetchall() vs Query + ReadAll | %s | %s | %.2f | "
        "<= 2 x C++ + 5 us = %s | %s |"
        % (subject, p_rows, fmt_us(cpp), fmt_us(py), py / cpp, fmt_us(limit),
           "yes" if py <= limit else "NO"),
    ]
    for name, _ in DF_QUERIES:
        rows = df_rows[name]
        d = statistics.median(df_s[name])
        f = statistics.median(fetch_s[name])
        first = statistics.median(first_s[name])
        c = statistics.median(cppdf_us[name]) / 1e6
        rate = rows / d
        lines.append(
            "| df() %s, %s rows: rows/s (C++ Query + ReadAll; Python fetchall) "
            "| %s rows/s (%s) | %s rows/s (%s; first run %s; fetchall %s) "
            "| %.2f | "
            ">= 1,000,000 rows/s | %s |"
            % (name, format(rows, ","), format(round(rows / c), ","),
               fmt_us(c * 1e6), format(round(rate), ","), fmt_us(d * 1e6),
               fmt_us(first * 1e6), fmt_us(f * 1e6), d / c, "yes" if rate >= 1e6 else "NO"))
    table = "\n".join(lines) + "\n"
    print(table)
    with open(os.path.join(OUT, "python.md"), "w") as f:
        f.write(table)
    print("wrote out/bench/python.md", file=sys.stderr)


if __name__ == "__main__":
    main()
