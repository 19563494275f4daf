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


def connect(path, read_only=False, create=True, strict=False):
    """Opens the Annals store in directory `path`, creating it when `create`
    and `path` is missing or an empty directory (never in a directory of
    other files, nor in a file). `read_only`: no writer lock, so any number
    of processes may read while one writes, and each read sees what that
    writer has committed by then; writes raise StoreError. StoreError when
    another process holds the store for writing, when there is no store and
    not `create` (or `read_only`), when `path` is a file or a directory of
    other files, or when the store is damaged. `strict`: the default of
    execute(), load() and load_dataframe() (`strict=None` there): a write
    or load that would add a predicate the schema does not declare is an
    error instead of a notice (as the CLI's --strict)."""
    return Connection(path, read_only=read_only, create=create, strict=strict)


class Connection(_Connection):
    """An open store (see connect). A context manager: `with` closes it.
    Shareable by threads: reads run at once, writes one at a time."""

    def __init__(self, path, read_only=False, create=True, strict=False):
        super().__init__(_os.fspath(path), read_only, create, bool(strict))

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
             events=False, strict=None, wikidata=False, lang=None):
        """Bulk-loads files, all or nothing, as `annals load` does, and
        returns a LoadSummary.

        path_or_paths: a path or a list of paths (TSV/CSV with a header,
        JSON Lines, or RDF). format: None (by extension), "tsv", "csv",
        "jsonl", "nt", "nq", "ttl", "trig".
        columns: a dict {name in the file: Annals column} (or pairs, or the
        CLI's "NAME:COLUMN,..."). dates: None or "iso", "unknown-digits".
        skip_bad: go on past bad rows, writing them to reject_file (default
        <first file>.rejects). dry_run: check everything, write nothing.
        progress: called with a LoadProgress about every 100,000 rows (on
        another thread, with the GIL); an exception it raises is raised
        when the load has finished (the load is not stopped). events: an
        empty valid_to means valid_from's span. strict (None: the
        connection's, as connect() set it): a row whose predicate no stored
        claim uses and the schema does not declare is a bad row, LoadError
        "FILE:LINE:COLUMN: new predicate 'membr_of' is not in the schema
        ..." (with skip_bad, a rejected row); not strict, it loads and the
        summary's notices say "new predicate ..." when it is near a known
        one. wikidata: read RDF files as Wikidata's statement model
        (`annals load --wikidata`, docs/wikidata.md): each statement node a
        claim with its qualifiers' valid time and its reference as source;
        labels and alternative labels in `lang` (default "en") become schema
        aliases that queries accept. lang without wikidata is a ValueError.

        LoadError (file, line, column) for a bad row without skip_bad, and
        the store is unchanged; StoreError when the store refuses. Ctrl-C
        stops the load within a fraction of a second and raises
        KeyboardInterrupt (interrupt() from another thread: LoadError
        "load cancelled: ..."); nothing is loaded either way.
        """
        if isinstance(path_or_paths, (str, bytes, _os.PathLike)):
            paths = [_os.fsdecode(path_or_paths)]
        else:
            paths = [_os.fsdecode(p) for p in path_or_paths]
        return self._load(paths, format or "", _column_pairs(columns),
                          dates or "", bool(skip_bad),
                          _os.fsdecode(reject_file) if reject_file else "",
                          bool(dry_run), bool(events), strict, progress,
                          bool(wikidata), _lang(lang))

    def load_dataframe(self, df, **options):
        """Loads the rows of a pandas DataFrame whose columns are load-file
        columns (subject, predicate, object, valid_from, valid_to, source,
        by, confidence, object_type, recorded_at; or others named by
        `columns`), as load() does with the same options (strict
        included). Missing values
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


def _lang(lang):
    if lang is None:
        return ""
    if not isinstance(lang, str) or not lang:
        raise ValueError(f"lang must be a language tag such as 'en', not {lang!r}")
    return lang


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
    annals.Time, Quantity, ClaimId, Interval, None; equal values in them
    are one object). An empty result keeps its columns. The columns are
    made in C++, the rows read without the GIL."""
    import pandas as pd

    names, arrays = self._frame()
    data = {}
    for i, array in enumerate(arrays):
        if isinstance(array, tuple):  # (values, mask, "Int64" | "boolean")
            values, mask, dtype = array
            kind = pd.arrays.IntegerArray if dtype == "Int64" else pd.arrays.BooleanArray
            array = kind(values, mask)
        data[i] = array
    frame = pd.DataFrame(data, columns=range(len(names)), copy=False)
    frame.columns = names
    return frame


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


