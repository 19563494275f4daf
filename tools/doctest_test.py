"""Tests of tools/doctest, the doc test: it passes a page whose examples are
right, and fails, saying where and how, on every kind of drift. And the
examples of `annals --help` and `annals COMMAND --help` that use the store
`sco.annals` run on a store of datasets/sco2025 and find something.

  /usr/bin/python3 tools/doctest_test.py --annals=build/tools/annals
"""

import pathlib
import re
import subprocess
import sys
import tempfile
import unittest

ROOT = pathlib.Path(__file__).resolve().parent.parent
ANNALS = str(ROOT / "build/tools/annals")

TINY = """<!-- doctest: setup
annals load tiny.annals datasets/tiny/claims.tsv
-->
"""

FLOW_NOW = """```
$ annals query tiny.annals "FIND ?x WHERE Russia gas_flow_to_china_bcm ?x"
-- valid now, as currently recorded
?x
56 bcm/yr
(1 row)
```
"""


def run(page):
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "page.md"
        path.write_text(page)
        done = subprocess.run(
            [sys.executable, str(ROOT / "tools/doctest"), f"--annals={ANNALS}",
             str(path)], capture_output=True, text=True, timeout=120)
        return done.returncode, done.stdout + done.stderr


class DoctestTest(unittest.TestCase):

    def assertPasses(self, page, examples=1):
        code, out = run(page)
        self.assertEqual(code, 0, out)
        self.assertIn(f"{examples} examples run, 0 skipped, 0 failed", out)

    def assertFails(self, page, *needles):
        code, out = run(page)
        self.assertEqual(code, 1, out)
        for needle in needles:
            self.assertIn(needle, out)
        return out

    def test_right_command_output_passes(self):
        self.assertPasses("# A page\n\n" + TINY + FLOW_NOW)

    def test_wrong_output_fails_with_place_and_diff(self):
        page = "# A page\n\n" + TINY + FLOW_NOW.replace("56 bcm/yr", "57 bcm/yr")
        out = self.assertFails(page, "page.md:7: `annals query tiny.annals",
                               "-57 bcm/yr", "+56 bcm/yr")
        self.assertIn("1 failed", out)

    def test_missing_output_line_fails(self):
        self.assertFails(TINY + FLOW_NOW.replace("(1 row)\n", ""),
                         "+(1 row)")

    def test_session_runs_in_order_on_the_named_store(self):
        page = TINY + """```
$ annals shell tiny.annals
annals> .at 2024-06-01
annals [at 2024-06-01]> FIND ?x
                   ...> WHERE Russia gas_flow_to_china_bcm ?x;
-- valid at 2024-06-01, as currently recorded
?x
48 bcm/yr
(1 row)
```

```
annals> ASSERT Russia gas_flow_to_china_bcm 1 bcm/yr FROM 2030;
-- asserted
claim  change
#c38   asserted
(1 row)
```

```
annals> FIND ?x WHERE Russia gas_flow_to_china_bcm ?x AT 2031;
-- valid at 2031, as currently recorded
?x
56 bcm/yr
1 bcm/yr
(2 rows)
```
"""
        self.assertPasses(page, examples=3)

    def test_statements_without_a_store_fail(self):
        self.assertFails("```\nannals> FIND ?x WHERE a b ?x;\n(0 rows)\n```\n",
                         "page.md:1:", "no `$ annals shell STORE`")

    def test_varies_matches_what_changes_and_nothing_else(self):
        load = """<!-- doctest: varies 0.03s 1k -->
```
$ annals load tiny.annals datasets/tiny/claims.tsv
annals: created new store 'tiny.annals'
Loaded 37 rows in 0.03s (1k rows/s): 37 claims added, 0 duplicates skipped, 0 rejected, 71 new terms
```
"""
        self.assertPasses(load)
        self.assertFails(load.replace("37 claims added", "36 claims added"),
                         "-Loaded 37 rows in 0.03s (1k rows/s): 36")
        self.assertFails(load.replace("varies 0.03s 1k", "varies 1k")
                         .replace("in 0.03s", "in 99.99s"),
                         "printed something else")

    def test_exit_status_carries_to_echo(self):
        self.assertPasses("```\n$ annals qeury\n$ echo $?\n2\n```\n".replace(
            "$ annals qeury\n", "$ annals qeury 2>/dev/null\n"))

    def test_skip_is_listed_and_needs_a_reason(self):
        code, out = run("<!-- doctest: skip not here -->\n```\n$ false\nx\n```\n")
        self.assertEqual(code, 0, out)
        self.assertIn("skipped", out)
        self.assertIn("page.md:2: not here", out)
        self.assertFails("<!-- doctest: skip -->\n```\n$ false\n```\n",
                         "`skip` needs a reason")

    def test_skip_before_a_block_with_nothing_to_run_fails(self):
        self.assertFails("<!-- doctest: skip why -->\n```\nplain text\n```\n",
                         "shows no command or statement")

    def test_directive_away_from_its_block_fails(self):
        self.assertFails("<!-- doctest: skip why -->\n\nprose\n\n```\n$ x\n```\n",
                         "right before its block")

    def test_unknown_directive_fails(self):
        self.assertFails("<!-- doctest: skipp why -->\n```\n$ x\n```\n",
                         "unknown doctest directive `skipp`")

    def test_failing_setup_fails(self):
        self.assertFails("<!-- doctest: setup\nfalse\n-->\n" + FLOW_NOW,
                         "setup failed")

    def test_file_directive_compares_with_the_file(self):
        schema = (ROOT / "datasets/tiny/tiny.schema").read_text()
        page = ("<!-- doctest: file datasets/tiny/tiny.schema -->\n```\n" +
                schema + "```\n")
        self.assertPasses(page, examples=0)
        self.assertFails(page.replace("type Country", "type Nation"),
                         "differs from datasets/tiny/tiny.schema",
                         "+type Nation")

    def test_unclosed_block_fails(self):
        self.assertFails("```\n$ echo\n", "code block never closed")


