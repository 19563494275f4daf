// The time index's promises, checked without RocksDB over a sorted map of
// its keys: the ranges for a window hold every claim whose possible extent
// overlaps it, each once, and no claim whose extent misses it by a whole day;
// keys and values round-trip, whatever the dates (negative years, open ends,
// dates beyond the tree's span).
#include "engine/time_index.h"

#include <map>
#include <random>
#include <set>

#include "engine/index_entries.h"
#include "gtest/gtest.h"

namespace annals::engine {
namespace {

constexpr int64_t kDay = 86400;

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

// Day windows and extents as Window (seconds, half-open).
Window Days(int64_t first, int64_t last) {
  return {first * kDay, (last + 1) * kDay};
}

class TimeIndexTest : public ::testing::Test {
 protected:
  void Add(const ClaimRecord& row) {
    rows_[row.id] = row;
    ClaimIndexEntries(row, &entries_);
    for (const IndexEntry& e : entries_) {
      if (e.family == Family::kTime) {
        ASSERT_TRUE(keys_.emplace(e.key, e.value).second);
      }
    }
  }

  // The claims the ranges of `window` read, as a multiset of ids.
  std::multiset<uint64_t> Read(TimePosition position, uint64_t term,
                               const Window& window) {
    std::multiset<uint64_t> ids;
    auto ranges = TimeRanges(position, term, window);
    for (size_t i = 0; i < ranges.size(); ++i) {
      EXPECT_LT(ranges[i].first, ranges[i].second);
      if (i > 0) {
        EXPECT_LE(ranges[i - 1].second, ranges[i].first);
      }
      for (auto it = keys_.lower_bound(ranges[i].first);
           it != keys_.end() && it->first < ranges[i].second; ++it) {
        TimeKey k;
        ClaimRecord row;
        EXPECT_TRUE(DecodeTimeKey(it->first, &k));
        EXPECT_TRUE(DecodeTimeEntry(k, it->second, &row));
        EXPECT_EQ(k.term, term);
        ids.insert(row.id);
      }
    }
    return ids;
  }

  std::map<uint64_t, ClaimRecord> rows_;
  std::map<std::string, std::string> keys_;
  std::vector<IndexEntry> entries_;
};

TEST_F(TimeIndexTest, RangesFindExactlyTheOverlappingClaims) {
  std::mt19937 rng(42);
  auto uniform = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  // Days around 1990-2026, a few open ends, some far outside the tree's span
  // (+-23,000 years), some one day long.
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
  int64_t nonempty = 0;
  for (int q = 0; q < 400; ++q) {
    int64_t a = day(), b = uniform(0, 2) == 0 ? a : day();
    if (b < a) std::swap(a, b);
    Window w = Days(a, b);
    if (uniform(0, 19) == 0) w.begin = Window::kMin;
    if (uniform(0, 19) == 0) w.end = Window::kMax;
    std::multiset<uint64_t> got = Read(TimePosition::kSubject, 8 + 1, w);
    EXPECT_EQ(got, Read(TimePosition::kPredicate, 16 + 1, w));
    std::multiset<uint64_t> want;
    for (const auto& [id, row] : rows_) {
      if (row.valid().PossiblyOverlaps(w)) want.insert(id);
    }
    // Exact at day granularity, within the tree's span; beyond it (clamped)
    // extra candidates are allowed but nothing is missed.
    bool far = (w.begin != Window::kMin && w.begin / kDay < -8000000) ||
               (w.end != Window::kMax && w.end / kDay > 8000000);
    for (uint64_t id : want) EXPECT_EQ(got.count(id), 1u) << "claim " << id;
    if (!far) {
      EXPECT_EQ(got, want) << "days " << a << ".." << b;
    }
    if (!got.empty()) ++nonempty;
  }
  EXPECT_GT(nonempty, 100);
}

TEST_F(TimeIndexTest, OtherTermsAreNotRead) {
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
}

TEST_F(TimeIndexTest, EntryRoundTripsEveryField) {
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
    ClaimIndexEntries(row, &entries_);
    int time_entries = 0;
    for (const IndexEntry& e : entries_) {
      if (e.family != Family::kTime) continue;
      ++time_entries;
      TimeKey k;
      ClaimRecord back;
      ASSERT_TRUE(DecodeTimeKey(e.key, &k));
      ASSERT_TRUE(DecodeTimeEntry(k, e.value, &back));
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
      EXPECT_FALSE(DecodeTimeEntry(k, e.value.substr(0, 2), &back));
      EXPECT_FALSE(DecodeTimeKey(
          std::string_view(e.key).substr(0, e.key.size() - 1), &k));
    }
    TreeExtent extent = ExtentOf(row);
    EXPECT_EQ(time_entries, extent.hi > extent.node ? 4 : 2);
  }
}

}  // namespace
}  // namespace annals::engine
