// Tests of completion candidates and of quoting names.
#include "tools/shell/completion.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace annals::shell {
namespace {

using ::testing::ElementsAre;

CompletionWords Words() {
  CompletionWords w;
  w.predicates = {"gas_flow_to_china_bcm", "member_of", "held_in"};
  w.entities = {"Russia",
                "SCO summit 2025",
                "Shanghai Cooperation "
                "Organisation",
                "Tianjin",
                "Say \"hi\"",
                "Find"};
  return w;
}

TEST(CompletionTest, QuoteName) {
  EXPECT_EQ(QuoteName("Russia"), "Russia");
  EXPECT_EQ(QuoteName("gas_flow_to_china_bcm"), "gas_flow_to_china_bcm");
  EXPECT_EQ(QuoteName("SCO summit 2025"), "\"SCO summit 2025\"");
  EXPECT_EQ(QuoteName("2025 plan"), "\"2025 plan\"");
  EXPECT_EQ(QuoteName("Say \"hi\""), "\"Say \\\"hi\\\"\"");
  EXPECT_EQ(QuoteName("Find"), "\"Find\"");  // a keyword
  EXPECT_EQ(QuoteName("a-b"), "\"a-b\"");
}

TEST(CompletionTest, KeywordsInAnyCase) {
  EXPECT_THAT(CompletionCandidates("hist", false, false, Words()),
              ElementsAre("HISTORY"));
  EXPECT_THAT(CompletionCandidates("Fi", false, false, Words()),
              ElementsAre("\"Find\"", "FILTER", "FIND", "FINISHES"));
}

TEST(CompletionTest, PredicatesAndEntities) {
  EXPECT_THAT(CompletionCandidates("gas", false, false, Words()),
              ElementsAre("gas_flow_to_china_bcm"));
  EXPECT_THAT(CompletionCandidates("Ti", false, false, Words()),
              ElementsAre("Tianjin"));
  // Names that need quotes come back quoted.
  EXPECT_THAT(CompletionCandidates("SC", false, false, Words()),
              ElementsAre("\"SCO summit 2025\""));
  EXPECT_THAT(CompletionCandidates("Sh", false, false, Words()),
              ElementsAre("\"Shanghai Cooperation Organisation\""));
}

TEST(CompletionTest, InsideQuotesNamesComeRaw) {
  EXPECT_THAT(CompletionCandidates("SCO s", true, false, Words()),
              ElementsAre("SCO summit 2025"));
  // No keywords inside quotes.
  EXPECT_THAT(CompletionCandidates("Fi", true, false, Words()),
              ElementsAre("Find"));
}

TEST(CompletionTest, DotCommandsAtLineStart) {
  EXPECT_THAT(CompletionCandidates(".ex", false, true, Words()),
              ElementsAre(".exit", ".explain"));
  EXPECT_TRUE(CompletionCandidates(".ex", false, false, Words()).empty());
}

TEST(CompletionTest, NothingForAnEmptyWordButNames) {
  auto all = CompletionCandidates("", false, false, Words());
  EXPECT_EQ(all.size(), 9u);  // 3 predicates + 6 entities, no keywords
}

}  // namespace
}  // namespace annals::shell
