// The shell's settings through a pipe: .maxrows and .timeout (and the
// --max-rows and --timeout they start from) with their bad values, .timer
// printing each statement's wall-clock and CPU time, and .echo printing each
// statement of a script before its answer.
#include <regex>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "tests/support/run_cli.h"

namespace annals::shell_test {
namespace {

using RunResult = test::CliResult;
using ShellSettingsTest = test::TinyStoreTest;

// Two rows: 48 and 56 bcm/yr.
constexpr char kTwoRows[] =
    "FIND ?x WHERE Russia gas_flow_to_china_bcm ?x AT 2025;\n";

TEST_F(ShellSettingsTest, MaxRows) {
  RunResult r =
      Run({"shell", store_}, std::string(".maxrows\n") + kTwoRows +
                                 ".maxrows 1\n" + ".maxrows\n" + kTwoRows);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(absl::StartsWith(r.out, "1000000\n")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "(2 rows)\n1\n")) << r.out;
  EXPECT_TRUE(absl::StartsWith(r.err, "annals: stdin:5:")) << r.err;
  EXPECT_TRUE(absl::StrContains(r.err, "more than 1 rows (.maxrows)")) << r.err;
  // 0: no limit; --max-rows starts it.
  r = Run({"shell", "--max-rows=1", store_},
          std::string(".maxrows\n") + ".maxrows 0\n.maxrows\n" + kTwoRows);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StartsWith(r.out, "1\nnone\n")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "(2 rows)")) << r.out;
  // Bad values name the script's line and leave the limit as it was.
  for (const char* bad : {"abc", "-3", "1.5"}) {
    r = Run({"shell", "--keep-going", store_},
            std::string(".maxrows 7\n.maxrows ") + bad + "\n.maxrows\n");
    EXPECT_EQ(r.exit_code, 1) << bad;
    EXPECT_EQ(r.err, std::string("annals: stdin:2: .maxrows: a row limit is a "
                                 "number of rows (5000), 0 for none; not '") +
                         bad + "'\n");
    EXPECT_EQ(r.out, "7\n") << bad;
  }
  r = Run({"shell", store_}, ".maxrows 1 2\n");
  EXPECT_EQ(r.err, "annals: stdin:1: .maxrows takes one value\n");
}

TEST_F(ShellSettingsTest, Timeout) {
  RunResult r = Run({"shell", store_},
                    ".timeout\n.timeout 1500\n.timeout\n.timeout 2m\n"
                    ".timeout\n.timeout 250ms\n.timeout\n.timeout 0\n"
                    ".timeout\n" +
                        std::string(kTwoRows));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StartsWith(r.out, "30s\n1500ms\n120s\n250ms\nnone\n"))
      << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "(2 rows)")) << r.out;
  r = Run({"shell", "--timeout=5s", store_}, ".timeout\n");
  EXPECT_EQ(r.out, "5s\n");
  // A statement that runs too long: every triple of the claims.
  r = Run({"shell", store_},
          ".timeout 1\n.maxrows 0\n"
          "FIND ?a ?b ?c WHERE ?a ?p ?x, ?b ?q ?y, ?c ?r ?z;\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(
      r.err, "query ran longer than its time limit (1 ms; .timeout)"))
      << r.err;
  for (const char* bad : {"soon", "-1", "10x", "5d"}) {
    r = Run({"shell", store_}, std::string(".timeout ") + bad + "\n");
    EXPECT_EQ(r.exit_code, 1) << bad;
    EXPECT_EQ(r.err,
              std::string("annals: stdin:1: .timeout: a timeout is "
                          "milliseconds (1500) or a duration (30s, 500ms, "
                          "2m), 0 for none; not '") +
                  bad + "'\n");
  }
}

TEST_F(ShellSettingsTest, TimerPrintsTheTimeOfEachStatement) {
  RunResult r = Run({"shell", "--keep-going", store_},
                    std::string(".timer on\n") + kTwoRows +
                        "FIND ?x WHERE Russia member_of ?x AT 9/2/2025;\n" +
                        "HISTORY Russia;\n.timer off\n" + kTwoRows);
  EXPECT_EQ(r.exit_code, 1);  // the misdated statement
  const std::regex timing(
      "Run Time: real [0-9]+\\.[0-9]{3} user [0-9]+\\.[0-9]{3} sys "
      "[0-9]+\\.[0-9]{3}");
  int timings = 0;
  for (absl::string_view line : absl::StrSplit(r.out, '\n')) {
    if (absl::StartsWith(line, "Run Time:")) {
      EXPECT_TRUE(std::regex_match(std::string(line), timing)) << line;
      ++timings;
    }
  }
  // After each statement, the failed one too; not after .timer off.
  EXPECT_EQ(timings, 3) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "(2 rows)\nRun Time: real ")) << r.out;
  r = Run({"shell", store_}, ".timer\n");
  EXPECT_EQ(r.err, "annals: stdin:1: .timer takes on or off\n");
}

TEST_F(ShellSettingsTest, EchoPrintsEachStatementBeforeItsAnswer) {
  RunResult r = Run(
      {"shell", store_},
      "FIND ?x WHERE Russia member_of ?x;\n.echo on\n"
      "FIND ?x WHERE Russia\n  gas_flow_to_china_bcm ?x;\n.mode csv\n"
      "HISTORY Russia member_of;\n.echo off\nFIND ?x WHERE Russia member_of "
      "?x;\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StartsWith(r.out, "-- valid now")) << r.out;
  EXPECT_TRUE(absl::StrContains(
      r.out,
      "(1 row)\nFIND ?x WHERE Russia\n  gas_flow_to_china_bcm ?x\n-- valid "
      "now, as currently recorded\n?x\n56 bcm/yr\n(1 row)\n.mode csv\n"
      "HISTORY Russia member_of\n"))
      << r.out;
  // .echo off is echoed (it runs with echo on), what follows is not.
  EXPECT_TRUE(absl::EndsWith(
      r.out, "\n.echo off\n?x\nShanghai Cooperation Organisation\n"))
      << r.out;
  r = Run({"shell", store_}, ".echo maybe\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "annals: stdin:1: .echo takes on or off\n");
}

}  // namespace
}  // namespace annals::shell_test
