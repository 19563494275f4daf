"""Statement parameters: `$name` given in execute's params dict."""

import datetime

import pytest

import annals

FLOW = "FIND ?x WHERE $country gas_flow_to_china_bcm ?x AT $t"


def test_names_and_times(tiny):
    r = tiny.execute(FLOW, {"country": "Russia", "t": annals.Time("2024-06-01")})
    assert [str(v) for v, in r] == ["48 bcm/yr"]
    r = tiny.execute(FLOW, {"$country": "Russia", "$t": datetime.date(2025, 9, 3)})
    assert [str(v) for v, in r] == ["56 bcm/yr"]
    r = tiny.execute(FLOW, {"country": "Russia",
                            "t": datetime.datetime(2024, 6, 1, 12, 0)})
    assert [str(v) for v, in r] == ["48 bcm/yr"]


def test_literals(tiny):
    r = tiny.execute("FIND ?c WHERE ?c: Russia gas_flow_to_china_bcm ?x "
                     "AT 2024-06-01 FILTER ?x > $q",
                     {"q": annals.Quantity(40, "bcm/yr")})
    assert r.fetchall() == [(26,)]
    r = tiny.execute("FIND ?c WHERE ?c: Russia gas_flow_to_china_bcm ?x "
                     "AT 2024-06-01 FILTER ?c = $c", {"c": annals.ClaimId(26)})
    assert r.fetchall() == [(26,)]
    r = tiny.execute("FIND ?s WHERE ?s agreements_signed_with_china ?n "
                     "AT 2025-09-02 FILTER ?n = $n", {"n": 22})
    assert r.fetchall() == [("Russia",)]
    r = tiny.execute("FIND ?s WHERE ?s china_flow_share_of_prewar_europe_exports"
                     " ?n FILTER ?n < $d", {"d": 0.75})
    assert r.fetchall() == [("Russia",)]
    r = tiny.execute("FIND ?s WHERE ?s legally_binding $b", {"b": True})
    assert r.fetchall() == [("Power of Siberia 2 memorandum",)]


def test_missing_and_bad_parameters(tiny):
    with pytest.raises(annals.QueryError) as e:
        tiny.execute(FLOW, {"country": "Russia"})
    assert e.value.line == 1 and e.value.column is not None
    with pytest.raises(TypeError):
        tiny.execute(FLOW, {"country": "Russia", "t": object()})
    with pytest.raises(TypeError):
        tiny.execute(FLOW, ["Russia"])
