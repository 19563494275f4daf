"""Annals from Python: a temporal knowledge graph in a directory.

    import annals
    with annals.connect("sco.annals") as con:
        con.load("datasets/sco2025/claims.tsv")
        r = con.execute("FIND ?x WHERE Russia pipeline_gas_to_china ?x AT $t",
                        {"t": annals.Time("2025-06-01")})
        print(r.view)        # valid at 2025-06-01, as currently recorded
        print(r.fetchall())  # [(annals.Quantity(48, 'bcm/yr'),)]

Values come back as str (entities and strings), int, float, bool, None,
annals.Time, annals.Quantity, annals.ClaimId and annals.Interval. Errors are
annals.Error: QueryError, SchemaError, LoadError, StoreError. A Connection
may be shared by threads; statements and loads run without the GIL.
"""

import atexit as _atexit
import os as _os
import tempfile as _tempfile

from annals._types import (ClaimId, Error, Interval, LoadError, Quantity,
                           QueryError, SchemaError, StoreError, Time)
from annals._annals import (CheckResult, LoadProgress, LoadSummary, Result,
                            SchemaVersion, Stats, _Connection, _at_exit)

__all__ = [
    "connect", "Connection", "Result", "Time", "Quantity", "ClaimId",
    "Interval", "LoadSummary", "LoadProgress", "Stats", "CheckResult",
    "SchemaVersion", "Error", "QueryError", "SchemaError", "LoadError",
    "StoreError",
]


def connect(path, read_only=False, create=True):
    """Opens the Annals store in directory `path` (creating it when missing
    and `create`). `read_only`: no writer lock, so any number of processes
    may read while one writes; writes raise StoreError. StoreError when
    another process holds the store for writing, when there is no store and
    not `create`, or when the store is damaged."""
    return Connection(path, read_only=read_only, create=create)


class Connection(_Connection):
    """An open store (see connect). A context manager: `with` closes it.
    Shareable by threads: reads run at once, writes one at a time."""

    def __init__(self, path, read_only=False, create=True):
        super().__init__(_os.fspath(path), read_only, create)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __repr__(self):
        state = "closed" if self.closed else ("read-only" if self.read_only else "open")
        return f"<annals.Connection {self.path!r} {state}>"

    def load(self, path_or_paths, format=None, columns=None, dates=None,
             skip_bad=False, reject_file=None, dry_run=False, progress=None,
             events=False):
        """Bulk-loads files, all or nothing, as `annals load` does, and
        returns a LoadSummary.

        path_or_paths: a path or a list of paths (TSV/CSV with a header, or
        JSON Lines). format: None (by extension), "tsv", "csv", "jsonl".
        columns: a dict {name in the file: Annals column} (or pairs, or the
        CLI's "NAME:COLUMN,..."). dates: None or "iso", "unknown-digits".
        skip_bad: go on past bad rows, writing them to reject_file (default
        <first file>.rejects). dry_run: check everything, write nothing.
        progress: called with a LoadProgress about every 100,000 rows (on
        another thread, with the GIL); an exception it raises is raised
        when the load has finished (the load is not stopped). events: an
        empty valid_to means valid_from's span.

        LoadError (file, line, column) for a bad row without skip_bad, and
        the store is unchanged; StoreError when the store refuses.
        """
        if isinstance(path_or_paths, (str, bytes, _os.PathLike)):
            paths = [_os.fsdecode(path_or_paths)]
        else:
            paths = [_os.fsdecode(p) for p in path_or_paths]
        return self._load(paths, format or "", _column_pairs(columns),
                          dates or "", bool(skip_bad),
                          _os.fsdecode(reject_file) if reject_file else "",
                          bool(dry_run), bool(events), progress)

    def load_dataframe(self, df, **options):
        """Loads the rows of a pandas DataFrame whose columns are load-file
        columns (subject, predicate, object, valid_from, valid_to, source,
        by, confidence, object_type, recorded_at; or others named by
        `columns`), as load() does with the same options. Missing values
        are empty fields. Returns the LoadSummary; a LoadError names the
        row as line N of the frame's file, the header being line 1."""
        with _tempfile.TemporaryDirectory(prefix="annals-df-") as tmp:
            path = _os.path.join(tmp, "dataframe.tsv")
            frame = df.astype(object).where(df.notna(), "")
            with open(path, "w", encoding="utf-8", newline="\n") as out:
                out.write("\t".join(_field(c) for c in frame.columns) + "\n")
                for row in frame.itertuples(index=False, name=None):
                    out.write("\t".join(_field(v) for v in row) + "\n")
            options.setdefault("format", "tsv")
            if options.get("skip_bad") and not options.get("reject_file"):
                raise ValueError(
                    "load_dataframe with skip_bad needs a reject_file "
                    "(the frame's temporary file goes away)")
            return self.load(path, **options)


