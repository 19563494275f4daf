"""Annals' value types and exceptions, in Python.

The C++ module (annals._annals) makes these objects from result cells and
raises these exceptions; annals/__init__.py exports them.
"""

import datetime as _dt
import decimal as _decimal
import re as _re

_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)


class Time:
    """A point in time with its precision: `2025` is the whole year,
    `2025-09` the month, `2025-09-02` the day, `2025-09-02T10:00:00Z` one
    second. str() is its text as the shell prints it.

    Time("2025-09") parses a time; start() and end() give the span it
    names as timezone-aware UTC datetimes ([start, end)).
    """

    __slots__ = ("_seconds", "_precision", "_span_end", "_text")

    def __init__(self, text):
        """Parses `2025`, `2025-09`, `2025-09-02` or `2025-09-02T10:00:00Z`;
        annals.Error on anything else."""
        from annals import _annals  # not at import: _annals imports us

        self._seconds, self._precision, self._span_end, self._text = (
            _annals._parse_time(str(text)))

    @property
    def precision(self):
        """"year", "month", "day" or "second"."""
        return self._precision

    @property
    def seconds(self):
        """Seconds since 1970-01-01T00:00:00Z of the span's first instant."""
        return self._seconds

    def start(self):
        """The span's first instant, a UTC datetime (ValueError or
        OverflowError outside datetime's years 1..9999)."""
        return _EPOCH + _dt.timedelta(seconds=self._seconds)

    def end(self):
        """The first instant after the span (exclusive), a UTC datetime."""
        return _EPOCH + _dt.timedelta(seconds=self._span_end)

    def __str__(self):
        return self._text

    def __repr__(self):
        return f"annals.Time({self._text!r})"

    def _key(self):
        return (self._seconds, self._span_end)

    def __eq__(self, other):
        if not isinstance(other, Time):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def __lt__(self, other):
        if not isinstance(other, Time):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other):
        if not isinstance(other, Time):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other):
        if not isinstance(other, Time):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other):
        if not isinstance(other, Time):
            return NotImplemented
        return self._key() >= other._key()


class Quantity:
    """A number with a unit, as `48 bcm/yr`: `value` (a float), `unit`, and
    `text`, the number as written. str() is "48 bcm/yr"."""

    __slots__ = ("_value", "_text", "_unit")

    def __init__(self, value, unit):
        """Quantity(48, "bcm/yr")."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError("a Quantity's value is an int or a float")
        if not unit or " " in unit:
            raise ValueError("a Quantity's unit is one token without spaces")
        self._value = float(value)
        self._text = _number_text(value)
        self._unit = str(unit)

    @classmethod
    def _make(cls, value, text, unit):
        q = cls.__new__(cls)
        q._value = value
        q._text = text
        q._unit = unit
        return q

    @property
    def value(self):
        """The number, as a float."""
        return self._value

    @property
    def text(self):
        """The number as written ("48", "0.2")."""
        return self._text

    @property
    def unit(self):
        """The unit ("bcm/yr")."""
        return self._unit

    def __str__(self):
        return f"{self._text} {self._unit}"

    def __repr__(self):
        return f"annals.Quantity({self._text}, {self._unit!r})"

    def __eq__(self, other):
        if not isinstance(other, Quantity):
            return NotImplemented
        return (self._value, self._unit) == (other._value, other._unit)

    def __hash__(self):
        return hash((self._value, self._unit))


class ClaimId(int):
    """A claim's id: an int whose str() is `#c12`, as the shell prints it."""

    __slots__ = ()

    def __str__(self):
        return f"#c{int(self)}"

    def __repr__(self):
        return f"annals.ClaimId({int(self)})"


