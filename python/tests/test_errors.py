"""annals.Error and its subclasses, with their fields, for every way a call
can fail; never a bare RuntimeError."""

import pytest

import annals


def test_hierarchy():
    for cls in (annals.QueryError, annals.SchemaError, annals.LoadError,
                annals.StoreError):
        assert issubclass(cls, annals.Error)
        assert not issubclass(cls, RuntimeError)
    assert issubclass(annals.Error, Exception)


def test_unknown_name_is_an_empty_answer_with_a_notice(tiny):
    r = tiny.execute("FIND ?x WHERE Rusia gas_flow_to_china_bcm ?x")
    assert r.notices == ["unknown name 'Rusia'; did you mean 'Russia'?"]
    assert r.fetchall() == []
    r = tiny.execute("HISTORY Russia gas_flow_to_chna_bcm")
    assert r.notices == ["unknown predicate 'gas_flow_to_chna_bcm'; "
                         "did you mean 'gas_flow_to_china_bcm'?"]
    assert r.fetchall() == []
    assert tiny.execute("FIND ?x WHERE Russia ?p ?x").notices == []


def test_query_error_points_at_its_place(tiny):
    with pytest.raises(annals.QueryError) as e:
        tiny.execute("FIND ?x WHERE ?y gas_flow_to_china_bcm ?x "
                     "FILTER ?z > 3")
    err = e.value
    assert (err.line, err.column) == (1, 50)
    assert err.code == "INVALID_ARGUMENT"
    assert str(err) == err.message == (
        "line 1, column 50: variable ?z is not bound by any pattern\n"
        "  FIND ?x WHERE ?y gas_flow_to_china_bcm ?x FILTER ?z > 3\n"
        "  " + " " * 49 + "^")


def test_syntax_error_on_a_later_line(tiny):
    with pytest.raises(annals.QueryError) as e:
        tiny.execute("FIND ?x\nWHERE Russia ?p ?x\n  GROUP ?x")
    assert e.value.line == 3
    assert e.value.column == 9  # `?x` where BY was expected
    assert "^" in e.value.message


def test_error_found_while_running(tiny):
    # Units of two dimensions do not compare: found when the rows are read.
    with pytest.raises(annals.QueryError) as e:
        tiny.execute("FIND ?x WHERE Russia gas_flow_to_china_bcm ?x "
                     "FILTER ?x > 3 percent").fetchall()
    assert e.value.line == 1 and e.value.column is not None


def test_retract_of_a_missing_claim(fresh):
    with pytest.raises(annals.QueryError) as e:
        fresh.execute("RETRACT #c999")
    assert e.value.code == "NOT_FOUND"
    assert (e.value.line, e.value.column) == (1, 9)


def test_schema_error(empty):
    with pytest.raises(annals.SchemaError) as e:
        empty.set_schema("type A\nunit bcm\n", "my.schema")
    assert (e.value.file, e.value.line, e.value.column) == ("my.schema", 2, 9)
    assert e.value.message.startswith("my.schema:2:9: ")
    assert empty.schema().version == 0


def test_schema_refuses_a_claim(fresh):
    with pytest.raises(annals.QueryError) as e:
        fresh.execute("ASSERT Russia supply_term_years notanumber")
    assert "supply_term_years" in e.value.message


def test_closed_connection(tmp_path):
    con = annals.connect(tmp_path / "s.annals")
    con.close()
    con.close()  # twice is fine
    assert con.closed
    with pytest.raises(annals.Error, match="closed"):
        con.execute("FIND ?x WHERE ?x ?p ?o")
    with pytest.raises(annals.Error, match="closed"):
        con.stats()


def test_store_errors(tmp_path):
    with pytest.raises(annals.StoreError) as e:
        annals.connect(tmp_path / "missing", create=False)
    assert e.value.code == "NOT_FOUND"
    assert not (tmp_path / "missing").exists()
    (tmp_path / "file").write_text("not a store")
    with pytest.raises(annals.StoreError):
        annals.connect(tmp_path / "file")
