"""Result: columns, view, iteration, fetchone/fetchmany/fetchall, df() and
its dtypes, _repr_html_."""

import numpy as np
import pandas as pd
import pytest

import annals

MEMBERS = "FIND ?c ?o WHERE ?c member_of ?o ORDER BY ?c"


def test_columns_and_view(tiny):
    r = tiny.execute("FIND ?c source(?c) by(?c) WHERE ?c: Russia "
                     "gas_flow_to_china_bcm ?x AT 2024-06-01")
    assert r.columns == ["?c", "source(?c)", "by(?c)"]
    assert r.view == "valid at 2024-06-01, as currently recorded"
    assert tiny.execute(MEMBERS).view == "valid now, as currently recorded"
    r = tiny.execute("HISTORY Russia")
    assert r.view == "all valid time, as currently recorded"


def test_fetch_methods_share_one_stream(tiny):
    everything = tiny.execute(MEMBERS).fetchall()
    assert len(everything) == 3
    assert all(isinstance(row, tuple) for row in everything)
    r = tiny.execute(MEMBERS)
    assert r.fetchone() == everything[0]
    assert r.fetchmany(5) == everything[1:]
    assert r.fetchone() is None
    assert r.fetchall() == []
    assert r.fetchmany() == []
    r = tiny.execute(MEMBERS)
    assert r.fetchmany() == everything[:1]
    assert r.fetchmany(0) == []
    assert r.fetchall() == everything[1:]


def test_iteration(tiny):
    rows = [row for row in tiny.execute(MEMBERS)]
    assert rows == tiny.execute(MEMBERS).fetchall()
    r = tiny.execute(MEMBERS)
    assert iter(r) is r
    next(r)
    assert len(list(r)) == 2


def test_every_statement_kind(fresh):
    for statement, first_column in [
        ("HISTORY Russia gas_flow_to_china_bcm", "claim"),
        ("CHANGES Russia BETWEEN 2025-01-01 AND 2025-12-31", None),
        ("DIFF Russia AS OF 2025-09-01 AND 2025-09-03", None),
        ('DISPUTES "Power of Siberia 2 memorandum"', None),
        ("PATH \"Alexey Miller\" TO China", "hop"),
        ("EXPLAIN FIND ?x WHERE Russia ?p ?x", "plan"),
        ("EXPLAIN ANALYZE FIND ?x WHERE Russia ?p ?x", "plan"),
        ('ASSERT Russia member_of BRICS FROM 2024 SOURCE "notes"', "claim"),
    ]:
        r = fresh.execute(statement)
        assert r.columns, statement
        if first_column:
            assert r.columns[0] == first_column, statement
        r.fetchall()
    added = fresh.execute("FIND ?c WHERE ?c: Russia member_of BRICS")
    (claim,), = added.fetchall()
    r = fresh.execute(f"RETRACT {claim}")
    assert r.fetchall() == [(claim,)]
    assert fresh.execute("FIND ?c WHERE ?c: Russia member_of BRICS").fetchall() == []


def test_df_dtypes(tiny):
    df = tiny.execute("FIND ?p count(*) WHERE ?s ?p ?o GROUP BY ?p").df()
    assert list(df.columns) == ["?p", "count(*)"]
    assert df["count(*)"].dtype == np.int64
    assert df["?p"].dtype == object
    assert df["count(*)"].sum() > 20
    df = tiny.execute("FIND ?o confidence(?c) WHERE ?c: Russia "
                      "china_flow_share_of_prewar_europe_exports ?o").df()
    assert df["?o"].dtype == np.float64
    assert df["confidence(?c)"].dtype == np.float64
    assert df["confidence(?c)"][0] == 0.7
    df = tiny.execute('FIND ?o WHERE "Power of Siberia 2 memorandum" '
                      "legally_binding ?o").df()
    assert df["?o"].dtype == bool and bool(df["?o"][0]) is True
    df = tiny.execute("HISTORY Russia gas_flow_to_china_bcm").df()
    assert list(df.dtypes) == [object] * 7
    assert isinstance(df["value"][0], annals.Quantity)
    assert isinstance(df["claim"][0], annals.ClaimId)
    assert df["to"][1] is None


def test_df_with_nulls(fresh):
    # An OPTIONAL leaves ?n unbound where it does not match: integers with
    # nulls are pandas' nullable Int64.
    fresh.execute("ASSERT Russia supply_term_years 30 FROM 2025")
    df = fresh.execute("FIND ?c ?n WHERE ?c member_of ?o, "
                       "OPTIONAL { ?c supply_term_years ?n } ORDER BY ?c").df()
    assert str(df["?n"].dtype) == "Int64"
    assert df["?n"].isna().sum() == 2
    assert df["?n"].dropna().tolist() == [30]


def test_df_empty_keeps_columns(tiny):
    df = tiny.execute("FIND ?x ?y WHERE Russia gas_flow_to_china_bcm ?x, Russia member_of ?y AT 1900").df()
    assert list(df.columns) == ["?x", "?y"]
    assert len(df) == 0
    assert isinstance(df, pd.DataFrame)


