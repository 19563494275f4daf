// `annals shell` on a pseudo-terminal beside a writer: the shell of a store
// another process holds says why it opened read-only, its prompt says
// `annals (read-only)>`, each statement sees what the writer has committed
// by then, and writes are refused; `--read-only` gives the same prompt
// without the notice.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "annals/database.h"
#include "gtest/gtest.h"
#include "tests/shell/pty_session.h"
#include "tests/support/run_cli.h"

namespace annals::shell_test {
namespace {

class ShellFollowTest : public test::TinyStoreTest {
 protected:
  std::unique_ptr<PtySession> Start(std::vector<std::string> args) {
    auto s = std::make_unique<PtySession>(args, root_, root_ + "/history", 100);
    EXPECT_TRUE(s->started());
    return s;
  }
};

TEST_F(ShellFollowTest, ASecondShellFollowsTheWriterAndSaysSo) {
  auto writer = Database::Open(store_);  // this process holds the store
  ASSERT_TRUE(writer.ok()) << writer.status();
  auto s = Start({"shell", store_});
  ASSERT_TRUE(s->WaitFor(absl::StrCat(
      "annals: store '", store_,
      "' is open for writing by another process; opened read-only: reads see "
      "its writes as they are committed, writes are refused\n")))
      << s->output();
  ASSERT_TRUE(s->WaitFor("annals (read-only)> ")) << s->output();
  s->Send("FIND ?x WHERE Russia member_of ?x;\r");
  ASSERT_TRUE(s->WaitFor("(1 row)")) << s->output();
  ASSERT_TRUE(s->WaitFor("annals (read-only)> ")) << s->output();

  // The writer adds a claim; the shell's next statement sees it.
  auto added = writer->Query("ASSERT Russia member_of BRICS");
  ASSERT_TRUE(added.ok()) << added.status();
  added = absl::InternalError("done");
  s->Send("FIND ?x WHERE Russia member_of ?x ORDER BY ?x;\r");
  ASSERT_TRUE(s->WaitFor("BRICS")) << s->output();
  ASSERT_TRUE(s->WaitFor("(2 rows)")) << s->output();

  // Its own writes are refused; a multi-line statement keeps the prompt's
  // width.
  s->Send("ASSERT Russia member_of G20;\r");
  ASSERT_TRUE(s->WaitFor("is open read-only; writes refused")) << s->output();
  s->Send("FIND ?x\r");
  ASSERT_TRUE(s->WaitFor(std::string(15, ' ') + "...> ")) << s->output();
  s->Send("WHERE Russia member_of ?x;\r");
  ASSERT_TRUE(s->WaitFor("(2 rows)")) << s->output();
  s->Send(".quit\r");
  EXPECT_EQ(s->WaitExit(), 0);
}

TEST_F(ShellFollowTest, ReadOnlyOptionGivesTheSamePromptWithoutANotice) {
  auto s = Start({"shell", "--read-only", store_});
  ASSERT_TRUE(s->WaitFor("annals (read-only)> ")) << s->output();
  EXPECT_FALSE(absl::StrContains(s->output(), "another process"))
      << s->output();
  s->Send(".at 2024\r");
  ASSERT_TRUE(s->WaitFor("annals (read-only) [at 2024]> ")) << s->output();
  s->Send(".quit\r");
  EXPECT_EQ(s->WaitExit(), 0);
  // Without it (and without a writer), the usual prompt.
  auto plain = Start({"shell", store_});
  ASSERT_TRUE(plain->WaitFor("annals> ")) << plain->output();
  EXPECT_FALSE(absl::StrContains(plain->output(), "read-only"))
      << plain->output();
  plain->Send(".quit\r");
  EXPECT_EQ(plain->WaitExit(), 0);
}

}  // namespace
}  // namespace annals::shell_test
