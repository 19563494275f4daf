"""str() of every cell is its text in the shell: the same statements through
the annals command line (--format=tsv) and through Python give the same
text, cell by cell (None: an empty cell). Booleans are Python's bool, whose
str() is True and False where the shell says true and false."""

import os
import subprocess

import pytest

STATEMENTS = [
    "HISTORY Russia",
    'PATH "Vladimir Putin" TO China IN ORDER',
    "FIND ?s ?o ?c from(?c) to(?c) confidence(?c) WHERE ?c: ?s ?p ?o, "
    "OPTIONAL { ?s president_of ?x } ORDER BY ?c",
    "FIND ?p count(*) WHERE ?s ?p ?o GROUP BY ?p ORDER BY ?p",
    'DISPUTES "Power of Siberia 2 memorandum"',
    "CHANGES Russia BETWEEN 2019-01-01 AND 2025-12-31",
]


def text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@pytest.mark.skipif("ANNALS_CLI" not in os.environ,
                    reason="ANNALS_CLI (the annals binary) is not set")
@pytest.mark.parametrize("statement", STATEMENTS)
def test_python_text_is_the_shells(tiny, tiny_path, statement):
    run = subprocess.run(
        [os.environ["ANNALS_CLI"], "query", "--format=tsv", str(tiny_path),
         statement], capture_output=True, text=True, check=True)
    lines = run.stdout.rstrip("\n").split("\n")
    result = tiny.execute(statement)
    assert lines[0].split("\t") == result.columns
    python = ["\t".join(text(v) for v in row) for row in result]
    assert python == lines[1:]
