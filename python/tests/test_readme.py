"""docs/python.md's example runs and prints what docs/python.md shows."""

import os
import subprocess
import sys

from conftest import ROOT

MARKER = "<!-- python example -->\n```python\n"


def example_and_output():
    readme = (ROOT / "docs" / "python.md").read_text()
    begin = readme.index(MARKER) + len(MARKER)
    end = readme.index("```\n", begin)
    code = readme[begin:end]
    out_begin = readme.index("```\n", end + 4) + 4
    out_end = readme.index("```\n", out_begin)
    return code, readme[out_begin:out_end]


def test_readme_example(tmp_path):
    code, expected = example_and_output()
    (tmp_path / "datasets").symlink_to(ROOT / "datasets")
    (tmp_path / "example.py").write_text(code)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    run = subprocess.run([sys.executable, "example.py"], cwd=tmp_path,
                         capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    assert run.stdout == expected