class Interval:
    """A claim's valid time [start, end): `start` and `end` are annals.Time,
    or None for an open end. str() is as the shell prints it:
    "[2025-09-02, ...)", "(..., 2020-01)"."""

    __slots__ = ("_start", "_end")

    def __init__(self, start=None, end=None):
        self._start = start if start is None or isinstance(start, Time) else Time(start)
        self._end = end if end is None or isinstance(end, Time) else Time(end)

    @property
    def start(self):
        """The first instant (annals.Time), None: since forever."""
        return self._start

    @property
    def end(self):
        """The end, exclusive (annals.Time), None: still holds."""
        return self._end

    def __str__(self):
        left = "(..." if self._start is None else f"[{self._start}"
        right = "...)" if self._end is None else f"{self._end})"
        return f"{left}, {right}"

    def __repr__(self):
        return f"annals.Interval({self._start!r}, {self._end!r})"

    def __eq__(self, other):
        if not isinstance(other, Interval):
            return NotImplemented
        return (self._start, self._end) == (other._start, other._end)

    def __hash__(self):
        return hash((self._start, self._end))


def _number_text(value):
    """A number's text without an exponent: 48, 0.2, 1e-05 -> 0.00001."""
    if isinstance(value, int):
        return str(value)
    text = format(_decimal.Decimal(repr(value)), "f")
    return text


def _param_text(value):
    """(value kind, text) of a statement parameter, for Value::Parse."""
    if isinstance(value, bool):
        return ("boolean", "true" if value else "false")
    if isinstance(value, ClaimId):
        return ("claim", str(value))
    if isinstance(value, int):
        return ("integer", str(value))
    if isinstance(value, float):
        return ("decimal", _number_text(value))
    if isinstance(value, str):
        return ("entity", value)
    if isinstance(value, Time):
        return ("date", str(value))
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(_dt.timezone.utc)
        return ("date", value.strftime("%Y-%m-%dT%H:%M:%SZ"))
    if isinstance(value, _dt.date):
        return ("date", value.isoformat())
    if isinstance(value, Quantity):
        return ("quantity", str(value))
    raise TypeError(
        f"a parameter is a str (a name), int, float, bool, annals.Time, "
        f"datetime.date, annals.Quantity or annals.ClaimId, not "
        f"{type(value).__name__}")


class Error(Exception):
    """Every error Annals raises. `message` is the full message (for a
    statement: with the line and a caret), `code` the C++ status code
    ("INVALID_ARGUMENT", "FAILED_PRECONDITION", ...) or None."""

    def __init__(self, message, code=None):
        super().__init__(message)
        self.message = message
        self.code = code


_LINE_COLUMN = _re.compile(r"line (\d+), column (\d+):")
_FILE_LINE_COLUMN = _re.compile(r"^(.+?):(\d+)(?::(\d+))?: ")


class QueryError(Error):
    """A statement that is wrong: bad syntax, an unknown name (the message
    says the nearest known one), a type error found while it runs, a
    RETRACT of a missing claim, a query limit reached. `line` and `column`
    (1-based) point at the place, None when the error has none."""

    def __init__(self, message, code=None):
        super().__init__(message, code)
        m = _LINE_COLUMN.search(message)
        self.line = int(m.group(1)) if m else None
        self.column = int(m.group(2)) if m else None


class SchemaError(Error):
    """A schema text that does not parse: `file` (the name given to
    set_schema), `line`, `column`."""

    def __init__(self, message, code=None):
        super().__init__(message, code)
        m = _FILE_LINE_COLUMN.match(message)
        self.file = m.group(1) if m else None
        self.line = int(m.group(2)) if m else None
        self.column = int(m.group(3)) if m and m.group(3) else None


class LoadError(Error):
    """A load that failed on its input (a bad row, a missing file, an
    unknown column): `file`, `line`, `column` of the first bad place, or
    None when the message names none. The store is unchanged."""

    def __init__(self, message, code=None):
        super().__init__(message, code)
        m = _FILE_LINE_COLUMN.match(message)
        self.file = m.group(1) if m else None
        self.line = int(m.group(2)) if m else None
        self.column = int(m.group(3)) if m and m.group(3) else None


class StoreError(Error):
    """The store refused or failed: it is read-only or another process
    holds it, it is missing (create=False), damaged, or its disk is full."""
