// `annals shell` on a pseudo-terminal: history kept across two sessions
// (up-arrow recalls), tab completion of a predicate and of quoted entity
// names, a multi-line statement with its continuation prompt, HISTORY's
// timeline drawn to fit terminals of 60 and 100 columns, in colour, and wide
// tables cut to the terminal with a hint to `.mode line`.
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "tests/shell/pty_session.h"
#include "tests/support/run_cli.h"
#include "tools/output/cell_text.h"

namespace annals::shell_test {
namespace {

using test::ReadFile;

class ShellPtyTest : public test::TinyStoreTest {
 protected:
  std::unique_ptr<PtySession> Start(int columns = 100) {
    auto s = std::make_unique<PtySession>(
        std::vector<std::string>{"shell", store_}, root_, history(), columns);
    EXPECT_TRUE(s->started());
    EXPECT_TRUE(s->WaitFor("annals> ")) << s->output();
    return s;
  }
  std::string history() const { return root_ + "/history"; }
};

TEST_F(ShellPtyTest, HistoryPersistsAcrossSessions) {
  {
    auto s = Start();
    s->Send("FIND ?x WHERE Russia gas_flow_to_china_bcm ?x;\r");
    ASSERT_TRUE(s->WaitFor("(1 row)")) << s->output();
    ASSERT_TRUE(s->WaitFor("annals> ")) << s->output();
    s->Send(".quit\r");
    EXPECT_EQ(s->WaitExit(), 0);
  }
  EXPECT_TRUE(absl::StrContains(ReadFile(history()),
                                "FIND ?x WHERE Russia gas_flow_to_china_bcm"))
      << ReadFile(history());
  auto s = Start();
  // Up-arrow: .quit, then the statement of the first session.
  s->Send("\x1b[A\x1b[A\r");
  ASSERT_TRUE(s->WaitFor("56 bcm/yr")) << s->output();
  ASSERT_TRUE(s->WaitFor("(1 row)")) << s->output();
  ASSERT_TRUE(s->WaitFor("annals> ")) << s->output();
  s->Send("\x04");  // Ctrl-D
  EXPECT_EQ(s->WaitExit(), 0);
}

TEST_F(ShellPtyTest, CompletesAPredicate) {
  auto s = Start();
  s->Send("HISTORY Russia gas_fl\t");
  ASSERT_TRUE(s->WaitFor("gas_flow_to_china_bcm ")) << s->output();
  s->Send(";\r");
  ASSERT_TRUE(s->WaitFor("(2 rows)")) << s->output();
  s->Send(".exit\r");
  EXPECT_EQ(s->WaitExit(), 0);
}

TEST_F(ShellPtyTest, CompletesQuotedEntityNames) {
  auto s = Start();
  // Inside an opened quote: the name, then the closing quote.
  s->Send("HISTORY \"Power of Siberia 2 m\t");
  ASSERT_TRUE(s->WaitFor("HISTORY \"Power of Siberia 2 memorandum\" "))
      << s->output();
  s->Send(";\r");
  ASSERT_TRUE(s->WaitFor("legally_binding")) << s->output();
  ASSERT_TRUE(s->WaitFor("(2 rows)")) << s->output();
  // Unquoted: a name with spaces comes back quoted.
  s->Send("HISTORY SCO\t");
  ASSERT_TRUE(s->WaitFor("HISTORY \"SCO summit 2025\" ")) << s->raw();
  s->Send(";\r");
  ASSERT_TRUE(s->WaitFor("organised_by")) << s->output();
  s->Send(".quit\r");
  EXPECT_EQ(s->WaitExit(), 0);
}

TEST_F(ShellPtyTest, MultiLineStatement) {
  auto s = Start();
  s->Send("FIND ?x\r");
  ASSERT_TRUE(s->WaitFor("   ...> ")) << s->output();
  s->Send("  WHERE Russia gas_flow_to_china_bcm ?x\r");
  ASSERT_TRUE(s->WaitFor("   ...> ")) << s->output();
  s->Send("\r");  // a blank line ends it
  ASSERT_TRUE(s->WaitFor("?x\n56 bcm/yr\n(1 row)")) << s->output();
  s->Send(".quit\r");
  EXPECT_EQ(s->WaitExit(), 0);
  // One history entry, ending in `;` so that it runs when recalled.
  EXPECT_TRUE(absl::StrContains(
      ReadFile(history()), "FIND ?x\n  WHERE Russia gas_flow_to_china_bcm ?x;"))
      << ReadFile(history());
}

// The timeline lines of a HISTORY of the gas flows on a terminal that wide:
// the same as the golden lines of tools/output/timeline_test.cc.
std::string Timeline(PtySession* s) {
  s->Send("HISTORY Russia gas_flow_to_china_bcm;\r");
  EXPECT_TRUE(s->WaitFor("(2 rows)")) << s->output();
  EXPECT_TRUE(s->WaitFor("annals> ")) << s->output();
  std::string out = s->output();
  size_t from = out.rfind("48 bcm/yr   ");
  size_t to = out.rfind("annals> ");
  if (from == std::string::npos || to < from) return "";
  return out.substr(from, to - from);
}

TEST_F(ShellPtyTest, TimelineFitsTheTerminal) {
  auto narrow = Start(60);
  const std::string at60 = Timeline(narrow.get());
  EXPECT_EQ(at60,
            "48 bcm/yr   █████████████████████████████████████████████\n"
            "56 bcm/yr                                               ███▶\n"
            "changes     ▲                                           ▲\n"
            "           ─┬───────┬───────┬──────┬───────┬───────┬────────\n"
            "            2020    2021    2022   2023    2024    2025\n");
  // Colours on a terminal; the table is cut to 60 columns.
  EXPECT_TRUE(absl::StrContains(narrow->raw(), "\x1b[36m"));
  EXPECT_TRUE(absl::StrContains(narrow->output(), "…"));
  const std::string out = narrow->output();
  const std::string result = out.substr(out.rfind("-- all valid time"));
  for (absl::string_view line : absl::StrSplit(result, '\n')) {
    EXPECT_LE(output::DisplayWidth(line), 60u) << line;
  }
  narrow->Send(".quit\r");
  EXPECT_EQ(narrow->WaitExit(), 0);

  auto wide = Start(100);
  const std::string at100 = Timeline(wide.get());
  EXPECT_EQ(at100,
            "48 bcm/yr   "
            "████████████████████████████████████████████████████████████████"
            "███████████████████\n"
            "56 bcm/yr                                                        "
            "                             █████▶\n"
            "changes     ▲                                                    "
            "                             ▲\n"
            "           ──┬─────────────┬──────────────┬─────────────┬────────"
            "─────┬──────────────┬──────────────\n"
            "             2020          2021           2022          2023     "
            "     2024           2025\n");
  EXPECT_FALSE(absl::StrContains(wide->output(), "…"));
  // Change lists in colour: green began, yellow ended.
  wide->Send("CHANGES Russia gas_flow_to_china_bcm BETWEEN 2025 AND 2025;\r");
  ASSERT_TRUE(wide->WaitFor("(2 rows)")) << wide->output();
  EXPECT_TRUE(absl::StrContains(wide->raw(), "\x1b[33m- ended  2025-09-02"))
      << wide->raw();
  EXPECT_TRUE(absl::StrContains(wide->raw(), "\x1b[32m+ began  2025-09-02"))
      << wide->raw();
  wide->Send(".quit\r");
  EXPECT_EQ(wide->WaitExit(), 0);
}

TEST_F(ShellPtyTest, WideTablesAreCutWithAHintToModeLine) {
  auto s = Start(40);
  // #c16, "Power of Siberia 2 memorandum", "seed-article": 49 columns.
  const std::string query =
      "FIND ?c ?x source(?c) WHERE ?c: Gazprom signed ?x AT 2025-09-02;\r";
  s->Send(query);
  ASSERT_TRUE(s->WaitFor("(1 row)")) << s->output();
  ASSERT_TRUE(
      s->WaitFor("(values cut to fit 40 columns; .mode line shows them whole)"))
      << s->output();
  ASSERT_TRUE(s->WaitFor("annals> ")) << s->output();
  std::string out = s->output();
  // The columns' names and the row, between the view and the row count.
  const size_t from = out.find('\n', out.rfind("-- valid at 2025-09-02"));
  const std::string table =
      out.substr(from + 1, out.rfind("(1 row)") - from - 1);
  EXPECT_EQ(table,
            "?c    ?x                    source(?c)\n"
            "#c16  Power of Siberia 2 …  seed-article\n");
  for (absl::string_view line : absl::StrSplit(table, '\n')) {
    EXPECT_LE(output::DisplayWidth(line), 40u) << line;
  }
  // .mode line: every value whole, one per line, no hint.
  s->Send(".mode line\r");
  ASSERT_TRUE(s->WaitFor("annals> ")) << s->output();
  s->Send(query);
  ASSERT_TRUE(
      s->WaitFor("        ?x = Power of Siberia 2 memorandum\n"
                 "source(?c) = seed-article\n"))
      << s->output();
  ASSERT_TRUE(s->WaitFor("annals> ")) << s->output();
  out = s->output();
  EXPECT_EQ(out.find("values cut"), out.rfind("values cut")) << out;
  // A narrow result is not cut and gets no hint.
  s->Send(".mode table\r");
  ASSERT_TRUE(s->WaitFor("annals> ")) << s->output();
  s->Send("FIND ?x WHERE Russia gas_flow_to_china_bcm ?x;\r");
  ASSERT_TRUE(s->WaitFor("(1 row)\n")) << s->output();
  ASSERT_TRUE(s->WaitFor("annals> ")) << s->output();
  out = s->output();
  EXPECT_EQ(out.find("values cut"), out.rfind("values cut")) << out;
  s->Send(".quit\r");
  EXPECT_EQ(s->WaitExit(), 0);
}

}  // namespace
}  // namespace annals::shell_test
