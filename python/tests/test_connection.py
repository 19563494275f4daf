"""connect() and Connection: the context manager, read-only handles, the
writer lock, the schema, stats and check."""

import os
import subprocess
import sys

import pytest

import annals

from conftest import TINY


def test_context_manager_closes(tmp_path):
    with annals.connect(tmp_path / "s.annals") as con:
        assert isinstance(con, annals.Connection)
        assert not con.closed and not con.read_only
        assert con.path == str(tmp_path / "s.annals")
    assert con.closed
    # Closed means the lock is free: the store opens again.
    with annals.connect(str(tmp_path / "s.annals"), create=False) as again:
        assert again.stats().claims == 0


def test_results_outlive_close(tmp_path):
    con = annals.connect(tmp_path / "s.annals")
    con.load(TINY / "claims.tsv")
    r = con.execute("FIND ?s ?o WHERE ?s member_of ?o")
    con.close()
    assert len(r.fetchall()) == 3


def test_read_only_refuses_writes(tiny):
    assert tiny.read_only
    assert tiny.execute("FIND ?o WHERE Russia member_of ?o").fetchall()
    for write in ("ASSERT Russia member_of BRICS", "RETRACT #c1"):
        with pytest.raises(annals.StoreError, match="read-only") as e:
            tiny.execute(write)
        assert e.value.code == "FAILED_PRECONDITION"
    with pytest.raises(annals.StoreError, match="read-only"):
        tiny.load(TINY / "claims.tsv")
    with pytest.raises(annals.StoreError, match="read-only"):
        tiny.set_schema("")


def test_second_writer_in_this_process(fresh):
    with pytest.raises(annals.StoreError, match="already open"):
        annals.connect(fresh.path)
    with annals.connect(fresh.path, read_only=True) as reader:
        assert reader.stats().claims == fresh.stats().claims


def test_reader_follows_the_writer(empty):
    with annals.connect(empty.path, read_only=True) as reader:
        assert reader.stats().claims == 0
        empty.execute("ASSERT A p B")
        assert reader.stats().claims == 1
        empty.execute("ASSERT A p C")
        rows = reader.execute("FIND ?o WHERE A p ?o ORDER BY ?o").fetchall()
        assert [str(r[0]) for r in rows] == ["B", "C"]


def test_creates_only_in_a_new_or_empty_directory(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n")
    for read_only in (False, True):
        with pytest.raises(annals.StoreError) as e:
            annals.connect(folder, read_only=read_only)
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    with pytest.raises(annals.StoreError, match="is a directory of other files"):
        annals.connect(folder)
    with pytest.raises(annals.StoreError, match="is a file, not an Annals store"):
        annals.connect(folder / "notes.txt")
    with pytest.raises(annals.StoreError, match="no Annals store"):
        annals.connect(tmp_path / "missing", create=False)
    assert not (tmp_path / "missing").exists()
    (tmp_path / "empty").mkdir()
    with annals.connect(tmp_path / "empty") as con:
        assert con.stats().claims == 0


def test_second_writer_in_another_process(fresh):
    script = ("import annals, sys\n"
              "try:\n"
              "    annals.connect(sys.argv[1])\n"
              "except annals.StoreError as e:\n"
              "    print('StoreError', e.code)\n"
              "with annals.connect(sys.argv[1], read_only=True) as r:\n"
              "    print(r.stats().claims)\n")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    out = subprocess.run([sys.executable, "-c", script, fresh.path],
                         capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split("\n")[:2] == ["StoreError FAILED_PRECONDITION",
                                          str(fresh.stats().claims)]


def test_schema(empty):
    v0 = empty.schema()
    assert (v0.version, v0.text, v0.recorded) == (0, "", None)
    text = (TINY / "tiny.schema").read_text()
    v1 = empty.set_schema(text, "tiny.schema")
    assert v1.version == 1 and isinstance(v1.recorded, annals.Time)
    assert empty.schema().text == text == str(empty.schema())
    empty.set_schema("")
    assert [v.version for v in empty.schema_history()] == [1, 2]
    assert empty.schema().text == ""


def test_stats(tiny):
    s = tiny.stats()
    assert isinstance(s, annals.Stats)
    assert (s.claims, s.terms, s.batches) == (37, 71, 1)
    assert s.claims_per_predicate["member_of"] == 3
    assert s.bytes_on_disk > 0 and "claims" in s.bytes_per_family
    assert isinstance(s.earliest, annals.Time) and s.earliest < s.latest


def test_check(fresh):
    c = fresh.check()
    assert isinstance(c, annals.CheckResult)
    assert c.ok and c.problems == []
    assert c.claims == 37 and c.index_entries > 0
    assert c.schema_violations == []
    fresh.set_schema((TINY / "tiny.schema").read_text() +
                     "predicate located_in : integer one\n")
    assert any("located_in" in v for v in fresh.check().schema_violations)
