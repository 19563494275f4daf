// Format 3's time index by length class, checked without RocksDB over a
// sorted map of its keys: a window's ranges read every claim whose possible
// extent overlaps it, each once, never one that starts after it, and only
// claims of the window's classes that ended shortly before it; keys and
// values round-trip whatever the dates (negative years, open ends, dates
// beyond the tree's span); damaged keys and values are refused.
#include "engine/time_classes.h"

#include <map>
#include <random>
#include <set>

#include "engine/key_codec.h"
#include "gtest/gtest.h"

namespace annals::engine {
namespace {

constexpr int64_t kDay = 86400;
constexpr TimePosition kAll[] = {
    TimePosition::kSubject, TimePosition::kPredicate, TimePosition::kObject};

ClaimRecord Row(uint64_t id, std::optional<int64_t> from_day,
                std::optional<int64_t> to_day) {
  ClaimRecord r;
  r.id = id;
  r.s = 8 + 1;
  r.p = 16 + 1;
  r.o = 24 + 1 + 8 * id;
  if (from_day) r.from = {*from_day * kDay, 3};
  if (to_day) r.to = {*to_day * kDay, 3};
  r.recorded = 20000 * kDay;
  r.recorded_precision = 3;
  return r;
}

Window Days(int64_t first, int64_t last) {
  return {first * kDay, (last + 1) * kDay};
}

class TimeClassesTest : public ::testing::Test {
 protected:
  void Add(const ClaimRecord& row) {
    rows_[row.id] = row;
    std::string value;
    EncodeIndexValue(row, &value);
    for (TimePosition position : kAll) {
      std::string key, entry;
      EncodeClassKey(position, row, &key);
      EncodeClassValue(position, row, value, &entry);
      ASSERT_TRUE(keys_.emplace(key, entry).second);
    }
  }

  // The claims the ranges of `window` read, as a multiset of ids.
  std::multiset<uint64_t> Read(TimePosition position, uint64_t term,
                               const Window& window) {
    std::multiset<uint64_t> ids;
    auto ranges = ClassRanges(position, term, window);
    for (size_t i = 0; i < ranges.size(); ++i) {
      EXPECT_LE(ranges[i].first, ranges[i].second);
      if (i > 0) {
        EXPECT_LE(ranges[i - 1].second, ranges[i].first);
      }
      for (auto it = keys_.lower_bound(ranges[i].first);
           it != keys_.end() && it->first < ranges[i].second; ++it) {
        ClassKey k;
        ClaimRecord row;
        EXPECT_TRUE(DecodeClassKey(it->first, &k));
        EXPECT_TRUE(DecodeClassEntry(k, it->second, &row));
        EXPECT_EQ(k.term, term);
        EXPECT_EQ(k.position, position);
        ids.insert(row.id);
      }
    }
    return ids;
  }