_PATH_COLUMNS = ("hop", "subject", "predicate", "object", "claim", "valid")
# Columns of statements (not variables) whose values may be entities.
_ENTITY_COLUMNS = ("subject", "object", "value")


def _needs(module, package, method):
    try:
        return __import__(module)
    except ImportError as e:
        raise ImportError(
            f"Result.{method}() needs {module}: on Debian, "
            f"apt-get install -y {package}") from e


def _to_networkx(self):
    """The remaining rows as a networkx.MultiDiGraph (consuming them, as
    df() does). Needs networkx (Debian's python3-networkx); ImportError
    naming the package without it.

    A PATH result (columns hop subject predicate object claim valid
    [taken]): the hops' entities are the nodes, and each hop is an edge
    subject -> object with the attributes hop (int), predicate (str),
    claim (str, "#c12"), valid (str, "[2025-09-02, ...)") and, when the
    result has the column, taken (str, or None where any time will do).

    Any other result: the entity columns are the variables (`?x`) and the
    statement columns subject, object and value whose every non-null value
    is a str (Python sees an entity and a string value alike, so a
    variable bound to strings counts too; claim functions such as
    `source(?c)` never do). Their values are the nodes (with the attribute
    columns: the names of the columns they came from). For each row, an
    edge joins the values of each two consecutive entity columns, both
    non-null, from the left one to the right one, with the attributes
    label ("?x -> ?y", the two columns' names), source_column,
    target_column and row (the row's index among those consumed). A
    result with one entity column gives nodes and no edges; with none, an
    empty graph."""
    nx = _needs("networkx", "python3-networkx", "to_networkx")
    columns = list(self.columns)
    rows = self.fetchall()
    graph = nx.MultiDiGraph()
    if all(c in columns for c in _PATH_COLUMNS):
        at = {c: columns.index(c) for c in columns}
        for row in rows:
            subject, obj = row[at["subject"]], row[at["object"]]
            attrs = {"hop": row[at["hop"]],
                     "predicate": row[at["predicate"]],
                     "claim": str(row[at["claim"]]),
                     "valid": str(row[at["valid"]])}
            if "taken" in at:
                taken = row[at["taken"]]
                attrs["taken"] = None if taken is None else str(taken)
            graph.add_edge(subject, obj, **attrs)
        return graph
    entity = [
        i for i, name in enumerate(columns)
        if (name.startswith("?") or name in _ENTITY_COLUMNS)
        and all(r[i] is None or isinstance(r[i], str) for r in rows)
        and any(r[i] is not None for r in rows)]
    for i in entity:
        for row in rows:
            if row[i] is not None:
                graph.add_node(row[i])
                graph.nodes[row[i]].setdefault("columns", set()).add(columns[i])
    for n, row in enumerate(rows):
        for a, b in zip(entity, entity[1:]):
            if row[a] is None or row[b] is None:
                continue
            graph.add_edge(row[a], row[b], label=f"{columns[a]} -> {columns[b]}",
                           source_column=columns[a], target_column=columns[b],
                           row=n)
    return graph


_HISTORY_COLUMNS = ("claim", "value", "from", "to")
_COARSE = ("year", "month")


