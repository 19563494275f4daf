# Type stubs of the annals package, so that editors complete and check it.
import datetime
import os
from typing import (Any, Callable, Dict, Iterable, Iterator, List, Mapping,
                    Optional, Sequence, Tuple, Union)

import matplotlib.axes
import networkx
import pandas

PathLike = Union[str, bytes, os.PathLike]
Cell = Union[None, str, int, float, bool, "Time", "Quantity", "ClaimId",
             "Interval"]
Param = Union[str, int, float, bool, "Time", datetime.date, "Quantity",
              "ClaimId"]

class Time:
    """A point in time with its precision; str() as the shell prints it."""
    def __init__(self, text: str) -> None: ...
    @property
    def precision(self) -> str: ...
    @property
    def seconds(self) -> int: ...
    def start(self) -> datetime.datetime: ...
    def end(self) -> datetime.datetime: ...
    def __lt__(self, other: "Time") -> bool: ...
    def __le__(self, other: "Time") -> bool: ...
    def __gt__(self, other: "Time") -> bool: ...
    def __ge__(self, other: "Time") -> bool: ...

class Quantity:
    """A number with a unit; str() is "48 bcm/yr"."""
    def __init__(self, value: Union[int, float], unit: str) -> None: ...
    @property
    def value(self) -> float: ...
    @property
    def text(self) -> str: ...
    @property
    def unit(self) -> str: ...

class ClaimId(int):
    """A claim's id; str() is "#c12"."""

class Interval:
    """A valid time [start, end); None for an open end."""
    def __init__(self, start: Union[Time, str, None] = ...,
                 end: Union[Time, str, None] = ...) -> None: ...
    @property
    def start(self) -> Optional[Time]: ...
    @property
    def end(self) -> Optional[Time]: ...

class Error(Exception):
    message: str
    code: Optional[str]
    def __init__(self, message: str, code: Optional[str] = ...) -> None: ...

class QueryError(Error):
    line: Optional[int]
    column: Optional[int]

class SchemaError(Error):
    file: Optional[str]
    line: Optional[int]
    column: Optional[int]

class LoadError(Error):
    file: Optional[str]
    line: Optional[int]
    column: Optional[int]

class StoreError(Error): ...

class LoadProgress:
    rows: int
    bytes_read: int
    bytes_total: int
    seconds: float

class LoadSummary:
    rows: int
    claims_added: int
    duplicates: int
    replaced_rows: int
    superseded: int
    rejected: int
    terms_added: int
    first_claim: ClaimId
    batches: List[int]
    reject_file: str
    seconds: float
    steps: List[Tuple[str, float]]

class Stats:
    claims: int
    terms: int
    bytes_on_disk: int
    bytes_per_family: Dict[str, int]
    claims_per_predicate: Dict[str, int]
    earliest: Optional[Time]
    latest: Optional[Time]
    batches: int

class CheckResult:
    claims: int
    terms: int
    index_entries: int
    problems: List[str]
    ok: bool
    schema_violations: List[str]

class SchemaVersion:
    version: int
    recorded: Optional[Time]
    text: str

class Result:
    """The rows of one statement, streamed."""
    @property
    def columns(self) -> List[str]: ...
    @property
    def view(self) -> str: ...
    def fetchone(self) -> Optional[Tuple[Cell, ...]]: ...
    def fetchmany(self, size: int = ...) -> List[Tuple[Cell, ...]]: ...
    def fetchall(self) -> List[Tuple[Cell, ...]]: ...
    def df(self) -> pandas.DataFrame: ...
    def _repr_html_(self) -> str: ...
    def to_networkx(self) -> networkx.MultiDiGraph:
        """The remaining rows as a graph: a PATH result's hops as edges
        subject -> object (predicate, claim, valid, hop[, taken]); any other
        result's entity columns' values as nodes, an edge per row between
        consecutive entity columns (label "?x -> ?y", row)."""
        ...
    def plot(self, ax: Optional[matplotlib.axes.Axes] = ...
             ) -> matplotlib.axes.Axes:
        """A HISTORY result's timeline: one lane per value, a bar per
        claim's valid interval, open ends as arrows, year- and month-
        precision ends faded, change points marked; ValueError without the
        columns claim, value, from, to."""
        ...
    def __iter__(self) -> Iterator[Tuple[Cell, ...]]: ...
    def __next__(self) -> Tuple[Cell, ...]: ...

class Connection:
    """An open store; a context manager."""
    def __init__(self, path: PathLike, read_only: bool = ...,
                 create: bool = ..., strict: bool = ...) -> None: ...
    def __enter__(self) -> "Connection": ...
    def __exit__(self, *exc: Any) -> bool: ...
    @property
    def closed(self) -> bool: ...
    @property
    def path(self) -> str: ...
    @property
    def read_only(self) -> bool: ...
    @property
    def strict(self) -> bool:
        """The default of execute's, load's and load_dataframe's `strict`
        (connect's)."""
        ...
    def execute(self, statement: str,
                params: Optional[Mapping[str, Param]] = ..., *,
                at: Union[Time, str, datetime.date, None] = ...,
                as_of: Union[Time, str, datetime.date, None] = ...,
                timeout_ms: Optional[int] = ...,
                max_rows: Optional[int] = ...,
                max_path_nodes: Optional[int] = ...,
                threads: Optional[int] = ...,
                strict: Optional[bool] = ...) -> Result:
        """Runs one statement. strict (None: the connection's): an ASSERT
        adding a predicate the schema does not declare raises QueryError
        and writes nothing."""
        ...
    def load(self, path_or_paths: Union[PathLike, Iterable[PathLike]],
             format: Optional[str] = ...,
             columns: Union[None, str, Mapping[str, str],
                            Sequence[Tuple[str, str]]] = ...,
             dates: Optional[str] = ..., skip_bad: bool = ...,
             reject_file: Optional[PathLike] = ..., dry_run: bool = ...,
             progress: Optional[Callable[[LoadProgress], Any]] = ...,
             events: bool = ...,
             strict: Optional[bool] = ...,
             wikidata: bool = ...,
             lang: Optional[str] = ...) -> LoadSummary:
        """Bulk-loads files, all or nothing. strict (None: the
        connection's): a row with a new predicate the schema does not
        declare is a bad row (LoadError, or rejected with skip_bad).
        wikidata: RDF read as Wikidata's statement model, labels in lang
        (default "en") as aliases (docs/wikidata.md)."""
        ...
    def load_dataframe(self, df: pandas.DataFrame,
                       **options: Any) -> LoadSummary: ...
    def set_schema(self, text: str, file: str = ...) -> SchemaVersion: ...
    def schema(self) -> SchemaVersion: ...
    def schema_history(self) -> List[SchemaVersion]: ...
    def stats(self) -> Stats: ...
    def check(self) -> CheckResult: ...
    def interrupt(self) -> None:
        """Stops this connection's statements, fetches and loads running now
        (from any thread): QueryError "statement cancelled" or LoadError
        "load cancelled: ...". Ctrl-C stops the main thread's and raises
        KeyboardInterrupt."""
        ...
    def close(self) -> None: ...

def connect(path: PathLike, read_only: bool = ...,
            create: bool = ..., strict: bool = ...) -> Connection: ...
