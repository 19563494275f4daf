// Tests of NameIndex: its answers are the brute-force ones, on hand-picked
// and on random names (with case, non-ASCII characters and shared prefixes).
#include "common/name_index.h"

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "common/edit_distance.h"
#include "gtest/gtest.h"

namespace annals {
namespace {

std::optional<NameIndex::Match> BruteForceSorted(
    const std::vector<std::string>& names, std::string_view word);

// `names` in (folded, bytes) order.
std::vector<std::string> Sorted(std::vector<std::string> names) {
  std::vector<std::pair<std::vector<uint32_t>, std::string>> keyed;
  for (std::string& n : names) keyed.emplace_back(FoldName(n), std::move(n));
  std::sort(keyed.begin(), keyed.end());
  names.clear();
  for (auto& [folded, name] : keyed) names.push_back(std::move(name));
  return names;
}

// The brute-force answer: every name in (folded, bytes) order, the first of
// the nearest within SuggestionLimit.
std::optional<NameIndex::Match> BruteForce(const std::vector<std::string>& all,
                                           std::string_view word) {
  const std::vector<std::string> names = Sorted(all);
  return BruteForceSorted(names, word);
}

std::optional<NameIndex::Match> BruteForceSorted(
    const std::vector<std::string>& names, std::string_view word) {
  const std::vector<uint32_t> w = FoldName(word);
  std::optional<NameIndex::Match> best;
  for (const std::string& name : names) {
    const std::vector<uint32_t> c = FoldName(name);
    size_t allowed = SuggestionLimit(w.size(), c.size());
    if (allowed == SIZE_MAX) continue;
    size_t d = FoldedDistance(w, c, allowed);
    if (d <= allowed && (!best || d < best->distance)) {
      best = NameIndex::Match{name, d};
    }
  }
  return best;
}

std::string Describe(const std::optional<NameIndex::Match>& m) {
  return m ? m->name + " at " + std::to_string(m->distance) : "nothing";
}

TEST(NameIndexTest, FindsTheNearestName) {
  NameIndex index;
  for (const char* name : {"Germany", "Georgia", "Russia", "Gazprom",
                           "Gazprom Neft", "China", "member_of", "Müller"}) {
    index.Add(name);
  }
  EXPECT_EQ(index.size(), 8u);
  auto m = index.Nearest("Germny");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->name, "Germany");
  EXPECT_EQ(m->distance, 1u);
  EXPECT_EQ(index.Nearest("Rusia")->name, "Russia");
  EXPECT_EQ(index.Nearest("russia")->distance, 0u);          // case is ignored
  EXPECT_EQ(index.Nearest("memebr_of")->name, "member_of");  // a swap
  EXPECT_EQ(index.Nearest("Muller")->name, "Müller");
  EXPECT_EQ(index.Nearest("Gazprom Nef")->name, "Gazprom Neft");
  EXPECT_FALSE(index.Nearest("Brazil").has_value());
  EXPECT_FALSE(index.Nearest("").has_value());
  // Fewer edits than the shorter word has characters: `x` is no `China`.
  NameIndex short_names;
  short_names.Add("AT");
  short_names.Add("xy");
  EXPECT_FALSE(short_names.Nearest("x").has_value());
  EXPECT_EQ(short_names.Nearest("AS")->name, "AT");
}

TEST(NameIndexTest, NamesFoldingAlikeKeepTheSmallest) {
  NameIndex index;
  index.Add("gazprom");
  index.Add("Gazprom");
  index.Add("GAZPROM");
  index.Add("Gazprom");  // again
  EXPECT_EQ(index.size(), 1u);
  EXPECT_EQ(index.Nearest("gazprm")->name, "GAZPROM");
}

TEST(NameIndexTest, PrefixesAndTails) {
  NameIndex index;
  // Each added after a longer name that shares its start, and before.
  for (const char* name : {"abcdef", "abc", "abcdefgh", "ab", "abcx", "a"}) {
    index.Add(name);
  }
  EXPECT_EQ(index.size(), 6u);
  for (const char* word : {"abcdeg", "abd", "abcdefg", "b", "abcy", "ax",
                           "abcdefghij", "zbcdefgh"}) {
    EXPECT_EQ(Describe(index.Nearest(word)),
              Describe(BruteForce(
                  {"abcdef", "abc", "abcdefgh", "ab", "abcx", "a"}, word)))
        << word;
  }
}

// Random names from a small alphabet (so that many are near each other),
// with upper case and two-byte characters.
std::string RandomName(std::mt19937_64& rng, size_t max_length) {
  static const std::vector<std::string> kChars = {"a", "b", "c", "d", "e",
                                                  "A", "B", "ü", "é", "_"};
  std::uniform_int_distribution<size_t> length(1, max_length);
  std::uniform_int_distribution<size_t> pick(0, kChars.size() - 1);
  std::string s;
  for (size_t n = length(rng); n > 0; --n) s += kChars[pick(rng)];
  return s;
}

// Changes up to three characters of `s` (a likely misspelling).
std::string Misspell(std::mt19937_64& rng, std::string s) {
  std::uniform_int_distribution<int> edits(0, 3), kind(0, 3);
  for (int e = edits(rng); e > 0 && !s.empty(); --e) {
    std::uniform_int_distribution<size_t> at(0, s.size() - 1);
    size_t i = at(rng);
    switch (kind(rng)) {
      case 0:
        s.erase(i, 1);
        break;
      case 1:
        s.insert(i, 1, 'c');
        break;
      case 2:
        s[i] = 'd';
        break;
      default:
        if (i + 1 < s.size()) std::swap(s[i], s[i + 1]);
    }
  }
  return s;
}

TEST(NameIndexTest, AgreesWithBruteForceOnRandomNames) {
  std::mt19937_64 rng(17);
  for (size_t max_length : {3, 6, 12}) {
    NameIndex index;
    std::vector<std::string> names;
    for (int i = 0; i < 2000; ++i) {
      names.push_back(RandomName(rng, max_length));
      index.Add(names.back());
    }
    const std::vector<std::string> sorted = Sorted(names);
    std::uniform_int_distribution<size_t> pick(0, names.size() - 1);
    for (int q = 0; q < 600; ++q) {
      // Misspelt names, fresh random words, and a few invalid bytes.
      std::string word = q % 3 == 0    ? RandomName(rng, max_length + 2)
                         : q % 50 == 1 ? names[pick(rng)] + "\xff"
                                       : Misspell(rng, names[pick(rng)]);
      ASSERT_EQ(Describe(index.Nearest(word)),
                Describe(BruteForceSorted(sorted, word)))
          << "word '" << word << "', names up to " << max_length;
    }
  }
}

TEST(NameIndexTest, GrowsAsNamesAreAdded) {
  NameIndex index;
  index.Add("Russia");
  EXPECT_FALSE(index.Nearest("Rusland").has_value());
  index.Add("Rusland");
  EXPECT_EQ(index.Nearest("Ruslnd")->name, "Rusland");
  EXPECT_EQ(index.Nearest("Rusia")->name, "Russia");
}

}  // namespace
}  // namespace annals
