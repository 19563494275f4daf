// Tests of StatementSplitter: `;` and blank lines end statements, quotes
// and comments hide `;`, and statements keep their line and column.
#include "tools/shell/statement_splitter.h"

#include "gtest/gtest.h"

namespace annals::shell {
namespace {

TEST(StatementSplitterTest, SemicolonEndsAStatement) {
  StatementSplitter s;
  auto done = s.AddLine("FIND ?x WHERE a b ?x;");
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].text, "FIND ?x WHERE a b ?x");
  EXPECT_EQ(done[0].line, 1);
  EXPECT_EQ(done[0].column, 1);
  EXPECT_FALSE(s.pending());
}

TEST(StatementSplitterTest, MultiLineUntilSemicolon) {
  StatementSplitter s;
  EXPECT_TRUE(s.AddLine("FIND ?x").empty());
  EXPECT_TRUE(s.pending());
  EXPECT_TRUE(s.AddLine("  WHERE a b ?x").empty());
  auto done = s.AddLine(";");
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].text, "FIND ?x\n  WHERE a b ?x\n");
  EXPECT_EQ(done[0].line, 1);
}

TEST(StatementSplitterTest, BlankLineEndsAStatement) {
  StatementSplitter s;
  s.AddLine("");
  s.AddLine("  HISTORY Russia");
  auto done = s.AddLine("   ");
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].text, "HISTORY Russia\n");
  EXPECT_EQ(done[0].line, 2);
  EXPECT_EQ(done[0].column, 3);
}

TEST(StatementSplitterTest, SeveralOnOneLine) {
  StatementSplitter s;
  auto done = s.AddLine("HISTORY a; HISTORY b;HISTORY c");
  ASSERT_EQ(done.size(), 2u);
  EXPECT_EQ(done[0].text, "HISTORY a");
  EXPECT_EQ(done[1].text, "HISTORY b");
  EXPECT_EQ(done[1].column, 12);
  EXPECT_TRUE(s.pending());
  auto last = s.Finish();
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->text, "HISTORY c\n");
  EXPECT_EQ(last->column, 22);
}

TEST(StatementSplitterTest, QuotesAndCommentsHideSemicolons) {
  StatementSplitter s;
  EXPECT_TRUE(s.AddLine("HISTORY \"a; b\" -- c; d").empty());
  EXPECT_TRUE(s.pending());
  // A blank line inside quotes does not end the statement.
  EXPECT_TRUE(s.AddLine("FIND \"x").empty());
  EXPECT_TRUE(s.AddLine("").empty());
  auto done = s.AddLine("y\\\"\";");
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].text, "HISTORY \"a; b\" -- c; d\nFIND \"x\n\ny\\\"\"");
}

TEST(StatementSplitterTest, CommentsAndEmptyStatementsAloneAreNothing) {
  StatementSplitter s;
  EXPECT_TRUE(s.AddLine("-- a comment; still").empty());
  EXPECT_TRUE(s.AddLine(" ;; ").empty());
  EXPECT_FALSE(s.pending());
  EXPECT_FALSE(s.Finish().has_value());
  EXPECT_EQ(s.lines(), 2);
}

}  // namespace
}  // namespace annals::shell
