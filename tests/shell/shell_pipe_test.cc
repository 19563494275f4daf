// `annals shell` and `annals query` through pipes: scripts run without
// prompts or colours, exit codes (0, 1 at the first error, --keep-going),
// errors naming the script's lines (stdin:LINE:COLUMN, FILE:LINE:COLUMN for
// .read), the dot commands, and the default view of .at and .asof.
#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/support/run_cli.h"

namespace annals::shell_test {
namespace {

using RunResult = test::CliResult;
using ShellPipeTest = test::TinyStoreTest;
using test::ReadFile;
using test::WriteFile;

constexpr char kScript[] = R"(-- gas flows
FIND ?x WHERE Russia gas_flow_to_china_bcm ?x;

HISTORY Russia
  gas_flow_to_china_bcm

CHANGES Russia gas_flow_to_china_bcm BETWEEN 2025 AND 2025;
)";

TEST_F(ShellPipeTest, ScriptRunsWithoutPromptsOrColours) {
  RunResult r = Run({"shell", store_}, kScript);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(absl::StrContains(r.out,
                                "-- valid now, as currently recorded\n"
                                "?x\n56 bcm/yr\n(1 row)\n"))
      << r.out;
  // HISTORY's table, then its timeline (80 columns off a terminal).
  EXPECT_TRUE(absl::StrContains(r.out, "#c27   56 bcm/yr  2025-09-02"))
      << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "56 bcm/yr   ")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "\xE2\x96\xB6")) << r.out;  // ▶
  // CHANGES as marked lines.
  EXPECT_TRUE(absl::StrContains(r.out, "- ended  2025-09-02  #c26")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "+ began  2025-09-02  #c27")) << r.out;
  EXPECT_FALSE(absl::StrContains(r.out, "\x1b")) << r.out;
  EXPECT_FALSE(absl::StrContains(r.out, "annals>")) << r.out;
  EXPECT_FALSE(absl::StrContains(r.out, "...>")) << r.out;
}

constexpr char kBadScript[] = R"(FIND ?x WHERE Russia gas_flow_to_china_bcm ?x;
.mode csv

FIND ?x
  WHERE 09/02/2025 gas_flow_to_china_bcm ?x;
FIND ?y WHERE Russia member_of ?y;
)";

TEST_F(ShellPipeTest, StopsAtTheFirstErrorWithItsScriptLine) {
  RunResult r = Run({"shell", store_}, kBadScript);
  EXPECT_EQ(r.exit_code, 1);
  // Line 5 of the script, column 9 (the statement's line 2, column 9).
  EXPECT_TRUE(absl::StartsWith(
      r.err,
      "annals: stdin:5:9: dates are written YYYY-MM-DD (2025-09-02); "
      "'09/02/2025' is not a date"))
      << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "56 bcm/yr")) << r.out;
  EXPECT_FALSE(absl::StrContains(r.out, "Shanghai")) << r.out;
}

TEST_F(ShellPipeTest, KeepGoingRunsTheRestAndStillFails) {
  RunResult r = Run({"shell", "--keep-going", store_}, kBadScript);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(r.err, "stdin:5:9: dates are written"))
      << r.err;
  // After `.mode csv`: a header line and the row.
  EXPECT_TRUE(
      absl::StrContains(r.out, "?y\nShanghai Cooperation Organisation\n"))
      << r.out;
}

