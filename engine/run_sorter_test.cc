// RunSorter: in memory and through runs on disk, the same order; and
// ClaimBuffer across chunk boundaries.
#include "engine/run_sorter.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <random>
#include <vector>

#include "engine/claim_buffer.h"
#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"

namespace annals::engine {
namespace {

struct Pair {
  uint64_t key;
  uint32_t payload;
};
struct PairLess {
  bool operator()(const Pair& a, const Pair& b) const {
    return a.key < b.key || (a.key == b.key && a.payload < b.payload);
  }
};

std::vector<Pair> Shuffled(size_t n) {
  std::vector<Pair> v;
  std::mt19937_64 random(7);
  for (size_t i = 0; i < n; ++i) {
    v.push_back({random() % 1000, static_cast<uint32_t>(i)});
  }
  return v;
}

std::vector<Pair> SortedThrough(size_t run_records, const std::string& dir,
                                const std::vector<Pair>& input) {
  RunSorter<Pair, PairLess> sorter(dir, "test", run_records, PairLess{});
  for (const Pair& p : input) EXPECT_TRUE(sorter.Add(p).ok());
  EXPECT_TRUE(sorter.Finish().ok());
  std::vector<Pair> out;
  for (Pair p{}; sorter.Next(&p);) out.push_back(p);
  EXPECT_TRUE(sorter.status().ok());
  EXPECT_EQ(sorter.count(), input.size());
  return out;
}

TEST(RunSorterTest, RunsOnDiskGiveTheSameOrderAsOneSort) {
  test::TempDir temp("run_sorter");
  const std::string dir = temp.path();
  std::vector<Pair> input = Shuffled(10007);
  std::vector<Pair> want = input;
  std::sort(want.begin(), want.end(), PairLess{});
  // 10007: one run on disk and nothing left in memory.
  for (size_t run : {SIZE_MAX, size_t{10007}, size_t{1000}, size_t{3}}) {
    std::vector<Pair> got = SortedThrough(run, dir, input);
    ASSERT_EQ(got.size(), want.size()) << run;
    for (size_t i = 0; i < got.size(); ++i) {
      ASSERT_EQ(got[i].key, want[i].key) << run;
      ASSERT_EQ(got[i].payload, want[i].payload) << run;
    }
  }
  // The runs are gone with their sorters.
  EXPECT_TRUE(std::filesystem::is_empty(dir));
}

TEST(RunSorterTest, NothingToSort) {
  EXPECT_TRUE(SortedThrough(4, "", {}).empty());
}

TEST(RunSorterTest, ResetSortsAnotherSetAndRemovesRuns) {
  test::TempDir temp("run_sorter_reset");
  const std::string dir = temp.path();
  RunSorter<Pair, PairLess> sorter(dir, "test", 100, PairLess{});
  // Small sets stay in memory; 1000 records go through ten runs on disk.
  for (size_t n : {size_t{5}, size_t{1000}, size_t{0}, size_t{37}}) {
    std::vector<Pair> input = Shuffled(n);
    for (const Pair& p : input) ASSERT_TRUE(sorter.Add(p).ok());
    ASSERT_TRUE(sorter.Finish().ok());
    std::vector<Pair> got;
    for (Pair p{}; sorter.Next(&p);) got.push_back(p);
    std::sort(input.begin(), input.end(), PairLess{});
    ASSERT_EQ(got.size(), n);
    for (size_t i = 0; i < n; ++i) {
      EXPECT_EQ(got[i].key, input[i].key);
      EXPECT_EQ(got[i].payload, input[i].payload);
    }
    EXPECT_EQ(sorter.count(), n);
    sorter.Reset();
    EXPECT_EQ(sorter.count(), 0u);
    EXPECT_TRUE(std::filesystem::is_empty(dir)) << n;
  }
}

TEST(ClaimBufferTest, IndexesAndMovesAcrossChunks) {
  ClaimBuffer a, b;
  size_t n = ClaimBuffer::kChunk + 5;
  for (size_t i = 0; i < n; ++i) {
    ClaimRecord r;
    r.row = static_cast<int64_t>(i);
    (i < 10 ? a : b).push_back(r);
  }
  a.MoveFrom(&b);
  EXPECT_TRUE(b.empty());
  ASSERT_EQ(a.size(), n);
  for (size_t i = 0; i < n; ++i) ASSERT_EQ(a[i].row, static_cast<int64_t>(i));
  ClaimBuffer c;  // empty: takes a's chunks
  c.MoveFrom(&a);
  EXPECT_TRUE(a.empty());
  ASSERT_EQ(c.size(), n);
  for (size_t i = 0; i < n; ++i) ASSERT_EQ(c[i].row, static_cast<int64_t>(i));
  a.MoveFrom(&c);
  a.truncate(3);
  a.push_back(ClaimRecord{});
  EXPECT_EQ(a.size(), 4u);
  EXPECT_EQ(a[2].row, 2);
  EXPECT_EQ(a.back().row, 0);
}

}  // namespace
}  // namespace annals::engine
