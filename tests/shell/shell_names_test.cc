// `annals shell` on names (issue 17): notices as `--` lines on stderr for an
// unknown name in a read and for the names a write adds; on a terminal, an
// ASSERT adding a name near a known one asks "commit? [y/N]" after a dry
// run, and writes only on yes; through a pipe it never asks. `.strict on`
// refuses a new predicate the schema does not declare.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/shell/pty_session.h"
#include "tests/support/run_cli.h"

namespace annals::shell_test {
namespace {

class ShellNamesTest : public test::TinyStoreTest {
 protected:
  std::unique_ptr<PtySession> Start() {
    auto s =
        std::make_unique<PtySession>(std::vector<std::string>{"shell", store_},
                                     root_, root_ + "/history", 100);
    EXPECT_TRUE(s->started());
    EXPECT_TRUE(s->WaitFor("annals> ")) << s->output();
    return s;
  }
  // Rows of `FIND ?x WHERE Rusia member_of ?x` now, through a pipe.
  std::string RusiaRows() {
    test::CliResult r = Run(
        {"query", "--format=csv", store_, "FIND ?x WHERE Rusia member_of ?x"},
        "");
    return r.out;
  }
};

TEST_F(ShellNamesTest, ATerminalAsksBeforeANearMissIsCommitted) {
  auto s = Start();
  // No: nothing written.
  s->Send("ASSERT Rusia member_of BRICS;\r");
  ASSERT_TRUE(s->WaitFor("-- new entity 'Rusia'; did you mean 'Russia'?"))
      << s->output();
  ASSERT_TRUE(s->WaitFor("commit? [y/N] ")) << s->output();
  s->Send("n\r");
  ASSERT_TRUE(s->WaitFor("not committed")) << s->output();
  ASSERT_TRUE(s->WaitFor("annals> ")) << s->output();
  // A plain Enter is no too.
  s->Send("ASSERT Rusia member_of BRICS;\r");
  ASSERT_TRUE(s->WaitFor("commit? [y/N] ")) << s->output();
  s->Send("\r");
  ASSERT_TRUE(s->WaitFor("not committed")) << s->output();
  ASSERT_TRUE(s->WaitFor("annals> ")) << s->output();
  s->Send(".quit\r");
  EXPECT_EQ(s->WaitExit(), 0);
  EXPECT_EQ(RusiaRows(), "?x\n");

  // Yes: written, and the notices are not said twice.
  s = Start();
  s->Send("ASSERT Rusia member_of BRICS;\r");
  ASSERT_TRUE(s->WaitFor("commit? [y/N] ")) << s->output();
  s->Send("y\r");
  ASSERT_TRUE(s->WaitFor("asserted")) << s->output();
  ASSERT_TRUE(s->WaitFor("annals> ")) << s->output();
  // A write adding no near name does not ask.
  s->Send("ASSERT Rusia member_of Zqxwv;\r");
  ASSERT_TRUE(s->WaitFor("-- new entity 'Zqxwv'")) << s->output();
  ASSERT_TRUE(s->WaitFor("asserted")) << s->output();
  ASSERT_TRUE(s->WaitFor("annals> ")) << s->output();
  s->Send(".quit\r");
  EXPECT_EQ(s->WaitExit(), 0);
  const std::string out = s->output();
  EXPECT_EQ(out.find("did you mean 'Russia'?"),
            out.rfind("did you mean 'Russia'?"))
      << out;
  EXPECT_FALSE(absl::StrContains(out.substr(out.find("Zqxwv")), "commit?"))
      << out;
  EXPECT_EQ(RusiaRows(), "?x\nBRICS\nZqxwv\n");
}

TEST_F(ShellNamesTest, APipeNeverAsks) {
  test::CliResult r = Run({"shell", store_},
                          "ASSERT Rusia member_of BRICS;\n"
                          "FIND ?x WHERE Rusia member_of ?x;\n"
                          "FIND ?x WHERE Germny member_of ?x;\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err,
            "-- new entity 'Rusia'; did you mean 'Russia'?\n"
            "-- new entity 'BRICS'\n"
            "-- unknown name 'Germny'\n")
      << r.err;
  EXPECT_FALSE(absl::StrContains(r.out, "commit?")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "BRICS\n(1 row)")) << r.out;
}

TEST_F(ShellNamesTest, StrictRefusesANewUndeclaredPredicate) {
  test::CliResult r = Run({"shell", store_},
                          ".strict on\n"
                          "ASSERT Russia membr_of BRICS;\n"
                          ".strict off\n"
                          "ASSERT Russia membr_of BRICS;\n");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(absl::StrContains(
      r.err,
      "annals: stdin:2:15: new predicate 'membr_of' is not in the schema "
      "(strict: nothing written); did you mean 'member_of'?"))
      << r.err;
  // It stopped there: nothing written.
  EXPECT_FALSE(absl::StrContains(r.out, "asserted")) << r.out;
  r = Run({"shell", "--keep-going", "--strict", store_},
          "ASSERT Russia membr_of BRICS;\n.strict off\n"
          "ASSERT Russia membr_of BRICS;\n.strict maybe\n");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(absl::StrContains(r.err, "stdin:1:15: new predicate 'membr_of'"))
      << r.err;
  EXPECT_TRUE(absl::StrContains(r.err, ".strict takes on or off")) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "asserted")) << r.out;
}

}  // namespace
}  // namespace annals::shell_test
