"""con.load(..., wikidata=True, lang=...): the sample of Wikidata's
statement model the CLI test loads (load/testdata/wikidata_sample.ttl),
its labels as names in queries, and the option's errors."""

import pytest

import annals

from conftest import ROOT, TINY

SAMPLE = ROOT / "load" / "testdata" / "wikidata_sample.ttl"


def test_wikidata_load_gives_statements_and_labels(empty):
    s = empty.load(SAMPLE, wikidata=True, lang="en")
    assert (s.rows, s.claims_added, s.rejected) == (5, 5, 0)
    assert any("6 Wikidata labels added to the schema as aliases" in n
               for n in s.notices), s.notices
    rows = empty.execute(
        'FIND from(?c) to(?c) source(?c) WHERE ?c: "Vladimir Putin" '
        'wdt:P39 ?o AT 2005').fetchall()
    # The source: the reference URL where there is one, else the reference.
    assert [(str(f), str(t), src) for f, t, src in rows] == [
        ("2000-05-07", "2008-05", "http://www.wikidata.org/entity/Q328")]
    rows = empty.execute(
        'FIND from(?c) to(?c) source(?c) WHERE ?c: "Vladimir Putin" '
        'wdt:P39 ?o').fetchall()
    assert [(str(f), t, src) for f, t, src in rows] == [
        ("2012-05-07", None,
         "http://en.kremlin.ru/events/president/news/15224")]

def test_wikidata_default_language_is_english(tmp_path):
    with annals.connect(tmp_path / "en.annals") as con:
        con.load(SAMPLE, wikidata=True)
        assert con.execute(
            'FIND ?x WHERE "Vladimir Putin" wdt:P27 ?x').fetchall() == [
                ("http://www.wikidata.org/entity/Q159",)]


def test_wikidata_other_language(tmp_path):
    with annals.connect(tmp_path / "ru.annals") as con:
        con.load(SAMPLE, wikidata=True, lang="ru")
        assert con.execute("FIND ?x WHERE Путин wdt:P27 ?x").fetchall() == [
            ("http://www.wikidata.org/entity/Q159",)]
        # The English label is no name in a Russian load.
        assert con.execute(
            'FIND ?x WHERE "Vladimir Putin" wdt:P27 ?x').fetchall() == []


def test_without_wikidata_the_sample_is_plain_rdf(empty):
    s = empty.load(SAMPLE)
    assert s.claims_added > 5  # every triple, labels included


def test_wikidata_errors(empty):
    with pytest.raises(ValueError, match="lang is for wikidata loads"):
        empty.load(SAMPLE, lang="en")
    with pytest.raises(ValueError, match="lang must be a language tag"):
        empty.load(SAMPLE, wikidata=True, lang="")
    with pytest.raises(annals.LoadError, match="--wikidata reads RDF"):
        empty.load(TINY / "claims.tsv", wikidata=True)
    assert empty.stats().claims == 0
