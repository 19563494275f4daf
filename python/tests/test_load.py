"""Connection.load and load_dataframe with the CLI's options, and
their LoadError fields."""

import pandas as pd
import pytest

import annals

from conftest import SCO, TINY

BAD = ("subject\tpredicate\tobject\tvalid_from\n"
       "A\tknows\tB\t2025-01-01\n"
       "C\tknows\tD\tnot-a-date\n"
       "E\tknows\tF\t2024\n")


def test_load_summary(empty):
    s = empty.load(TINY / "claims.tsv")
    assert isinstance(s, annals.LoadSummary)
    assert (s.rows, s.claims_added, s.duplicates, s.rejected) == (37, 37, 0, 0)
    assert s.terms_added == 71
    assert isinstance(s.first_claim, annals.ClaimId) and s.first_claim == 1
    assert len(s.batches) == 1
    assert s.seconds >= 0 and s.steps
    again = empty.load(str(TINY / "claims.tsv"))
    assert (again.claims_added, again.duplicates) == (0, 37)


def test_load_several_files_with_schema(empty):
    empty.set_schema((SCO / "sco2025.schema").read_text(), "sco2025.schema")
    s = empty.load([TINY / "claims.tsv", SCO / "claims.tsv"])
    assert s.rows == 37 + 131 and len(s.batches) == 2
    rows = empty.execute('FIND ?who WHERE ?who signed '
                         '"Power of Siberia 2 memorandum" AT 2025-09-02').fetchall()
    assert sorted(r[0] for r in rows) == [
        "China National Petroleum Corporation", "Gazprom"]


def test_bad_row_aborts_the_load(empty, tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text(BAD)
    with pytest.raises(annals.LoadError) as e:
        empty.load(bad)
    assert (e.value.file, e.value.line, e.value.column) == (str(bad), 3, 11)
    assert "not-a-date" in e.value.message
    assert empty.stats().claims == 0


def test_skip_bad_rows(empty, tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text(BAD)
    rejects = tmp_path / "rejects.txt"
    s = empty.load(bad, skip_bad=True, reject_file=rejects)
    assert (s.rows, s.claims_added, s.rejected) == (3, 2, 1)
    assert s.reject_file == str(rejects)
    assert f"{bad}:3:11:" in rejects.read_text()
    s = empty.load(bad, skip_bad=True)
    assert s.reject_file == f"{bad}.rejects"


def test_dry_run_format_columns_dates(empty, tmp_path):
    csv = tmp_path / "facts.txt"
    csv.write_text("who,rel,what,start\nA,knows,B,1962-##-##\n")
    options = dict(format="csv", dates="unknown-digits",
                   columns={"who": "subject", "rel": "predicate",
                            "what": "object", "start": "valid_from"})
    s = empty.load(csv, dry_run=True, **options)
    assert s.rows == 1 and empty.stats().claims == 0
    empty.load(csv, **options)
    (valid,), = empty.execute("FIND from(?c) WHERE ?c: A knows B").fetchall()
    assert str(valid) == "1962" and valid.precision == "year"
    # The CLI's spelling of the mapping works too.
    s = empty.load(csv, format="csv", dates="unknown-digits",
                   columns="who:subject,rel:predicate,what:object,start:valid_from")
    assert s.duplicates == 1
    with pytest.raises(annals.LoadError):
        empty.load(csv, format="csv")  # no subject column
    with pytest.raises(ValueError):
        empty.load(csv, format="xml")
    with pytest.raises(ValueError):
        empty.load(csv, dates="roman")


def test_missing_file(empty, tmp_path):
    with pytest.raises(annals.LoadError, match="cannot open"):
        empty.load(tmp_path / "nope.tsv")


def test_progress_callback(empty, tmp_path):
    big = tmp_path / "big.tsv"
    with open(big, "w") as out:
        out.write("subject\tpredicate\tobject\n")
        for i in range(250_000):
            out.write(f"e{i}\tnext\te{i + 1}\n")
    seen = []
    s = empty.load(big, progress=seen.append)
    assert s.claims_added == 250_000
    assert seen and all(isinstance(p, annals.LoadProgress) for p in seen)
    assert seen[-1].rows >= 100_000 and seen[-1].bytes_total > 0


def test_progress_callback_error_is_raised_after_the_load(empty, tmp_path):
    big = tmp_path / "big.tsv"
    with open(big, "w") as out:
        out.write("subject\tpredicate\tobject\n")
        for i in range(150_000):
            out.write(f"e{i}\tnext\te{i + 1}\n")

    def fail(progress):
        raise KeyError("from the callback")

    with pytest.raises(KeyError, match="from the callback"):
        empty.load(big, progress=fail)


def test_load_dataframe(empty, tmp_path):
    df = pd.DataFrame({
        "subject": ["Gazprom", "Gazprom"],
        "predicate": ["signed", "employees"],
        "object": ["PoS2 memorandum", 468000],
        "valid_from": ["2025-09-02", None],
        "confidence": [0.8, None],
        "object_type": ["", "integer"],
    })
    s = empty.load_dataframe(df)
    assert (s.rows, s.claims_added) == (2, 2)
    rows = empty.execute("FIND ?p ?o confidence(?c) from(?c) WHERE "
                         "?c: Gazprom ?p ?o ORDER BY ?p").fetchall()
    assert rows == [("employees", 468000, 1.0, None),
                    ("signed", "PoS2 memorandum", 0.8, annals.Time("2025-09-02"))]
    bad = pd.DataFrame({"subject": ["A"], "predicate": ["p"], "object": ["B"],
                        "valid_from": ["soon"]})
    with pytest.raises(annals.LoadError) as e:
        empty.load_dataframe(bad)
    assert e.value.line == 2
    s = empty.load_dataframe(bad, skip_bad=True, reject_file=tmp_path / "r")
    assert s.rejected == 1
