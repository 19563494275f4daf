"""Several Python threads on one connection: statements run without the
GIL, so they overlap; answers stay right."""

import threading

import annals

from conftest import TINY


def test_threads_query_one_connection(tiny):
    expected = tiny.execute("FIND ?s ?o WHERE ?s member_of ?o").fetchall()
    errors = []

    def work():
        try:
            for _ in range(50):
                rows = tiny.execute("FIND ?s ?o WHERE ?s member_of ?o").fetchall()
                assert rows == expected
                assert tiny.execute("HISTORY Russia").df().shape[1] == 8
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_threads_write_and_read(tmp_path):
    with annals.connect(tmp_path / "s.annals") as con:
        con.load(TINY / "claims.tsv")
        con.execute('ASSERT w wrote "item"')  # readers know `wrote`
        errors = []

        def writer(n):
            try:
                for i in range(20):
                    con.execute(f'ASSERT "w{n}" wrote "item {i}"')
            except Exception as e:  # noqa: BLE001
                errors.append(e)

        def reader():
            try:
                for _ in range(40):
                    con.execute("FIND ?s ?o WHERE ?s wrote ?o").fetchall()
            except Exception as e:  # noqa: BLE001
                errors.append(e)

        threads = ([threading.Thread(target=writer, args=(n,)) for n in range(3)]
                   + [threading.Thread(target=reader) for _ in range(3)])
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert len(con.execute("FIND ?s ?o WHERE ?s wrote ?o").fetchall()) == 61


def test_one_result_shared_by_threads(tiny):
    r = tiny.execute("FIND ?s ?p ?o WHERE ?s ?p ?o")
    seen = []
    lock = threading.Lock()

    def drain():
        while True:
            row = r.fetchone()
            if row is None:
                return
            with lock:
                seen.append(row)

    threads = [threading.Thread(target=drain) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == len(tiny.execute("FIND ?s ?p ?o WHERE ?s ?p ?o").fetchall())


def test_gil_is_released_while_a_statement_runs(tiny):
    # A Python thread keeps counting while another runs statements.
    stop = threading.Event()
    ticks = [0]

    def count():
        while not stop.is_set():
            ticks[0] += 1

    counter = threading.Thread(target=count)
    counter.start()
    try:
        for _ in range(20):
            tiny.execute("FIND ?s ?p ?o WHERE ?s ?p ?o").fetchall()
    finally:
        stop.set()
        counter.join()
    assert ticks[0] > 0


EXIT_SCRIPT = """
import sys, threading, time
import annals
con = annals.connect(sys.argv[1])
con.load(sys.argv[2])
def run():
    while True:
        for row in con.execute("FIND ?s ?p ?o WHERE ?s ?p ?o"):
            str(row)
for _ in range(3):
    threading.Thread(target=run, daemon=True).start()
time.sleep(0.05)
print("exiting")
"""


def test_exit_with_daemon_threads_querying(tmp_path):
    # Python ends daemon threads while it exits; threads inside a statement
    # finish it first, none crashes the process.
    import os
    import subprocess
    import sys
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    for i in range(5):
        run = subprocess.run(
            [sys.executable, "-c", EXIT_SCRIPT, str(tmp_path / f"s{i}.annals"),
             str(TINY / "claims.tsv")],
            capture_output=True, text=True, env=env, timeout=120)
        assert (run.returncode, run.stdout) == (0, "exiting\n"), run.stderr
