"""For notebooks: Result.to_networkx() and Result.plot() (issue 16)."""

import sys

import pytest


def test_to_networkx_path(sco):
    nx = pytest.importorskip("networkx", reason="needs python3-networkx")
    result = sco.execute("PATH Miller TO Mongolia AT 2025-09-02")
    g = result.to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    assert set(g.nodes) == {"Alexey Miller", "Gazprom",
                            "Power of Siberia 2 memorandum",
                            "Power of Siberia 2", "Mongolia"}
    edges = sorted(g.edges(data=True), key=lambda e: e[2]["hop"])
    assert [(u, v, d["predicate"]) for u, v, d in edges] == [
        ("Alexey Miller", "Gazprom", "ceo_of"),
        ("Gazprom", "Power of Siberia 2 memorandum", "signed"),
        ("Power of Siberia 2 memorandum", "Power of Siberia 2", "concerns"),
        ("Power of Siberia 2", "Mongolia", "route_through"),
    ]
    first = edges[0][2]
    assert first == {"hop": 1, "predicate": "ceo_of", "claim": "#c22",
                     "valid": "[2001, ...)"}
    assert all(isinstance(d["claim"], str) and d["claim"].startswith("#c")
               for _, _, d in edges)
    assert nx.has_path(g, "Alexey Miller", "Mongolia")
    assert result.fetchone() is None  # it consumed the rows, as df() does


def test_to_networkx_path_in_order_has_taken(sco):
    pytest.importorskip("networkx", reason="needs python3-networkx")
    result = sco.execute("PATH Miller TO Mongolia IN ORDER")
    assert "taken" in result.columns
    g = result.to_networkx()
    assert g.number_of_edges() > 0
    assert all("taken" in d for _, _, d in g.edges(data=True))


def test_to_networkx_find_two_entity_columns(tiny):
    nx = pytest.importorskip("networkx", reason="needs python3-networkx")
    rows = tiny.execute(
        "FIND ?x ?org source(?c) WHERE ?c: ?x member_of ?org").fetchall()
    assert rows
    g = tiny.execute(
        "FIND ?x ?org source(?c) WHERE ?c: ?x member_of ?org").to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    expected_nodes = {r[0] for r in rows} | {r[1] for r in rows}
    assert set(g.nodes) == expected_nodes  # source(?c) makes no nodes
    assert g.number_of_edges() == len(rows)
    for n, (x, org, _) in enumerate(rows):
        data = g.get_edge_data(x, org)
        assert any(d["row"] == n for d in data.values())
    _, _, d = next(iter(g.edges(data=True)))
    assert d["label"] == "?x -> ?org"
    assert (d["source_column"], d["target_column"]) == ("?x", "?org")
    assert g.nodes[rows[0][0]]["columns"] == {"?x"}


def test_to_networkx_non_entity_columns(tiny):
    pytest.importorskip("networkx", reason="needs python3-networkx")
    g = tiny.execute("FIND ?x WHERE Russia gas_flow_to_china_bcm ?x"
                     ).to_networkx()
    assert g.number_of_nodes() == 0 and g.number_of_edges() == 0


def test_to_networkx_missing_module(tiny, monkeypatch):
    monkeypatch.setitem(sys.modules, "networkx", None)
    result = tiny.execute("FIND ?x WHERE ?x member_of ?o")
    with pytest.raises(ImportError, match="python3-networkx"):
        result.to_networkx()


def test_plot_history(sco, tmp_path):
    matplotlib = pytest.importorskip("matplotlib",
                                     reason="needs python3-matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    result = sco.execute("HISTORY Russia pipeline_gas_to_china")
    ax = result.plot()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["48 bcm/yr", "56 bcm/yr", "changes"]
    path = tmp_path / "history.png"
    ax.figure.savefig(path)
    plt.close(ax.figure)
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 1000
    assert result.fetchone() is None


def test_plot_coarse_ends_on_given_axes(tmp_path, empty):
    matplotlib = pytest.importorskip("matplotlib",
                                     reason="needs python3-matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    (tmp_path / "p.tsv").write_text(
        "subject\tpredicate\tobject\tvalid_from\tvalid_to\n"
        "Pipe\tstatus\tplanned\t2020\t2023\n"
        "Pipe\tstatus\toperating\t2023-05\t\n")
    empty.load(tmp_path / "p.tsv")
    fig, ax = plt.subplots()
    assert empty.execute("HISTORY Pipe status").plot(ax=ax) is ax
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "planned", "operating", "changes"]
    fig.savefig(tmp_path / "coarse.png")
    plt.close(fig)
    assert (tmp_path / "coarse.png").stat().st_size > 0


def test_plot_needs_history_columns(tiny):
    with pytest.raises(ValueError, match="claim, value, from, to"):
        tiny.execute("FIND ?x WHERE Russia gas_flow_to_china_bcm ?x").plot()
