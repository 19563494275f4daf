#!/usr/bin/env python3
"""README's five-minute tutorial in Python: the 2025 SCO summit.

Loads datasets/sco2025 into a new store (a temporary one unless a path is
given) and asks the tutorial's questions: who said so, since when and until
when, what held on a day, what we believed then, what only one side
confirmed, where sources disagree, how two entities connect, counts by
sector; then records a new claim and asks again.

    PYTHONPATH=build/python /usr/bin/python3 examples/sco2025.py [STORE]
"""

import pathlib
import sys
import tempfile

import annals

DATASET = pathlib.Path(__file__).resolve().parents[1] / "datasets" / "sco2025"


def show(title, result):
    """Prints a result as the shell does: its view line, then a table."""
    print(f"\n## {title}")
    print(f"-- {result.view}")
    frame = result.df()
    if frame.empty:
        print("(no rows)")
    else:
        text = frame.apply(
            lambda column: column.map(lambda v: "" if v is None else str(v)))
        print(text.to_string(index=False))


def tour(store):
    with annals.connect(store) as con:
        con.set_schema((DATASET / "sco2025.schema").read_text(),
                       "sco2025.schema")
        loaded = con.load(DATASET / "claims.tsv")
        print(f"loaded {loaded.claims_added} claims into {store}")

        show("Who said so",
             con.execute("FIND ?who by(?c) confidence(?c) WHERE ?c: ?who "
                         "signed $what AT 2025-09-02",
                         {"what": "Power of Siberia 2 memorandum"}))

        history = con.execute("HISTORY Russia pipeline_gas_to_china")
        show("Since when, until when", history)

        show("What held on a day",
             con.execute("FIND ?flow WHERE Russia pipeline_gas_to_china ?flow "
                         "AT 2025-06-01"))

        show("What we believed then",
             con.execute("FIND ?p ?o WHERE Russia ?p ?o AT 2025-06-01 "
                         "AS OF 2025-09-01"))

        only_one_side = ("FIND ?agreement ?side WHERE ?agreement confirmed_by "
                         "?side NOT { ?agreement confirmed_by ?other FILTER "
                         "?other != ?side } AT $day")
        show("Claims only one side made",
             con.execute(only_one_side, {"day": annals.Time("2025-09-03")}))

        show("Contradiction is data",
             con.execute('DISPUTES "Power of Siberia 2 memorandum"'))

        show("Walking relationships",
             con.execute("PATH Miller TO Mongolia AT 2025-09-02"))

        show("Counts by sector",
             con.execute('FIND ?sector count(*) WHERE ?a part_of "China–Russia '
                         'agreements of 2025-09-02", ?a covers_sector ?sector '
                         "AT 2025-09-03 GROUP BY ?sector "
                         "ORDER BY count(*) DESC"))

        show("Writing",
             con.execute('ASSERT "Power of Siberia 2 memorandum" confirmed_by '
                         'China FROM 2025-12 SOURCE "my-notes"'))
        show("Claims only one side made, after December",
             con.execute(only_one_side, {"day": annals.Time("2026-01-01")}))
        show("Who confirmed it",
             con.execute('FIND ?side source(?c) WHERE ?c: "Power of Siberia 2 '
                         'memorandum" confirmed_by ?side AT 2026-01-01'))


def main():
    if len(sys.argv) > 1:
        tour(sys.argv[1])
        return
    with tempfile.TemporaryDirectory() as tmp:
        tour(str(pathlib.Path(tmp) / "sco.annals"))


if __name__ == "__main__":
    main()
