"""strict: a write or load that would add a predicate the schema does not
declare is an error (QueryError, LoadError), nothing written; without it
the name goes in and a notice says so."""

import pandas as pd
import pytest

import annals

from conftest import TINY

MISSPELT = "ASSERT Russia membr_of G20 FROM 2020"
REFUSED = ("line 1, column 15: new predicate 'membr_of' is not in the schema "
           "(strict: nothing written); did you mean 'member_of'?")


def count(con, pattern):
    return con.execute(f"FIND count(*) WHERE {pattern}").fetchone()[0]


def test_strict_assert_of_a_misspelt_predicate_fails(fresh):
    before = count(fresh, "Russia ?p ?o")
    with pytest.raises(annals.QueryError) as e:
        fresh.execute(MISSPELT, strict=True)
    assert REFUSED in e.value.message
    assert (e.value.line, e.value.column) == (1, 15)
    assert e.value.code == "INVALID_ARGUMENT"
    assert count(fresh, "Russia ?p ?o") == before
    assert count(fresh, "?s ?p G20") == 0


def test_strict_allows_declared_predicates_and_new_entities(fresh):
    r = fresh.execute("ASSERT Russia member_of G20 FROM 2020", strict=True)
    assert r.notices == ["new entity 'G20'"]
    assert count(fresh, "Russia member_of G20") == 1


def test_not_strict_writes_with_a_notice(fresh):
    r = fresh.execute(MISSPELT)  # strict=None: the connection's, False
    assert r.notices == [
        "new predicate 'membr_of'; did you mean 'member_of'?",
        "new entity 'G20'"]
    assert count(fresh, "Russia membr_of G20") == 1


def test_connect_strict_is_the_default(tmp_path):
    with annals.connect(tmp_path / "s.annals", strict=True) as con:
        assert con.strict
        con.set_schema((TINY / "tiny.schema").read_text(), "tiny.schema")
        # tiny's claims use predicates its schema leaves out.
        with pytest.raises(annals.LoadError,
                           match="claims.tsv:2:17: new predicate 'organised_by' "
                                 "is not in the schema"):
            con.load(TINY / "claims.tsv")
        assert con.stats().claims == 0
        con.load(TINY / "claims.tsv", strict=False)
        with pytest.raises(annals.QueryError, match="strict: nothing written"):
            con.execute(MISSPELT)
        assert count(con, "?s membr_of ?o") == 0
        # A call's own strict=False wins over the connection's.
        con.execute(MISSPELT, strict=False)
        assert count(con, "?s membr_of ?o") == 1
    with annals.connect(tmp_path / "s.annals") as con:
        assert not con.strict


def test_strict_must_be_a_bool(fresh):
    with pytest.raises(TypeError, match="strict"):
        fresh.execute(MISSPELT, strict="yes")
    assert count(fresh, "?s membr_of ?o") == 0


MORE = ("subject\tpredicate\tobject\tvalid_from\n"
        "Kazakhstan\tmember_of\tShanghai Cooperation Organisation\t2001\n"
        "Kazakhstan\tmembr_of\tShanghai Cooperation Organisation\t2001\n")


def test_strict_load_refuses_the_file(fresh, tmp_path):
    more = tmp_path / "more.tsv"
    more.write_text(MORE)
    with pytest.raises(annals.LoadError) as e:
        fresh.load(more, strict=True)
    assert "new predicate 'membr_of' is not in the schema" in e.value.message
    assert (e.value.file, e.value.line, e.value.column) == (str(more), 3, 12)
    assert count(fresh, "Kazakhstan ?p ?o") == 0
    # With skip_bad the row is rejected and the rest loads.
    s = fresh.load(more, strict=True, skip_bad=True,
                   reject_file=tmp_path / "rejects.tsv")
    assert (s.claims_added, s.rejected) == (1, 1)
    assert count(fresh, "Kazakhstan ?p ?o") == 1


def test_not_strict_load_gives_the_notice(fresh, tmp_path):
    more = tmp_path / "more.tsv"
    more.write_text(MORE)
    s = fresh.load(more)
    assert s.claims_added == 2
    assert "new predicate 'membr_of'; did you mean 'member_of'?" in s.notices
    assert s.new_predicates == ["membr_of"]


def test_strict_load_dataframe(fresh):
    df = pd.DataFrame({"subject": ["Kazakhstan"], "predicate": ["membr_of"],
                       "object": ["G20"]})
    with pytest.raises(annals.LoadError, match="membr_of' is not in the schema"):
        fresh.load_dataframe(df, strict=True)
    assert count(fresh, "Kazakhstan ?p ?o") == 0
    assert fresh.load_dataframe(df).claims_added == 1