def _plot(self, ax=None):
    """Draws a HISTORY result's remaining rows (consuming them) as the
    shell's timeline, with matplotlib (Debian's python3-matplotlib), and
    returns the Axes (a new figure's when `ax` is None): one lane per
    value, labelled with its text, top to bottom in order of first
    appearance; a bar over each claim's valid interval; an open end runs
    to the plot's edge and ends in an arrow; an end known only to the year
    or month is faded over its span (the change happened some time then);
    every known end is a change point, marked with a triangle on the
    lowest lane, "changes". ValueError unless the result has the columns
    claim, value, from and to."""
    missing = [c for c in _HISTORY_COLUMNS if c not in self.columns]
    if missing:
        raise ValueError(
            "plot() draws a HISTORY result (columns claim, value, from, to); "
            f"this result has no {', '.join(missing)}: {list(self.columns)}")
    _needs("matplotlib", "python3-matplotlib", "plot")
    import datetime
    import matplotlib.dates as mdates
    at = {c: list(self.columns).index(c) for c in _HISTORY_COLUMNS}
    rows = self.fetchall()
    lanes = {}
    for row in rows:
        lanes.setdefault(str(row[at["value"]]), len(lanes))
    if ax is None:
        import matplotlib.pyplot as plt
        _, ax = plt.subplots(figsize=(10, 1.4 + 0.5 * (len(lanes) + 1)),
                             layout="constrained")
    ends = [t for row in rows for t in (row[at["from"]], row[at["to"]])
            if t is not None]
    if ends:
        lo = min(t.start() for t in ends)
        hi = max(t.end() for t in ends)
    else:
        lo = hi = datetime.datetime.now(datetime.timezone.utc)
    pad = max((hi - lo) * 0.08, datetime.timedelta(days=30))
    left, right = mdates.date2num(lo - pad), mdates.date2num(hi + pad)
    change_y = len(lanes)
    color = "tab:blue"
    height = 0.6
    changes = set()

    def span(a, b, y, alpha):
        if b > a:
            ax.broken_barh([(a, b - a)], (y - height / 2, height),
                           facecolors=color, alpha=alpha, linewidth=0)

    def solid_end(t, y, edge, marker, first):
        """Where the solid bar stops at one end of a claim: an open end
        (t None) at the plot's edge, with an arrow; a coarse one past its
        faded span (after it for the `first` end, before it for the last);
        else at its instant, a change point."""
        if t is None:
            ax.plot([edge], [y], marker=marker, color=color, markersize=12,
                    clip_on=False, zorder=3)
            return edge
        a, b = mdates.date2num(t.start()), mdates.date2num(t.end())
        changes.add(a)
        if t.precision not in _COARSE:
            return a
        span(a, b, y, 0.3)
        return b if first else a

    for row in rows:
        y = lanes[str(row[at["value"]])]
        solid_from = solid_end(row[at["from"]], y, left, "<", first=True)
        solid_to = solid_end(row[at["to"]], y, right, ">", first=False)
        span(solid_from, solid_to, y, 1.0)
    if changes:
        xs = sorted(changes)
        ax.plot(xs, [change_y] * len(xs), linestyle="none", marker="^",
                color="tab:red", markersize=8)
    ax.set_xlim(left, right)
    ax.set_ylim(change_y + 0.7, -0.7)
    ax.set_yticks(list(range(len(lanes) + 1)))
    ax.set_yticklabels(list(lanes) + ["changes"])
    ax.xaxis_date()
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(self.view, fontsize="small", loc="left")
    return ax


for _cls in (ClaimId, Error, Interval, LoadError, Quantity, QueryError,
             SchemaError, StoreError, Time):
    _cls.__module__ = "annals"
del _cls

# Daemon threads still running statements at exit finish them first (see
# python/src/gil.h).
_atexit.register(_at_exit)

Result.df = _df
Result._repr_html_ = _repr_html
Result.to_networkx = _to_networkx
Result.plot = _plot