TEST_F(ShellPipeTest, ErrorOnALaterStatementOfALine) {
  RunResult r =
      Run({"shell", store_}, "\n  HISTORY Russia; HISTORY 9/2/2025;\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StartsWith(r.err, "annals: stdin:2:27: dates are written"))
      << r.err;
}

TEST_F(ShellPipeTest, ExplainErrorsPointIntoTheScript) {
  RunResult r = Run({"shell", "--keep-going", store_},
                    "\n.explain FIND ?x WHERE ?x p 1/2/3\n.explain on\n"
                    "  FIND ?x WHERE ?x p 1/2/3;\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(r.err, "annals: stdin:2:29: dates are written"))
      << r.err;
  EXPECT_TRUE(absl::StrContains(r.err, "annals: stdin:4:22: dates are written"))
      << r.err;
}

TEST_F(ShellPipeTest, ReadNamesTheFile) {
  WriteFile(root_ + "/inner.aq", "HISTORY Russia;\n\n.bogus\n");
  RunResult r = Run({"shell", store_}, ".read inner.aq\nHISTORY Russia;\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StartsWith(r.err,
                               "annals: inner.aq:3: unknown command "
                               ".bogus"))
      << r.err;
  WriteFile(root_ + "/inner.aq", "\nFIND ?x WHERE ?x 9/2/2025 ?y;\n");
  r = Run({"shell", store_}, ".read inner.aq\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StartsWith(r.err, "annals: inner.aq:2:18: ")) << r.err;
}

TEST_F(ShellPipeTest, DefaultViewFromAtAndAsOf) {
  RunResult r = Run({"shell", store_},
                    ".at 2024-06-01\n"
                    "FIND ?x WHERE Russia gas_flow_to_china_bcm ?x;\n"
                    "FIND ?x WHERE Russia gas_flow_to_china_bcm ?x AT 2026;\n"
                    ".at\n.asof 2025-09-01\n"
                    "FIND ?x WHERE Russia gas_flow_to_china_bcm ?x;\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out,
                                "-- valid at 2024-06-01, as currently "
                                "recorded\n?x\n48 bcm/yr\n(1 row)\n"))
      << r.out;
  // The statement's own AT wins.
  EXPECT_TRUE(absl::StrContains(r.out,
                                "-- valid at 2026, as currently "
                                "recorded\n?x\n56 bcm/yr\n"))
      << r.out;
  // Recorded on 2025-09-02: not known yet at the end of 2025-09-01.
  EXPECT_TRUE(absl::StrContains(r.out,
                                "as recorded by the end of 2025-09-01\n"
                                "?x\n(0 rows)\n"))
      << r.out;
}

TEST_F(ShellPipeTest, DotCommands) {
  RunResult r =
      Run({"shell", store_},
          ".mode json\nFIND ?x WHERE Russia gas_flow_to_china_bcm ?x;\n"
          ".mode line\nFIND ?x WHERE Russia gas_flow_to_china_bcm ?x;\n"
          ".mode\n.timer on\n.mode tsv\nHISTORY Russia;\n.timer off\n"
          ".explain\nFIND ?x WHERE Russia member_of ?x;\n.explain off\n"
          ".explain HISTORY Russia\n"
          ".schema\n.stats\n.help\n"
          ".output out.txt\nHISTORY Russia gas_flow_to_china_bcm;\n"
          ".output\n.quit\nHISTORY Nobody;\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "[{\"?x\": \"56 bcm/yr\"}]\n")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "?x = 56 bcm/yr\nline\n")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "Run Time: ")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "explain on\nplan\n")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "# no schema\n")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "claims      37\n")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, ".asof TIME")) << r.out;
  const std::string file = ReadFile(root_ + "/out.txt");
  EXPECT_TRUE(absl::StrContains(file, "#c26\t48 bcm/yr")) << file;
  EXPECT_FALSE(absl::StrContains(r.out, "#c26\t48 bcm/yr")) << r.out;
}

// Not a terminal: tables are never cut, whatever COLUMNS says.
TEST_F(ShellPipeTest, WideTablesAreWholeInAPipe) {
  RunResult r = Run({"shell", store_},
                    "FIND ?c ?x source(?c) WHERE ?c: Gazprom signed ?x AT 2025-09-02;\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(
      r.out, "#c16  Power of Siberia 2 memorandum  seed-article\n"))
      << r.out;
  EXPECT_FALSE(absl::StrContains(r.out, "…")) << r.out;
  EXPECT_FALSE(absl::StrContains(r.out, "values cut")) << r.out;
}

