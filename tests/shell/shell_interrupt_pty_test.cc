// Ctrl-C and Ctrl-D in `annals shell` on a pseudo-terminal: Ctrl-C stops a
// long statement ("statement cancelled") and the next one runs; Ctrl-C on a
// half-typed line or at the `...>` prompt drops what was typed and returns
// to `annals>`; Ctrl-D on a half-typed ASSERT discards it, and the store
// shows nothing was committed.
#include <chrono>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "tests/shell/pty_session.h"
#include "tests/support/run_cli.h"

namespace annals::shell_test {
namespace {

// A count over datasets/tiny's claims taken six times over: hours of work.
constexpr char kLongStatement[] =
    "FIND count(*) WHERE ?a ?p ?b, ?c ?q ?d, ?e ?r ?f, ?g ?s ?h, ?i ?t ?j, "
    "?k ?u ?l;";

// The claim and term counts of `annals stats` (not the bytes on disk, which
// a reopening may change).
std::string Counts(const std::string& stats) {
  std::string counts;
  for (absl::string_view line : absl::StrSplit(stats, '\n')) {
    if (absl::StartsWith(line, "claims ") || absl::StartsWith(line, "terms ")) {
      absl::StrAppend(&counts, line, "\n");
    }
  }
  return counts;
}

class ShellInterruptTest : public test::TinyStoreTest {
 protected:
  std::unique_ptr<PtySession> Start() {
    auto s =
        std::make_unique<PtySession>(std::vector<std::string>{"shell", store_},
                                     root_, root_ + "/history", 120);
    EXPECT_TRUE(s->started());
    EXPECT_TRUE(s->WaitFor("annals> ")) << s->output();
    return s;
  }
};

TEST_F(ShellInterruptTest, CtrlCStopsALongStatementAndTheNextOneRuns) {
  auto s = Start();
  for (int round = 0; round < 2; ++round) {  // and again, the flag cleared
    s->Send(std::string(kLongStatement) + "\r");
    ASSERT_TRUE(s->WaitFor("?k ?u ?l;\n")) << s->output();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // running
    const auto sent = std::chrono::steady_clock::now();
    s->Send("\x03");
    ASSERT_TRUE(s->WaitFor("statement cancelled", 5000)) << s->output();
    EXPECT_LT(std::chrono::steady_clock::now() - sent, std::chrono::seconds(2));
    ASSERT_TRUE(s->WaitFor("annals> ")) << s->output();
    s->Send("FIND ?x WHERE Russia gas_flow_to_china_bcm ?x;\r");
    ASSERT_TRUE(s->WaitFor("56 bcm/yr")) << s->output();
    ASSERT_TRUE(s->WaitFor("(1 row)")) << s->output();
    ASSERT_TRUE(s->WaitFor("annals> ")) << s->output();
  }
  s->Send(".quit\r");
  EXPECT_EQ(s->WaitExit(), 0);
}

TEST_F(ShellInterruptTest, CtrlCClearsAHalfTypedStatement) {
  auto s = Start();
  // At the `...>` prompt: the lines so far are dropped.
  s->Send("FIND ?x\r");
  ASSERT_TRUE(s->WaitFor("...> ")) << s->output();
  s->Send("\x03");
  ASSERT_TRUE(s->WaitFor("^C\nannals> ")) << s->output();
  // On a line being typed: dropped too.
  s->Send("HISTORY Rus");
  ASSERT_TRUE(s->WaitFor("HISTORY Rus")) << s->output();
  s->Send("\x03");
  ASSERT_TRUE(s->WaitFor("^C\nannals> ")) << s->output();
  // A fresh statement, not glued to what was dropped.
  s->Send("FIND ?x WHERE Russia gas_flow_to_china_bcm ?x;\r");
  ASSERT_TRUE(s->WaitFor("?x\n56 bcm/yr\n(1 row)")) << s->output();
  ASSERT_TRUE(s->WaitFor("annals> ")) << s->output();
  // Ctrl-C on an empty prompt: another prompt.
  s->Send("\x03");
  ASSERT_TRUE(s->WaitFor("^C\nannals> ")) << s->output();
  s->Send("\x04");
  EXPECT_EQ(s->WaitExit(), 0);
  EXPECT_FALSE(absl::StrContains(s->output(), "error")) << s->output();
}

TEST_F(ShellInterruptTest, CtrlDDiscardsAHalfTypedAssert) {
  const test::CliResult before = Run({"stats", store_}, "");
  ASSERT_EQ(before.exit_code, 0) << before.err;
  auto s = Start();
  s->Send("ASSERT Gazprom signed \"Half typed deal\"\r");
  ASSERT_TRUE(s->WaitFor("...> ")) << s->output();
  s->Send("\x04");
  ASSERT_TRUE(s->WaitFor("(unfinished statement discarded)")) << s->output();
  EXPECT_EQ(s->WaitExit(), 0);
  EXPECT_FALSE(absl::StrContains(s->output(), "added")) << s->output();
  // Nothing was committed.
  test::CliResult r =
      Run({"query", store_, "FIND ?what WHERE Gazprom signed ?what"}, "");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(absl::StrContains(r.out, "Half typed deal")) << r.out;
  const test::CliResult after = Run({"stats", store_}, "");
  EXPECT_EQ(Counts(after.out), Counts(before.out));
}

}  // namespace
}  // namespace annals::shell_test
