"""Ctrl-C (SIGINT, as KeyboardInterrupt) stops a long statement, a fetch
and a load that run in C++ with the GIL released, within a fraction of a
second; Connection.interrupt() stops them from another thread; the
connection works afterwards and a stopped load loaded nothing."""

import os
import signal
import threading
import time

import pytest

import annals

# datasets/tiny taken six times over: hours of work for count(*).
LONG = ("FIND count(*) WHERE ?a ?p ?b, ?c ?q ?d, ?e ?r ?f, ?g ?s ?h, "
        "?i ?t ?j, ?k ?u ?l")
QUICK = 2.0  # seconds: generous, a correctness bound, not a benchmark


def sigint_after(seconds):
    """Sends SIGINT to this process (the main thread takes it) after
    `seconds`, from a timer thread; returns the timer and when it fired."""
    fired = {}

    def fire():
        fired["at"] = time.monotonic()
        os.kill(os.getpid(), signal.SIGINT)

    timer = threading.Timer(seconds, fire)
    timer.start()
    return timer, fired


def test_ctrl_c_stops_a_statement(fresh):
    timer, fired = sigint_after(0.3)
    with pytest.raises(KeyboardInterrupt):
        fresh.execute(LONG, timeout_ms=0).fetchall()
    timer.join()
    assert time.monotonic() - fired["at"] < QUICK
    # The connection works, and a later statement is not cancelled.
    rows = fresh.execute(
        "FIND ?x WHERE Russia gas_flow_to_china_bcm ?x").fetchall()
    assert [str(r[0]) for r in rows] == ["56 bcm/yr"]


def test_ctrl_c_stops_a_fetch_of_streamed_rows(fresh):
    result = fresh.execute(
        "FIND ?a ?c ?e ?g WHERE ?a ?p ?b, ?c ?q ?d, ?e ?r ?f, ?g ?s ?h",
        timeout_ms=0, max_rows=10**12)
    timer, fired = sigint_after(0.3)
    with pytest.raises(KeyboardInterrupt):
        result.fetchall()
    timer.join()
    assert time.monotonic() - fired["at"] < QUICK
    assert fresh.execute("FIND count(*) WHERE ?s ?p ?o").fetchone()[0] > 0


def test_ctrl_c_stops_a_load(tmp_path):
    big = tmp_path / "big.tsv"
    with open(big, "w") as out:
        out.write("subject\tpredicate\tobject\tvalid_from\n")
        for i in range(300000):
            out.write(f"s{i % 3000}\tp{i % 5}\to{i}\t{1950 + i % 70}\n")
    with annals.connect(tmp_path / "store.annals") as con:
        con.execute("ASSERT before load_test 1")
        before = con.stats()
        timer, fired = sigint_after(0.3)
        with pytest.raises(KeyboardInterrupt):
            con.load(big)
        timer.join()
        assert time.monotonic() - fired["at"] < QUICK
        after = con.stats()
        assert (after.claims, after.terms) == (before.claims, before.terms)
        assert not [p for p in os.listdir(con.path)
                    if p.startswith("load-tmp")]
        assert con.check().problems == []
        # The same connection loads it in full.
        assert con.load(big).claims_added == 300000


def test_interrupt_from_another_thread(fresh):
    timer = threading.Timer(0.3, fresh.interrupt)
    timer.start()
    start = time.monotonic()
    with pytest.raises(annals.QueryError, match="statement cancelled"):
        fresh.execute(LONG, timeout_ms=0).fetchall()
    timer.join()
    assert time.monotonic() - start < 0.3 + QUICK
    # Only calls under way are interrupted: the next one runs.
    fresh.interrupt()
    assert fresh.execute("FIND count(*) WHERE ?s ?p ?o").fetchone()[0] > 0


def test_a_statement_in_another_thread_is_not_stopped_by_ctrl_c(fresh):
    # Python delivers SIGINT to the main thread only: a worker's statement
    # goes on; interrupt() is the way to stop it.
    errors = []

    def work():
        try:
            fresh.execute(LONG, timeout_ms=0).fetchall()
        except annals.QueryError as e:
            errors.append(str(e))

    worker = threading.Thread(target=work)
    worker.start()
    time.sleep(0.2)
    with pytest.raises(KeyboardInterrupt):
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(1)  # the main thread takes the signal here
    assert worker.is_alive()
    fresh.interrupt()
    worker.join(QUICK)
    assert not worker.is_alive()
    assert errors and "statement cancelled" in errors[0]
