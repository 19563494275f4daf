// Tests of the edit distance and nearest-name suggestions.
#include "query/suggest.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace annals::query {
namespace {

TEST(SuggestTest, EditDistance) {
  EXPECT_EQ(EditDistance("WHERE", "WHERE"), 0u);
  EXPECT_EQ(EditDistance("where", "WHERE"), 0u);  // ASCII case ignored
  EXPECT_EQ(EditDistance("WHRE", "WHERE"), 1u);
  EXPECT_EQ(EditDistance("WHEER", "WHERE"), 1u);  // a swap is one edit
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("abc", ""), 3u);
  EXPECT_EQ(EditDistance("Müller", "Muller"), 1u);  // code points, not bytes
  EXPECT_EQ(EditDistance("北京", "南京"), 1u);
}

TEST(SuggestTest, EditDistanceWithALimit) {
  EXPECT_EQ(EditDistance("abcdef", "uvwxyz", 2), 3u);
  EXPECT_EQ(EditDistance("kitten", "sitting", 2), 3u);
  EXPECT_EQ(EditDistance("kitten", "sitting", 3), 3u);
  EXPECT_EQ(EditDistance("gas_flow_bcm", "gas_flow_bmc", 2), 1u);
  EXPECT_EQ(EditDistance("a", "abcdefgh", 2), 3u);
  // The band agrees with the full table on every pair of short words.
  std::vector<std::string> words = {"",     "a",    "ab",   "ba",   "abc",
                                    "acb",  "bca",  "abcd", "xbcd", "abdc",
                                    "dcba", "aabb", "bbaa"};
  for (const std::string& a : words) {
    for (const std::string& b : words) {
      size_t full = EditDistance(a, b);
      for (size_t limit = 0; limit <= 4; ++limit) {
        EXPECT_EQ(EditDistance(a, b, limit), std::min(full, limit + 1))
            << a << " " << b << " " << limit;
      }
    }
  }
}

TEST(SuggestTest, NearestName) {
  std::vector<std::string_view> keywords = {"FIND", "WHERE", "FILTER", "LIMIT"};
  EXPECT_EQ(NearestName("WHRE", keywords), "WHERE");
  EXPECT_EQ(NearestName("wehre", keywords), "WHERE");
  EXPECT_EQ(NearestName("LIMT", keywords), "LIMIT");
  EXPECT_EQ(NearestName("FILTR", keywords), "FILTER");
  EXPECT_EQ(NearestName("Gazprom", keywords), std::nullopt);
  // Never more edits than the shorter word has characters.
  EXPECT_EQ(NearestName("x", std::vector<std::string_view>{"AT"}),
            std::nullopt);
  EXPECT_EQ(NearestName("AS", std::vector<std::string_view>{"AT"}), "AT");
  EXPECT_EQ(NearestName("", std::vector<std::string_view>{"AT"}), std::nullopt);
  // More than two edits is too far.
  EXPECT_EQ(NearestName("DSTNCT", std::vector<std::string_view>{"DISTINCT"}),
            "DISTINCT");
  EXPECT_EQ(NearestName("DSTNT", std::vector<std::string_view>{"DISTINCT"}),
            std::nullopt);
}

TEST(SuggestTest, NearestOfManyAndTies) {
  std::vector<std::string> predicates = {
      "gas_flow_bcm", "gas_flow_to_china_bcm", "member_of", "signed"};
  EXPECT_EQ(NearestName("gas_flow_bmc", predicates), "gas_flow_bcm");
  EXPECT_EQ(NearestName("membr_of", predicates), "member_of");
  EXPECT_EQ(NearestName("Signed", predicates), "signed");
  // The nearer wins over the first; equally near, the first wins.
  EXPECT_EQ(NearestName("abd", std::vector<std::string>{"xbx", "abc"}), "abc");
  EXPECT_EQ(NearestName("abd", std::vector<std::string>{"abe", "abc"}), "abe");
  Suggester suggester("Gazprm");
  for (int i = 0; i < 1000; ++i)
    suggester.Consider("Entity" + std::to_string(i));
  suggester.Consider("Gazprom");
  suggester.Consider("Gazprom2");
  EXPECT_EQ(suggester.best(), "Gazprom");
}

}  // namespace
}  // namespace annals::query
