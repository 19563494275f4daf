"""`annals export --format=graphml` read by networkx (python3-networkx):
datasets/sco2025 as a graph whose edges are exactly the claims of the JSON
Lines export of the same view, with their attributes, and hostile text that
comes back as it was written."""

import datetime
import json
import os
import subprocess

import pytest

import annals

networkx = pytest.importorskip("networkx")

pytestmark = pytest.mark.skipif(
    "ANNALS_CLI" not in os.environ,
    reason="ANNALS_CLI (the annals binary) is not set")


def export(store, *args):
    """Runs `annals export ARGS STORE` and returns its standard output."""
    run = subprocess.run([os.environ["ANNALS_CLI"], "export", *args,
                          str(store)], capture_output=True, text=True,
                         check=True)
    return run.stdout


def read_graphml(tmp_path, store, *args):
    path = tmp_path / "out.graphml"
    path.write_text(export(store, "--format=graphml", *args),
                    encoding="utf-8")
    return networkx.read_graphml(path)


def claims_as_jsonl(store, *args):
    return [json.loads(line)
            for line in export(store, "--format=jsonl", *args).splitlines()]


@pytest.mark.parametrize("view", [["--all"], ["--at=2025-09-01"],
                                  ["--at=2025"],
                                  ["--all", "--as-of=2025-09-02"]])
def test_sco2025_edges_are_the_claims(tmp_path, sco_path, view):
    graph = read_graphml(tmp_path, sco_path, *view)
    # --all is what the JSON Lines export writes by default.
    # The same view of the JSON Lines export (whose default is --all).
    claims = claims_as_jsonl(sco_path, *view)
    assert graph.is_directed()
    assert graph.number_of_edges() == len(claims)
    assert len(claims) > 0
    got = []
    for source, target, data in graph.edges(data=True):
        got.append((graph.nodes[source]["label"], data["predicate"],
                    data["value"], data.get("valid_from", ""),
                    data.get("valid_to", ""), data["recorded_at"],
                    data.get("source", ""), data.get("by", ""),
                    data["confidence"], graph.nodes[target]["label"]))
        assert isinstance(data["confidence"], float)
        assert graph.nodes[source]["kind"] in ("entity", "claim")
        assert graph.nodes[target]["kind"] == data["object_type"]
    want = [(c["subject"], c["predicate"], c["object"],
             c.get("valid_from", ""), c.get("valid_to", ""),
             c["recorded_at"], c.get("source", ""), c.get("by", ""),
             float(c.get("confidence", 1)), c["object"]) for c in claims]
    assert sorted(got) == sorted(want)


def test_sco2025_nodes(tmp_path, sco_path):
    graph = read_graphml(tmp_path, sco_path, "--all")
    claims = claims_as_jsonl(sco_path)
    labels = {(d["label"], d["kind"]) for _, d in graph.nodes(data=True)}
    # One node per entity and per distinct value: no two nodes alike.
    assert len(labels) == graph.number_of_nodes()
    for c in claims:
        assert (c["subject"], "entity") in labels
    assert ("Russia", "entity") in labels
    russia = next(n for n, d in graph.nodes(data=True)
                  if d["label"] == "Russia")
    assert graph.out_degree(russia) == sum(
        1 for c in claims if c["subject"] == "Russia")
    kinds = {d["kind"] for _, d in graph.nodes(data=True)}
    assert "entity" in kinds and len(kinds) > 1, kinds


def test_default_view_is_what_holds_now(tmp_path, sco_path):
    now = read_graphml(tmp_path, sco_path)
    second = datetime.datetime.now(datetime.timezone.utc)
    at_now = claims_as_jsonl(
        sco_path, "--at=" + second.strftime("%Y-%m-%dT%H:%M:%SZ"))
    everything = read_graphml(tmp_path, sco_path, "--all")
    assert now.number_of_edges() == len(at_now)
    assert 0 < now.number_of_edges() < everything.number_of_edges()


def test_hostile_text_comes_back(tmp_path):
    store = tmp_path / "hostile.annals"
    name = "Ж <A & B>"
    text = "it's <b>&amp;</b>\n\ttabbed \r\x01 \u7fd2 \U0001F600"
    with annals.connect(store) as con:
        con.execute('ASSERT $s "says \\"hi\\"" $o SOURCE $src BY $by '
                    'CONFIDENCE 0.25',
                    {"s": name, "o": text, "src": "http://x/?a=1&b=2",
                     "by": "O'Brien"})
    graph = read_graphml(tmp_path, store)
    [(source, target, data)] = list(graph.edges(data=True))
    assert graph.nodes[source] == {"label": name, "kind": "entity"}
    assert data["predicate"] == 'says "hi"'
    # \x01 is no XML character: it comes back as U+FFFD; the rest exactly.
    back = text.replace("\x01", "\ufffd")
    assert data["value"] == back
    assert graph.nodes[target] == {"label": back, "kind": "entity"}
    assert data["object_type"] == "entity"
    assert data["source"] == "http://x/?a=1&b=2"
    assert data["by"] == "O'Brien"
    assert data["confidence"] == 0.25
    assert "valid_from" not in data and "valid_to" not in data
