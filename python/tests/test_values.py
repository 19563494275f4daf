"""Every value type a result cell can be, and its str() as the shell
prints it."""

import datetime

import pytest

import annals

UTC = datetime.timezone.utc


def one(con, statement, params=None):
    rows = con.execute(statement, params).fetchall()
    assert len(rows) == 1, rows
    assert len(rows[0]) == 1, rows
    return rows[0][0]


def test_entity_and_string_are_str(tiny):
    assert one(tiny, "FIND ?o WHERE Tianjin located_in ?o") == "China"
    full = one(tiny, "FIND ?o WHERE CNPC full_name ?o")
    assert full == "China National Petroleum Corporation"
    assert type(full) is str


def test_integer_decimal_boolean(tiny):
    n = one(tiny, "FIND ?o WHERE Russia agreements_signed_with_china ?o "
            "AT 2025-09-02")
    assert n == 22 and type(n) is int
    d = one(tiny, "FIND ?o WHERE Russia "
            "china_flow_share_of_prewar_europe_exports ?o")
    assert d == 0.5 and type(d) is float
    b = one(tiny, 'FIND ?o WHERE "Power of Siberia 2 memorandum" '
            "legally_binding ?o")
    assert b is True


def test_time_keeps_its_precision(tiny):
    t = one(tiny, "FIND ?o WHERE \"Chang'e-7\" planned_launch ?o")
    assert isinstance(t, annals.Time)
    assert str(t) == "2026"
    assert t.precision == "year"
    assert t.start() == datetime.datetime(2026, 1, 1, tzinfo=UTC)
    assert t.end() == datetime.datetime(2027, 1, 1, tzinfo=UTC)
    assert repr(t) == "annals.Time('2026')"
    day = one(tiny, 'FIND ?o WHERE "Power of Siberia" in_service_since ?o')
    assert str(day) == "2019-12-02" and day.precision == "day"
    assert day.end() - day.start() == datetime.timedelta(days=1)


def test_time_parses_compares_and_hashes():
    month = annals.Time("2025-09")
    assert str(month) == "2025-09" and month.precision == "month"
    assert month.start() == datetime.datetime(2025, 9, 1, tzinfo=UTC)
    assert month.end() == datetime.datetime(2025, 10, 1, tzinfo=UTC)
    second = annals.Time("2025-09-02T10:00:00Z")
    assert second.precision == "second"
    assert str(second) == "2025-09-02T10:00:00Z"
    assert annals.Time("2025-09") == annals.Time("2025-09")
    assert annals.Time("2025") != annals.Time("2025-01")  # same start
    assert annals.Time("2024") < annals.Time("2025-09") < annals.Time("2026")
    assert len({annals.Time("2025"), annals.Time("2025")}) == 1
    with pytest.raises(annals.Error):
        annals.Time("next tuesday")


def test_quantity(tiny):
    q = one(tiny, "FIND ?x WHERE Russia gas_flow_to_china_bcm ?x")
    assert isinstance(q, annals.Quantity)
    assert str(q) == "56 bcm/yr"
    assert q.value == 56.0 and q.unit == "bcm/yr" and q.text == "56"
    assert q == annals.Quantity(56, "bcm/yr")
    assert str(annals.Quantity(0.2, "bcm/day")) == "0.2 bcm/day"
    assert str(annals.Quantity(1e-05, "x")) == "0.00001 x"
    with pytest.raises(ValueError):
        annals.Quantity(1, "two words")


def test_claim_id(tiny):
    c = one(tiny, "FIND ?c WHERE ?c: Russia gas_flow_to_china_bcm ?x")
    assert isinstance(c, annals.ClaimId) and isinstance(c, int)
    assert c == 27
    assert str(c) == "#c27"
    assert repr(c) == "annals.ClaimId(27)"


def test_interval_and_null(tiny):
    rows = tiny.execute('PATH "Vladimir Putin" TO China IN ORDER').fetchall()
    valid = [row[5] for row in rows]
    assert all(isinstance(v, annals.Interval) for v in valid)
    assert [str(v) for v in valid] == [
        "[2025-08-31, 2025-09-02)", "[2025-08-31, 2025-09-02)", "(..., ...)"]
    assert valid[0].start == annals.Time("2025-08-31")
    assert valid[2].start is None and valid[2].end is None
    assert str(annals.Interval("2025", None)) == "[2025, ...)"
    assert str(annals.Interval(None, "2020-01")) == "(..., 2020-01)"
    history = tiny.execute("HISTORY Russia gas_flow_to_china_bcm").fetchall()
    assert history[1][3] is None  # `to` of the claim that still holds


def test_str_of_every_cell_is_the_shells_text(tiny):
    # The CLI's rows for this statement (docs/query-language.md):
    #: every cell's str() is the text the shell prints.
    rows = tiny.execute("HISTORY Russia gas_flow_to_china_bcm").fetchall()
    text = [["" if v is None else str(v) for v in row] for row in rows]
    assert text == [
        ["#c26", "48 bcm/yr", "2019-12-02", "2025-09-02", "2025-09-02",
         "seed-article", "Alexey Miller"],
        ["#c27", "56 bcm/yr", "2025-09-02", "", "2025-09-02",
         "seed-article", "Alexey Miller"],
    ]