# Example lines naming files that the help texts only illustrate.
ILLUSTRATIVE = ("events.", "yago", "icews", "report.aq")


class HelpExamplesTest(unittest.TestCase):

    def examples(self):
        """The `sco.annals` example lines of every help text."""
        found = []
        for command in ["", "load", "find", "query", "shell", "stats",
                        "check", "compact", "schema", "export"]:
            args = [ANNALS] + ([command] if command else []) + ["--help"]
            text = subprocess.run(args, capture_output=True, text=True).stdout
            parts = re.split(r"\nExamples?:\n", text, maxsplit=1)
            self.assertEqual(len(parts), 2, f"no examples in {args}")
            lines = parts[1].split("\n\n")[0]
            for line in lines.replace("\\\n", " ").split("\n"):
                if "sco.annals" in line and not any(
                        word in line for word in ILLUSTRATIVE):
                    found.append(line.strip())
        return found

    def test_help_examples_run_on_sco2025(self):
        examples = self.examples()
        self.assertGreater(len(examples), 20)
        with tempfile.TemporaryDirectory() as tmp:
            bin_dir = pathlib.Path(tmp) / "bin"
            bin_dir.mkdir()
            (bin_dir / "annals").symlink_to(pathlib.Path(ANNALS).resolve())
            (pathlib.Path(tmp) / "datasets").symlink_to(ROOT / "datasets")
            env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": tmp}
            setup = ("annals schema sco.annals datasets/sco2025/sco2025.schema"
                     " && annals load sco.annals datasets/sco2025/claims.tsv")
            for example in [setup] + examples:
                done = subprocess.run(["bash", "-c", example], cwd=tmp,
                                      env=env, capture_output=True, text=True,
                                      stdin=subprocess.DEVNULL, timeout=60)
                self.assertEqual(done.returncode, 0,
                                 f"{example}\n{done.stdout}{done.stderr}")
                if " find " in example or " query " in example:
                    self.assertNotIn("(0 ", done.stdout, example)
                    self.assertNotRegex(done.stdout, r"^-- .*\n\S+\n\(0",
                                        example)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1].startswith("--annals="):
        ANNALS = sys.argv.pop(1).split("=", 1)[1]
    unittest.main()
