"""Fixtures of the annals Python tests: the repository's datasets and stores
of them in pytest's temporary directories. Run with the build's package on
PYTHONPATH (ctest's python_tests sets it): PYTHONPATH=build/python
/usr/bin/python3 -m pytest -q -p no:cacheprovider python/tests
"""

import os
import pathlib

import pytest

import annals

ROOT = pathlib.Path(
    os.environ.get("ANNALS_SOURCE_DIR",
                   pathlib.Path(__file__).resolve().parents[2]))
TINY = ROOT / "datasets" / "tiny"
SCO = ROOT / "datasets" / "sco2025"


def load_dataset(con, dataset, schema):
    """Sets `dataset`'s schema file `schema`, then loads its claims.tsv."""
    con.set_schema((dataset / schema).read_text(), schema)
    con.load(dataset / "claims.tsv")


@pytest.fixture(scope="session")
def tiny_path(tmp_path_factory):
    """A store of datasets/tiny with its schema, made once; read it only."""
    path = tmp_path_factory.mktemp("tiny") / "tiny.annals"
    with annals.connect(path) as con:
        load_dataset(con, TINY, "tiny.schema")
    return path


@pytest.fixture
def tiny(tiny_path):
    """A read-only connection to the tiny store."""
    with annals.connect(tiny_path, read_only=True) as con:
        yield con


@pytest.fixture
def fresh(tmp_path):
    """A writable connection to a store of datasets/tiny of this test."""
    with annals.connect(tmp_path / "fresh.annals") as con:
        load_dataset(con, TINY, "tiny.schema")
        yield con


@pytest.fixture
def empty(tmp_path):
    """A writable connection to a new, empty store."""
    with annals.connect(tmp_path / "empty.annals") as con:
        yield con


@pytest.fixture(scope="session")
def sco_path(tmp_path_factory):
    """A store of datasets/sco2025 with its schema, made once; read it
    only."""
    path = tmp_path_factory.mktemp("sco") / "sco.annals"
    with annals.connect(path) as con:
        load_dataset(con, SCO, "sco2025.schema")
    return path


@pytest.fixture
def sco(sco_path):
    """A read-only connection to the sco2025 store."""
    with annals.connect(sco_path, read_only=True) as con:
        yield con