  std::map<uint64_t, ClaimRecord> rows_;
  std::map<std::string, std::string> keys_;
};

TEST_F(TimeClassesTest, RangesFindEveryOverlappingClaimAndFewOthers) {
  std::mt19937 rng(42);
  auto uniform = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  auto day = [&]() -> int64_t {
    switch (uniform(0, 19)) {
      case 0:
        return uniform(-20000000, 20000000);
      case 1:
        return uniform(-9000000, -8000000);
      default:
        return uniform(7300, 20500);
    }
  };
  for (uint64_t id = 1; id <= 2000; ++id) {
    std::optional<int64_t> from, to;
    if (uniform(0, 9) > 0) from = day();
    if (uniform(0, 4) > 0) {
      int64_t base = from.value_or(day());
      to = base + (uniform(0, 1) ? 1 : uniform(1, 3000));
    }
    if (from && to && *to <= *from) to = *from + 1;
    Add(Row(id, from, to));
  }
  int64_t nonempty = 0, read = 0, answers = 0;
  for (int q = 0; q < 400; ++q) {
    int64_t a = day(), b = uniform(0, 2) == 0 ? a : day();
    if (b < a) std::swap(a, b);
    Window w = Days(a, b);
    if (uniform(0, 19) == 0) w.begin = Window::kMin;
    if (uniform(0, 19) == 0) w.end = Window::kMax;
    std::multiset<uint64_t> got = Read(TimePosition::kSubject, 8 + 1, w);
    EXPECT_EQ(got, Read(TimePosition::kPredicate, 16 + 1, w));
    for (const auto& [id, row] : rows_) {
      const bool overlaps = row.valid().PossiblyOverlaps(w);
      if (overlaps) {
        EXPECT_EQ(got.count(id), 1u) << "claim " << id;
        ++answers;
      } else if (got.count(id) > 0) {
        // An extra candidate ended before the window (within its class's
        // reach), or lies beyond the tree's span where days clamp.
        TreeExtent x = ExtentOf(row);
        auto [wa, wb] = WindowTreeDays(w);
        const bool clamped = x.lo == 1 || x.hi == (1u << 24) - 1 || wa == 1 ||
                             wb == (1u << 24) - 1;
        EXPECT_TRUE(clamped || (x.lo <= wb && x.hi < wa &&
                                wa - x.hi <= (1u << LengthClass(x))))
            << "claim " << id << " days " << a << ".." << b;
      }
    }
    read += static_cast<int64_t>(got.size());
    if (!got.empty()) ++nonempty;
  }
  EXPECT_GT(nonempty, 100);
  // Reads stay within a small factor of the answers.
  EXPECT_LT(read, 2 * answers);
}

TEST_F(TimeClassesTest, LengthClassIsTheBitWidthOfTheLength) {
  EXPECT_EQ(LengthClass({100, 100}), 0);
  EXPECT_EQ(LengthClass({100, 101}), 1);
  EXPECT_EQ(LengthClass({100, 102}), 2);
  EXPECT_EQ(LengthClass({100, 103}), 2);
  EXPECT_EQ(LengthClass({100, 104}), 3);
  EXPECT_EQ(LengthClass({1, (1u << 24) - 2}), 24);
  EXPECT_EQ(LengthClass({100, (1u << 24) - 1}), kOpenClass);
}

TEST_F(TimeClassesTest, OtherTermsAreNotRead) {
  ClaimRecord mine = Row(1, 100, 200), other = Row(2, 100, 200);
  other.s = 8 * 7 + 1;
  other.p = 8 * 9 + 1;
  Add(mine);
  Add(other);
  EXPECT_EQ(Read(TimePosition::kSubject, mine.s, Days(150, 150)),
            std::multiset<uint64_t>{1});
  EXPECT_EQ(Read(TimePosition::kPredicate, other.p, Days(0, 1000)),
            std::multiset<uint64_t>{2});
  EXPECT_TRUE(Read(TimePosition::kSubject, mine.s, {5, 5}).empty());
  EXPECT_TRUE(Read(TimePosition::kSubject, mine.s, Days(300, 400)).empty());
  EXPECT_EQ(Read(TimePosition::kObject, other.o, Days(0, 1000)),
            std::multiset<uint64_t>{2});
}

TEST_F(TimeClassesTest, EntryRoundTripsEveryField) {
  for (auto [from, to] :
       std::vector<std::pair<std::optional<int64_t>, std::optional<int64_t>>>{
           {std::nullopt, std::nullopt},
           {20333, 20334},
           {-800000, std::nullopt},
           {std::nullopt, -3},
           {-30000000, 30000000}}) {
    ClaimRecord row = Row(77, from, to);
    if (from) row.from.seconds += 3600;  // not midnight
    row.from.precision = from ? 4 : 0;
    row.source = 8 * 5 + 2;
    row.confidence = 0.25;
    row.retracted = 21000 * kDay;
    std::string value;
    EncodeIndexValue(row, &value);
    for (TimePosition position : kAll) {
      std::string key, entry;
      EncodeClassKey(position, row, &key);
      EncodeClassValue(position, row, value, &entry);
      ClassKey k;
      ClaimRecord back;
      ASSERT_TRUE(DecodeClassKey(key, &k));
      EXPECT_EQ(k.length_class, LengthClass(ExtentOf(row)));
      EXPECT_EQ(k.lo, ExtentOf(row).lo);
      ASSERT_TRUE(DecodeClassEntry(k, entry, &back));
      EXPECT_EQ(back.id, row.id);
      EXPECT_EQ(back.s, row.s);
      EXPECT_EQ(back.p, row.p);
      EXPECT_EQ(back.o, row.o);
      EXPECT_TRUE(back.from == row.from);
      EXPECT_TRUE(back.to == row.to);
      EXPECT_EQ(back.recorded, row.recorded);
      EXPECT_EQ(back.retracted, row.retracted);
      EXPECT_EQ(back.source, row.source);
      EXPECT_DOUBLE_EQ(back.confidence, row.confidence);
      // A truncated value or key is refused, not misread.
      EXPECT_FALSE(DecodeClassEntry(k, entry.substr(0, 2), &back));
      EXPECT_FALSE(
          DecodeClassKey(std::string_view(key).substr(0, key.size() - 1), &k));
    }
  }
}

TEST_F(TimeClassesTest, DamagedKeysAreRefused) {
  std::string key;
  EncodeClassKey(TimePosition::kSubject, Row(5, 100, 200), &key);
  ClassKey k;
  ASSERT_TRUE(DecodeClassKey(key, &k));
  std::string bad = key;
  bad[0] = 'x';  // no such position
  EXPECT_FALSE(DecodeClassKey(bad, &k));
  bad = key;
  bad[3] = 25;  // no such class (after 's' and the 2-byte id 01 09)
  EXPECT_FALSE(DecodeClassKey(bad, &k));
  bad = key;
  bad[4] = bad[5] = bad[6] = 0;  // tree day 0 is not a day
  EXPECT_FALSE(DecodeClassKey(bad, &k));
  EXPECT_FALSE(DecodeClassKey(key + "x", &k));
  EXPECT_FALSE(DecodeClassKey("", &k));
}

}  // namespace
}  // namespace annals::engine
