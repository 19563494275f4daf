"""df() against fetchall() on results large enough for FrameBuilder's fast
paths (python/src/frame.cc): equal values shared as one object per column,
with the right reference counts; times told apart by precision; days far
apart; ClaimIds; nulls among objects; and the huge-page buffers of columns of
more than half a million rows."""

import gc
import sys

import pandas as pd
import pytest

import annals

# Valid times of every precision, near and far (years -999999..999999): the
# same first instant at two precisions must stay two values.
FROMS = ["2020", "2020-01", "2020-01-01", "2020-01-01T00:00:00Z",
         "2020-01-01T10:30:00Z", "-431", "476-09-04", "9999", "1999-12-31",
         "-999999", ""]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """A store of 880 claims: 40 subjects, each with 22 claims of 11 valid
    times and three object kinds (entities, integers, quantities)."""
    rows = []
    for s in range(40):
        for i, start in enumerate(FROMS):
            for kind in range(2):
                obj = (f"O{(s * 7 + i) % 13}" if kind == 0
                       else f"{s % 5} bcm/yr" if s % 2 else str(i))
                rows.append({"subject": f"S{s}", "predicate": f"p{kind}",
                             "object": obj, "valid_from": start,
                             "source": f"src{i % 3}"})
    path = tmp_path_factory.mktemp("frame") / "mixed.annals"
    with annals.connect(path) as con:
        con.load_dataframe(pd.DataFrame(rows))
    with annals.connect(path, read_only=True) as con:
        yield con


ALL = " DURING -999999 TO 999999 POSSIBLY"
WIDE = ("FIND ?c ?s ?p ?o from(?c) to(?c) recorded(?c) source(?c) "
        "WHERE ?c: ?s ?p ?o" + ALL)


def as_rows(df):
    return [tuple(None if v is pd.NA else v for v in row)
            for row in df.itertuples(index=False, name=None)]


def test_df_equals_fetchall(mixed):
    rows = mixed.execute(WIDE).fetchall()
    df = mixed.execute(WIDE).df()
    assert len(rows) == 880 == len(df)
    assert as_rows(df) == rows
    assert [type(v) for v in as_rows(df)[0]] == [type(v) for v in rows[0]]
    for row_f, row in zip(as_rows(df), rows):
        assert [str(v) for v in row_f] == [str(v) for v in row]


def test_df_after_fetchone_and_sorted(mixed):
    # The first row read before df() (values looked up), the rest by df()
    # (entities as term ids, looked up once each): one frame either way.
    rows = mixed.execute(WIDE).fetchall()
    result = mixed.execute(WIDE)
    first = result.fetchone()
    assert [first] + as_rows(result.df()) == rows
    # Sorted rows are gathered with their values before df() sees them.
    q = "FIND ?s ?o source(?c) WHERE ?c: ?s p0 ?o" + ALL + " ORDER BY ?o ?s"
    assert as_rows(mixed.execute(q).df()) == mixed.execute(q).fetchall()


def test_equal_values_are_one_object_per_column(mixed):
    df = mixed.execute(WIDE).df()
    for column in ["?s", "?p", "from(?c)", "source(?c)"]:
        values = [v for v in df[column] if v is not None]
        by_text = {}
        for v in values:
            by_text.setdefault((type(v), str(v)), set()).add(id(v))
        assert all(len(ids) == 1 for ids in by_text.values()), column
    assert df["?c"].map(int).nunique() == 880  # ClaimIds: one each
    assert all(isinstance(c, annals.ClaimId) for c in df["?c"])


def test_times_keep_their_precision(mixed):
    df = mixed.execute(
        "FIND ?c from(?c) WHERE ?c: S3 p0 ?o" + ALL).df()
    texts = sorted(str(t) for t in df["from(?c)"] if t is not None)
    assert texts == sorted(
        str(annals.Time(f)) for f in FROMS if f)
    year, month, day = (next(t for t in df["from(?c)"]
                             if t is not None and str(t) == text)
                        for text in ["2020", "2020-01", "2020-01-01"])
    assert year.start() == month.start() == day.start()
    assert len({id(year), id(month), id(day)}) == 3
    assert df["from(?c)"].isna().sum() == 1  # the claim with no valid_from


def test_reference_counts(mixed):
    df = mixed.execute("FIND ?s ?o WHERE ?s p0 ?o" + ALL).df()
    subject = df["?s"][0]
    uses = sum(1 for v in df["?s"] if v is subject)
    assert uses == 11
    base = sys.getrefcount(subject)
    assert base >= uses + 1
    del df
    gc.collect()
    assert sys.getrefcount(subject) == base - uses
    assert subject == "S0"  # still alive, still itself


def test_mixed_object_column(mixed):
    # Entities, integers and quantities in one column: object, each value
    # of its own type.
    df = mixed.execute("FIND ?o WHERE ?s p1 ?o" + ALL).df()
    rows = mixed.execute("FIND ?o WHERE ?s p1 ?o" + ALL).fetchall()
    assert df["?o"].dtype == object
    assert [type(v) for v in df["?o"]] == [type(v) for (v,) in rows]
    assert {type(v) for v in df["?o"]} == {int, annals.Quantity}


def test_large_frame(mixed):
    # 880 x 880 rows (774,400): every column is over 4 MiB, so the
    # builder's buffers and the arrays take the huge-page paths.
    q = ("FIND ?c ?d from(?d) ?s WHERE ?c: ?s p0 ?o, ?d: ?t ?q ?u" + ALL)
    df = mixed.execute(q).df()
    assert len(df) == 440 * 880
    assert list(df.dtypes) == [object] * 4
    head = mixed.execute(q).fetchmany(2000)
    assert as_rows(df.iloc[:2000]) == head
    assert df["?s"].map(id).nunique() == 40
    assert df["from(?d)"].map(id).nunique() == len(FROMS)  # 10 times, None
    assert df["?c"].map(int).nunique() == 440
    del df
    gc.collect()


def test_threads_make_frames_at_once(mixed):
    # Quantities are made by Python code, where another thread's df() may
    # run: their scopes of huge-page arenas overlap.
    import threading
    q = "FIND ?c ?o from(?c) WHERE ?c: ?s p1 ?o" + ALL
    expected = mixed.execute(q).fetchall()
    failures = []

    def work():
        for _ in range(20):
            got = as_rows(mixed.execute(q).df())
            if got != expected:
                failures.append(got)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures
    assert len(expected) == 440