TEST_F(ShellPipeTest, PlainKeys) {
  RunResult r =
      Run({"shell", store_},
          ".keys\n.keys plain\n.keys\n.mode json\n"
          "FIND ?x WHERE Russia gas_flow_to_china_bcm ?x;\n"
          ".mode csv\nFIND ?x WHERE Russia gas_flow_to_china_bcm ?x;\n"
          ".keys query\n"
          "FIND ?x WHERE Russia gas_flow_to_china_bcm ?x;\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StartsWith(r.out, "query\nplain\n")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "[{\"x\": \"56 bcm/yr\"}]\n")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "x\n56 bcm/yr\n?x\n56 bcm/yr\n"))
      << r.out;
  RunResult bad = Run({"shell", store_}, ".keys bare\n");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(bad.err, ".keys takes plain or query"))
      << bad.err;

  // annals query --plain-keys, for one statement and for a script.
  r = Run({"query", "--format=json", "--plain-keys", store_,
           "FIND ?x WHERE Russia gas_flow_to_china_bcm ?x"},
          "");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "[{\"x\": \"56 bcm/yr\"}]\n");
  r = Run({"query", "--format=csv", "--plain-keys", store_},
          "FIND ?x WHERE Russia gas_flow_to_china_bcm ?x;\n"
          "FIND ?o WHERE Russia member_of ?o;\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StartsWith(r.out, "x\n56 bcm/yr\no\n")) << r.out;
  r = Run({"query", "--format=json", store_,
           "FIND ?x WHERE Russia gas_flow_to_china_bcm ?x"},
          "");
  EXPECT_EQ(r.out, "[{\"?x\": \"56 bcm/yr\"}]\n");
}

TEST_F(ShellPipeTest, LoadAddsClaims) {
  WriteFile(root_ + "/more.tsv",
            "subject\tpredicate\tobject\tvalid_from\n"
            "Atlantis\tcapital\tPoseidonia\t2020\n");
  RunResult r = Run({"shell", store_},
                    ".load more.tsv\nFIND ?c WHERE Atlantis capital ?c;\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "1 claim added")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "Poseidonia")) << r.out;
}

TEST_F(ShellPipeTest, UsageErrors) {
  EXPECT_EQ(Run({"shell"}, "").exit_code, 2);
  EXPECT_EQ(Run({"shell", "--bogus", store_}, "").exit_code, 2);
  RunResult help = Run({"shell", "--help"}, "");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_TRUE(absl::StrContains(help.out, "--keep-going")) << help.out;
}

// `annals query` runs several statements as a script, as the shell does.
TEST_F(ShellPipeTest, QueryRunsAScriptAndStopsAtTheFirstError) {
  const char script[] =
      "FIND ?x WHERE Russia gas_flow_to_china_bcm ?x;\n\nFIND ?x\n"
      "  WHERE 09/02/2025 gas_flow_to_china_bcm ?x;\n"
      "FIND ?y WHERE Russia member_of ?y;\n";
  RunResult r = Run({"query", store_}, script);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StartsWith(
      r.err,
      "annals: stdin:4:9: dates are written YYYY-MM-DD (2025-09-02); "
      "'09/02/2025' is not a date"))
      << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "56 bcm/yr")) << r.out;
  EXPECT_FALSE(absl::StrContains(r.out, "Shanghai")) << r.out;

  RunResult going =
      Run({"query", "--keep-going", "--format=csv", store_}, script);
  EXPECT_EQ(going.exit_code, 1);
  EXPECT_TRUE(
      absl::StrContains(going.out, "?y\nShanghai Cooperation Organisation\n"))
      << going.out;
  EXPECT_FALSE(absl::StrContains(going.out, "\x1b")) << going.out;

  RunResult params = Run({"query", "--param=s=Russia", store_}, script);
  EXPECT_EQ(params.exit_code, 2) << params.err;
}

TEST_F(ShellPipeTest, QueryThroughAPipeHasNoColours) {
  RunResult r = Run({"query", store_}, "HISTORY Russia gas_flow_to_china_bcm");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "(2 rows)")) << r.out;
  EXPECT_FALSE(absl::StrContains(r.out, "\x1b")) << r.out;
  r = Run({"query", store_}, "HISTORY 09/02/2025");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(r.err, "line 1, column 9")) << r.err;
  // From a file, the error names it.
  WriteFile(root_ + "/q.aq", "-- the gas\nHISTORY Russia\n  9/2/2025");
  r = Run({"query", "--file=q.aq", store_}, "");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StartsWith(r.err, "annals: q.aq:3:3: ")) << r.err;
}

}  // namespace
}  // namespace annals::shell_test