def _column_pairs(columns):
    if not columns:
        return []
    if isinstance(columns, str):
        pairs = []
        for item in columns.split(","):
            name, sep, column = item.partition(":")
            if not sep:
                raise ValueError(f"columns: {item!r} is not NAME:COLUMN")
            pairs.append((name.strip(), column.strip()))
        return pairs
    if isinstance(columns, dict):
        return [(str(k), str(v)) for k, v in columns.items()]
    return [(str(k), str(v)) for k, v in columns]


def _field(value):
    text = "" if value is None else str(value)
    if "\t" in text or "\n" in text or "\r" in text:
        raise LoadError(f"a field holds a tab or a line break: {text!r}")
    return text


def _df(self):
    """The remaining rows as a pandas DataFrame, one column per result
    column: int64 for integers (Int64 with nulls), float64 for decimals,
    bool for booleans (boolean with nulls), object for the rest (str,
    annals.Time, Quantity, ClaimId, Interval, None). An empty result keeps
    its columns."""
    import numpy as np
    import pandas as pd

    names, values, dtypes = self._columns()
    data = {}
    for i, (column, dtype) in enumerate(zip(values, dtypes)):
        if dtype in ("int64", "float64", "bool"):
            data[i] = np.array(column, dtype=dtype)
        elif dtype in ("Int64", "boolean"):
            data[i] = pd.array(column, dtype=dtype)
        else:
            data[i] = _object_array(np, column)
    frame = pd.DataFrame(data, columns=range(len(names)))
    frame.columns = names
    return frame


def _object_array(np, column):
    """A 1-d object array of the list's items, as they are. np.fromiter
    (numpy 1.23 and later) takes them one by one; assigning the list to a
    slice, the fallback, probes every item for array interfaces, which for
    annals.Time costs about 0.4 us a cell."""
    try:
        return np.fromiter(column, dtype=object, count=len(column))
    except (TypeError, ValueError):  # numpy before 1.23: no object fromiter
        array = np.empty(len(column), dtype=object)
        array[:] = column
        return array


_HTML_ROWS = 50


def _repr_html(self):
    """An HTML table of the next rows (at most 50; for notebooks), under
    the view. The rows are left to be fetched: df() and the fetch methods
    still give them."""
    import html

    rows = self._peek(_HTML_ROWS + 1)
    more = len(rows) > _HTML_ROWS
    rows = rows[:_HTML_ROWS]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in self.columns)
    body = "".join(
        "<tr>" + "".join(
            f"<td>{'' if v is None else html.escape(str(v))}</td>" for v in row)
        + "</tr>" for row in rows)
    if more:
        count = f"the first {_HTML_ROWS} rows"
    else:
        count = f"{len(rows)} row{'' if len(rows) == 1 else 's'}"
    return (f"<p><em>{html.escape(self.view)}</em></p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            f"<p>({count})</p>")


for _cls in (ClaimId, Error, Interval, LoadError, Quantity, QueryError,
             SchemaError, StoreError, Time):
    _cls.__module__ = "annals"
del _cls

# Daemon threads still running statements at exit finish them first (see
# python/src/gil.h).
_atexit.register(_at_exit)

Result.df = _df
Result._repr_html_ = _repr_html
