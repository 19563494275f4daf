// Batch records in both formats, and the row bases read back from a store.
#include "engine/batch_meta.h"

#include <cstdint>
#include <limits>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"

namespace annals::engine {
namespace {

bool operator==(const RowBase& a, const RowBase& b) {
  return a.first_claim == b.first_claim && a.first_row == b.first_row;
}

TEST(BatchMetaTest, Format2KeepsItsThreeFields) {
  BatchMeta meta{1764720000, 131, {900, 2}, "datasets/sco2025.tsv"};
  EXPECT_EQ(EncodeBatchMeta(meta, 2), "1764720000\t131\tdatasets/sco2025.tsv");
  std::optional<BatchMeta> back =
      DecodeBatchMeta("1764720000\t131\tdatasets/sco2025.tsv", 2);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->load_time, 1764720000);
  EXPECT_EQ(back->claims_added, 131);
  EXPECT_TRUE(back->base == RowBase{}) << "format 2 has no base";
  EXPECT_EQ(back->file, "datasets/sco2025.tsv");
}

TEST(BatchMetaTest, Format3RoundTripsWithPathsHoldingTabs) {
  for (const char* file : {"a.tsv", "", "with\ttabs\tin it.tsv", "-\t1\t2"}) {
    BatchMeta meta{-5, 0, {std::numeric_limits<uint64_t>::max(), -7}, file};
    std::string value = EncodeBatchMeta(meta, 3);
    std::optional<BatchMeta> back = DecodeBatchMeta(value, 3);
    ASSERT_TRUE(back.has_value()) << value;
    EXPECT_EQ(back->load_time, -5);
    EXPECT_EQ(back->claims_added, 0);
    EXPECT_TRUE(back->base == meta.base);
    EXPECT_EQ(back->file, file);
  }
  std::optional<BatchMeta> back =
      DecodeBatchMeta("1764720000\t131\t900\t2\tx.tsv", 3);
  ASSERT_TRUE(back.has_value());
  EXPECT_TRUE((back->base == RowBase{900, 2}));
}

TEST(BatchMetaTest, WhatIsNotARecordIsRefused) {
  for (const char* value :
       {"", "1764720000", "1764720000\t131", "x\t131\tf", "1\ty\tf",
        "1\t2\t3.5\t4\tf", "1\t2\t-3\t4\tf", "1\t2\t3\tz\tf", "1\t2\t3\t4"}) {
    EXPECT_FALSE(DecodeBatchMeta(value, 3).has_value()) << value;
  }
  EXPECT_FALSE(DecodeBatchMeta("1\t2", 2).has_value());
  EXPECT_TRUE(DecodeBatchMeta("1\t2\t", 2).has_value()) << "an empty path";
}

class RowBasesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto rocks = Rocks::Open(temp_.Join("db"), Options());
    ASSERT_TRUE(rocks.ok()) << rocks.status();
    rocks_ = *std::move(rocks);
  }
  void Put(uint64_t batch, std::string_view value) {
    RocksBatch b;
    b.Put(Family::kMeta, BatchMetaKey(batch), value);
    ASSERT_TRUE(rocks_->Write(&b).ok());
  }

  test::TempDir temp_{"batch_meta"};
  std::unique_ptr<Rocks> rocks_;
};

TEST_F(RowBasesTest, ReadsEachBatchOnceAndKeepsIt) {
  Put(1, EncodeBatchMeta({10, 3, {1, 2}, "a.tsv"}, 3));
  Put(2, EncodeBatchMeta({11, 5, {4, 2}, "b.tsv"}, 3));
  RowBases bases(rocks_.get());
  absl::StatusOr<RowBase> first = bases.Get(1, nullptr);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_TRUE((*first == RowBase{1, 2}));
  absl::StatusOr<RowBase> second = bases.Get(2, nullptr);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_TRUE((*second == RowBase{4, 2}));
  // Records never change: a kept base is not read again.
  Put(1, "damaged");
  first = bases.Get(1, nullptr);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_TRUE((*first == RowBase{1, 2}));
}

TEST_F(RowBasesTest, AMissingOrDamagedRecordIsDataLossNamingTheBatch) {
  Put(7, "1\t2\tnot a format-3 record");
  RowBases bases(rocks_.get());
  absl::Status missing = bases.Get(6, nullptr).status();
  EXPECT_EQ(missing.code(), absl::StatusCode::kDataLoss);
  EXPECT_TRUE(absl::StrContains(missing.message(), "load batch 6 is missing"))
      << missing;
  absl::Status damaged = bases.Get(7, nullptr).status();
  EXPECT_EQ(damaged.code(), absl::StatusCode::kDataLoss);
  EXPECT_TRUE(
      absl::StrContains(damaged.message(), "load batch 7 is unreadable"))
      << damaged;
}

}  // namespace
}  // namespace annals::engine