def test_df_reads_the_remaining_rows(tiny):
    r = tiny.execute(MEMBERS)
    r.fetchone()
    assert len(r.df()) == 2
    assert len(r.df()) == 0


def test_repr_html(tiny):
    html = tiny.execute("FIND ?x WHERE Russia gas_flow_to_china_bcm ?x")._repr_html_()
    assert "<th>?x</th>" in html
    assert "<td>56 bcm/yr</td>" in html
    assert "valid now, as currently recorded" in html
    assert "(1 row)" in html


def test_repr_html_leaves_the_rows(tiny):
    everything = tiny.execute(MEMBERS).fetchall()
    r = tiny.execute(MEMBERS)
    assert "(3 rows)" in r._repr_html_()
    assert r.fetchone() == everything[0]
    assert "(2 rows)" in r._repr_html_()
    assert len(r.df()) == 2
    r = tiny.execute("FIND ?s ?p ?o WHERE ?s ?p ?o")
    assert "(the first 50 rows)" not in r._repr_html_()  # 37 claims
    r = tiny.execute("HISTORY Russia")
    first = r._peek(2)
    assert r._peek(5)[:2] == first
    assert r.fetchmany(2) == first


def test_threads_give_the_same_rows(empty):
    # A hub with 100 ties: enough first rows to gather on several threads.
    for i in range(100):
        empty.execute("ASSERT Hub knows P%d" % i)
        empty.execute("ASSERT P%d likes T%d" % (i, i % 7))
    query = "FIND DISTINCT ?y ?x WHERE Hub knows ?x, ?x likes ?y ORDER BY ?y"
    one = empty.execute(query, threads=1).fetchall()
    assert len(one) == 100
    assert empty.execute(query, threads=3).fetchall() == one
    plan = [line for line, in empty.execute("EXPLAIN ANALYZE " + query,
                                            threads=3)]
    assert plan[-1] == ("gathered on up to 3 threads: the first step's 100 "
                        "rows in 7 parts")


def test_query_options(tiny):
    flow = "FIND ?x WHERE Russia gas_flow_to_china_bcm ?x"
    r = tiny.execute(flow, at="2024-06-01")
    assert r.view == "valid at 2024-06-01, as currently recorded"
    assert [str(x) for x, in r] == ["48 bcm/yr"]
    r = tiny.execute(flow, at=annals.Time("2026"), as_of="2025-09-01")
    assert r.view == "valid at 2026, as recorded by the end of 2025-09-01"
    assert r.fetchall() == []
    # The statement's own clause wins over the default.
    r = tiny.execute(flow + " AT 2024-06-01", at="2026-01-01")
    assert [str(x) for x, in r] == ["48 bcm/yr"]
    with pytest.raises(annals.QueryError, match="max_rows") as e:
        tiny.execute("FIND ?s ?p ?o WHERE ?s ?p ?o", max_rows=3).fetchall()
    assert e.value.code == "RESOURCE_EXHAUSTED"
    assert len(tiny.execute("FIND ?s ?p ?o WHERE ?s ?p ?o LIMIT 3",
                            max_rows=3).fetchall()) == 3
    with pytest.raises(TypeError):
        tiny.execute(flow, at=12)
    with pytest.raises(annals.Error):
        tiny.execute(flow, at="someday")


def test_df_nullable_booleans_and_decimals(tiny):
    df = tiny.execute(
        "FIND ?x ?b ?f WHERE ?x ?p ?o, "
        "OPTIONAL { ?x legally_binding ?b }, "
        "OPTIONAL { ?x china_flow_share_of_prewar_europe_exports ?f } "
        "GROUP BY ?x ?b ?f ORDER BY ?x").df()
    assert str(df["?b"].dtype) == "boolean"
    assert set(df["?b"].dropna()) == {True}
    assert 0 < df["?b"].isna().sum() < len(df)
    assert df["?f"].dtype == np.float64  # nulls are NaN
    assert set(df["?f"].dropna()) == {0.5}
    assert 0 < df["?f"].isna().sum() < len(df)


def test_df_holds_what_fetchall_gives(tiny):
    # Every kind of value, mixed in one column (object), and intervals.
    for statement in ("FIND ?s ?p ?o WHERE ?s ?p ?o ORDER BY ?s ?p ?o",
                      "HISTORY Russia", "PATH Gazprom TO Russia"):
        rows = tiny.execute(statement).fetchall()
        df = tiny.execute(statement).df()
        assert [tuple(r) for r in df.itertuples(index=False)] == rows, statement
    df = tiny.execute("FIND ?o WHERE ?s ?p ?o").df()
    assert df["?o"].dtype == object
    kinds = {type(v) for v in df["?o"]}
    assert {str, int, bool, annals.Quantity, annals.Time} <= kinds


def test_df_equal_values_share_one_object(tiny):
    df = tiny.execute("FIND ?s ?c WHERE ?c: ?s ?p ?o").df()
    russia = [v for v in df["?s"] if v == "Russia"]
    assert len(russia) > 1 and all(v is russia[0] for v in russia)
    claims = list(df["?c"])
    assert len(set(claims)) == len(claims)
    assert all(isinstance(c, annals.ClaimId) for c in claims)
