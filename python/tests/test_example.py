"""examples/sco2025.py, README's tutorial in Python, runs top to bottom and
gives the tutorial's answers."""

import os
import subprocess
import sys

import pytest

from conftest import ROOT


def squeeze(text):
    """Each line with its runs of spaces as one: tables align as they may."""
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


def test_the_tutorial_script_gives_the_tutorials_answers(tmp_path):
    store = tmp_path / "sco.annals"
    run = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "sco2025.py"), str(store)],
        capture_output=True, text=True, env=dict(os.environ), timeout=120,
        check=False)
    assert run.returncode == 0, run.stderr
    out = squeeze(run.stdout)
    for expected in [
            f"loaded 131 claims into {store}",
            "Gazprom Alexey Miller 1.0",
            "China National Petroleum Corporation Alexey Miller 0.6",
            "#c112 48 bcm/yr 2025-09-02 2025-09-03 seed-article",
            "#c113 56 bcm/yr 2025-09-02 2025-09-03 seed-article",
            "-- valid at 2025-06-01, as currently recorded\n?flow\n48 bcm/yr",
            "-- valid at 2025-06-01, as recorded by the end of 2025-09-01",
            "member_of Shanghai Cooperation Organisation",
            "-- valid at 2025-09-03, as currently recorded\n"
            "?agreement ?side\nPower of Siberia 2 memorandum Russia",
            "status #c99 signed and legally binding seed-article Alexey "
            "Miller #c100 not confirmed by Beijing seed-article",
            "4 Power of Siberia 2 route_through Mongolia #c107 (..., ...)",
            "energy 3\nagriculture 1\nscience 1",
            "#c132 asserted",
            "-- valid at 2026-01-01, as currently recorded\n(no rows)",
            "Russia seed-article\nChina my-notes",
    ]:
        assert expected in out, expected


def test_the_notebook_runs_top_to_bottom(monkeypatch):
    """Where Debian's python3-nbclient and python3-ipykernel are installed."""
    # The kernel draws inline, as in Jupyter, whatever backend tests use.
    monkeypatch.delenv("MPLBACKEND", raising=False)
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    pytest.importorskip("networkx")
    notebook = nbformat.read(ROOT / "examples" / "sco2025.ipynb", as_version=4)
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code"
               for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "China National Petroleum Corporation" in html
    assert "not confirmed by Beijing" in html
    assert any("image/png" in o.get("data", {}) for o in outputs)
    text = "".join(o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "route_through" in text
    assert "my-notes" in html
