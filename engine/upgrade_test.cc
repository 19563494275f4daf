// UpgradeStore (engine/upgrade.h) on a small format-2 store written entry
// by entry (tests/support/format2_store.h): the format-3 store it leaves,
// checked entry by entry against ClaimEntries, and its refusals, each of
// which leaves the store as it was.
#include "engine/upgrade.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/absl_view.h"
#include "engine/batch_meta.h"
#include "engine/check.h"
#include "engine/claim_record.h"
#include "engine/clustered_record.h"
#include "engine/index_entries.h"
#include "engine/key_codec.h"
#include "engine/rocks.h"
#include "engine/store.h"
#include "engine/write_txn.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/format2_store.h"
#include "tests/support/temp_dir.h"

namespace annals::engine {
namespace {

namespace fs = std::filesystem;
using test::StoreEntries;

constexpr int64_t kDay = 86400;
constexpr int64_t kLoadTime = 1795876800;  // 2026-11-28T14:40:00Z
constexpr int kBigClaims = 70;             // > kSmallSubjectClaims

int64_t DayOf(int year, int month, int day) {
  return TimePoint::FromCivil(year, month, day).seconds;
}

ClaimRecord Claim(uint64_t s, uint64_t p, uint64_t o, int64_t from,
                  uint64_t batch, int64_t row) {
  ClaimRecord r;
  r.s = s;
  r.p = p;
  r.o = o;
  r.from = {from, static_cast<uint8_t>(Precision::kDay)};
  r.to = {from + kDay, static_cast<uint8_t>(Precision::kDay)};
  r.recorded = from;
  r.recorded_precision = static_cast<uint8_t>(Precision::kDay);
  r.batch = batch;
  r.row = row;
  return r;
}

// The format-2 store of these tests: a subject with more than 64 claims
// (loaded, then asserted), small ones, claims of two loads (batches 1 and
// 2, the second starting at row 10) and of ordinary writes (batch 0), one
// retracted, a string and an integer object, an open valid_from, and a
// load batch with no claims (3). Returns the claims with their ids.
std::vector<ClaimRecord> WriteStore(const std::string& dir) {
  auto w = test::Format2Writer::Create(dir);
  EXPECT_TRUE(w.ok()) << w.status();
  if (!w.ok()) return {};
  test::Format2Writer& f = **w;
  std::vector<ClaimRecord> rows;
  const uint64_t big = f.Term(Value::Entity("Big"));
  const uint64_t small = f.Term(Value::Entity("Small"));
  const uint64_t other = f.Term(Value::Entity("Other"));
  const uint64_t measured = f.Term(Value::Entity("measured"));
  const uint64_t knows = f.Term(Value::Entity("knows"));
  const uint64_t name = f.Term(Value::Entity("name"));
  const uint64_t source = f.Term(Value::String("big.tsv"));

  const uint64_t first = f.NewBatch("big.tsv", kLoadTime);
  for (int i = 0; i < kBigClaims; ++i) {
    ClaimRecord r = Claim(big, measured, f.Term(Value::Integer(i)),
                          DayOf(2000, 1, 1) + i * kDay, first, i + 2);
    r.source = source;
    rows.push_back(f.Add(r));
  }
  rows.push_back(f.Add(Claim(small, name, f.Term(Value::String("a name")),
                             DayOf(2010, 5, 1), 0, 0)));
  ClaimRecord open = Claim(small, knows, big, 0, 0, 0);
  open.from = {};  // open valid_from
  rows.push_back(f.Add(open));
  ClaimRecord retracted = Claim(other, knows, small, DayOf(2011, 2, 3), 0, 0);
  retracted.retracted = DayOf(2026, 1, 1);
  rows.push_back(f.Add(retracted));
  const uint64_t second = f.NewBatch("second\tfile.tsv", kLoadTime + 60);
  for (int i = 0; i < 4; ++i) {
    rows.push_back(f.Add(Claim(i % 2 ? big : other, knows, small,
                               DayOf(2020, 1, 1 + i), second, 10 + i)));
  }
  f.NewBatch("empty.tsv", kLoadTime + 120);
  rows.push_back(
      f.Add(Claim(big, knows, other, DayOf(2021, 3, 4), 0, 0)));  // asserted
  EXPECT_TRUE(f.Finish().ok());
  return rows;
}

StoreEntries Read(const std::string& dir) {
  auto entries = test::ReadStoreEntries(dir);
  EXPECT_TRUE(entries.ok()) << entries.status();
  return entries.ok() ? *entries : StoreEntries();
}

// The names beside `dir` that an upgrade of it writes.
std::vector<std::string> Leftovers(const std::string& dir) {
  std::vector<std::string> found;
  const fs::path p(dir);
  for (const auto& e : fs::directory_iterator(p.parent_path())) {
    std::string name = e.path().filename().string();
    if (absl::StartsWith(name, p.filename().string() + ".upgrade-")) {
      found.push_back(name);
    }
  }
  return found;
}

class UpgradeTest : public testing::Test {
 protected:
  void SetUp() override { rows_ = WriteStore(store_); }

  test::TempDir dir_{"annals_upgrade"};
  std::string store_ = dir_.Join("store");
  std::vector<ClaimRecord> rows_;
};

// The upgraded store is one this build opens: check finds nothing wrong,
// every claim reads back as it was (its row too), and writes go on.
TEST_F(UpgradeTest, TheUpgradedStoreOpensChecksAndReadsEveryClaim) {
  {
    auto refused = Store::Open(store_, Options{});
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(absl::StrContains(refused.status().message(),
                                  absl::StrCat("annals upgrade ", store_)))
        << refused.status();
  }
  absl::StatusOr<UpgradeResult> result = UpgradeStore(store_);
  ASSERT_TRUE(result.ok()) << result.status();
  auto store = Store::Open(store_, Options{});
  ASSERT_TRUE(store.ok()) << store.status();
  auto report = CheckStore(store->get());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_TRUE(report->ok()) << absl::StrJoin(report->problems, "\n");
  EXPECT_EQ(report->claims, static_cast<int64_t>(rows_.size()));
  for (const ClaimRecord& want : rows_) {
    auto got = (*store)->GetClaim(want.id, nullptr);
    ASSERT_TRUE(got.ok()) << got.status();
    EXPECT_EQ(EncodeClaimRecord(*got), EncodeClaimRecord(want)) << want.id;
  }
  {
    WriteTxn txn(store->get());
    ClaimRecord more = rows_.back();
    ASSERT_TRUE(txn.Assert(&more).ok());
    ASSERT_TRUE(txn.Commit().ok());
  }
  report = CheckStore(store->get());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_TRUE(report->ok()) << absl::StrJoin(report->problems, "\n");
}

TEST_F(UpgradeTest, WritesEveryFormat3EntryAndNothingElse) {
  ASSERT_EQ(rows_.size(), kBigClaims + 3 + 4 + 1);
  const StoreEntries before = Read(store_);
  // What a killed upgrade leaves: removed.
  const std::string stale = UpgradeDir(store_, 999999);
  fs::create_directories(stale + "/sub");
  test::WriteFileIn(stale, "CURRENT", "x");
  // A copy of a damaged write-ahead log (`annals check --repair`): kept.
  const std::string kept = store_ + "/damaged-wal-1795876800";
  fs::create_directory(kept);
  test::WriteFileIn(kept, "000003.log", "kept");

  absl::StatusOr<UpgradeResult> result = UpgradeStore(store_);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->upgraded);
  EXPECT_EQ(result->claims, static_cast<int64_t>(rows_.size()));
  EXPECT_GT(result->bytes_before, 0);
  EXPECT_GT(result->bytes_after, 0);
  EXPECT_THAT(Leftovers(store_), testing::IsEmpty());
  EXPECT_EQ(test::ReadFile(kept + "/000003.log"), "kept");

  // Each claim's entries as ClaimEntries gives them, with its batch's
  // base (its first claim and row) and whether its subject has more than
  // 64 claims.
  std::map<uint64_t, int> subject_claims;
  std::map<uint64_t, RowBase> bases;
  for (const ClaimRecord& r : rows_) {
    ++subject_claims[r.s];
    if (r.batch != 0) bases.try_emplace(r.batch, RowBase{r.id, r.row});
  }
  ASSERT_EQ(bases.size(), 2u);
  EXPECT_EQ(bases[2].first_row, 10);
  std::map<std::string, std::vector<std::pair<std::string, std::string>>>
      expected;
  std::vector<IndexEntry> entries;
  int subject_indexed = 0;
  for (const ClaimRecord& r : rows_) {
    const bool big = subject_claims[r.s] > kSmallSubjectClaims;
    subject_indexed += big;
    ClaimEntries(r, r.batch == 0 ? RowBase() : bases[r.batch], big, &entries);
    for (const IndexEntry& e : entries) {
      expected[FamilyName(e.family)].emplace_back(e.key, e.value);
    }
  }
  EXPECT_EQ(subject_indexed, kBigClaims + 3);
  for (auto& [family, list] : expected) std::sort(list.begin(), list.end());

  const StoreEntries after = Read(store_);
  for (Family f : {Family::kClaims, Family::kSpo, Family::kTime}) {
    SCOPED_TRACE(FamilyName(f));
    const auto& got = after.at(FamilyName(f));
    EXPECT_EQ(got.size(), expected[FamilyName(f)].size());
    EXPECT_TRUE(got == expected[FamilyName(f)]);
  }
  EXPECT_EQ(after.at("claims").size(), rows_.size());
  EXPECT_EQ(after.at("spo").size(), rows_.size());
  EXPECT_THAT(after.at("pos"), testing::IsEmpty());
  EXPECT_THAT(after.at("osp"), testing::IsEmpty());
  EXPECT_EQ(after.at("terms"), before.at("terms"));
  EXPECT_EQ(after.at("term_ids"), before.at("term_ids"));

  // meta: the same keys; format 3, and batch records with their bases.
  const auto& old_meta = before.at("meta");
  const auto& meta = after.at("meta");
  ASSERT_EQ(meta.size(), old_meta.size());
  int batches = 0;
  for (size_t i = 0; i < meta.size(); ++i) {
    const auto& [key, value] = meta[i];
    SCOPED_TRACE(key);
    ASSERT_EQ(key, old_meta[i].first);
    if (key == kMetaFormatVersion) {
      EXPECT_EQ(value, "3");
    } else if (absl::StartsWith(key, AbslView(kMetaBatchPrefix))) {
      std::string_view id_bytes(key);
      id_bytes.remove_prefix(kMetaBatchPrefix.size());
      uint64_t batch = 0;
      ASSERT_TRUE(GetId(&id_bytes, &batch));
      auto now = DecodeBatchMeta(value, 3);
      auto was = DecodeBatchMeta(old_meta[i].second, 2);
      ASSERT_TRUE(now.has_value() && was.has_value());
      EXPECT_EQ(now->load_time, was->load_time);
      EXPECT_EQ(now->claims_added, was->claims_added);
      EXPECT_EQ(now->file, was->file);
      EXPECT_EQ(now->base.first_claim, bases[batch].first_claim);
      EXPECT_EQ(now->base.first_row, bases[batch].first_row);
      EXPECT_EQ(EncodeBatchMeta(*now, 3), value);
      ++batches;
    } else {
      EXPECT_EQ(value, old_meta[i].second);
    }
  }
  EXPECT_EQ(batches, 3);
}

TEST_F(UpgradeTest, AStoreInFormat3IsLeftAsItIs) {
  ASSERT_TRUE(UpgradeStore(store_).ok());
  const StoreEntries upgraded = Read(store_);
  absl::StatusOr<UpgradeResult> again = UpgradeStore(store_);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_FALSE(again->upgraded);
  EXPECT_EQ(again->claims, 0);
  EXPECT_TRUE(Read(store_) == upgraded);
  EXPECT_THAT(Leftovers(store_), testing::IsEmpty());
}

TEST_F(UpgradeTest, UpgradesThroughATrailingSlashAndASymlink) {
  const std::string link = dir_.Join("link");
  fs::create_directory_symlink(store_, link);
  absl::StatusOr<UpgradeResult> result = UpgradeStore(link + "/");
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->upgraded);
  EXPECT_TRUE(fs::is_symlink(link));
  auto rocks = Rocks::Open(store_, Options());
  ASSERT_TRUE(rocks.ok()) << rocks.status();
  EXPECT_EQ(*(*rocks)->Get(Family::kMeta, kMetaFormatVersion, nullptr), "3");
  rocks->reset();
  EXPECT_THAT(Leftovers(store_), testing::IsEmpty());
}

TEST_F(UpgradeTest, ADamagedRecordIsDataLossNamingTheClaim) {
  {
    auto rocks = Rocks::Open(store_, Options());
    ASSERT_TRUE(rocks.ok()) << rocks.status();
    RocksBatch batch;
    batch.Put(Family::kClaims, IdKey(5), "\x01\x02garbage");
    ASSERT_TRUE((*rocks)->Write(&batch).ok());
  }
  const StoreEntries before = Read(store_);
  absl::StatusOr<UpgradeResult> result = UpgradeStore(store_);
  EXPECT_TRUE(absl::IsDataLoss(result.status())) << result.status();
  EXPECT_TRUE(absl::StrContains(result.status().message(), "#c5"))
      << result.status();
  EXPECT_TRUE(Read(store_) == before);
  EXPECT_THAT(Leftovers(store_), testing::IsEmpty());
}

TEST_F(UpgradeTest, ADamagedOrMissingBatchRecordIsDataLoss) {
  const std::string missing =
      absl::StrCat("claim #c", kBigClaims + 4,
                   " comes from load batch 2, which has no "
                   "record");
  for (bool damage : {true, false}) {
    {
      auto rocks = Rocks::Open(store_, Options());
      ASSERT_TRUE(rocks.ok()) << rocks.status();
      RocksBatch batch;
      if (damage) {
        batch.Put(Family::kMeta, BatchMetaKey(2), "not a batch record");
      } else {
        batch.Delete(Family::kMeta, BatchMetaKey(2));
      }
      ASSERT_TRUE((*rocks)->Write(&batch).ok());
    }
    const StoreEntries before = Read(store_);
    absl::StatusOr<UpgradeResult> result = UpgradeStore(store_);
    EXPECT_TRUE(absl::IsDataLoss(result.status())) << result.status();
    EXPECT_TRUE(absl::StrContains(result.status().message(),
                                  damage ? "the load batch record" : missing))
        << result.status();
    EXPECT_TRUE(Read(store_) == before);
    EXPECT_THAT(Leftovers(store_), testing::IsEmpty());
  }
}

TEST_F(UpgradeTest, AStoreOpenForWritingIsRefused) {
  const StoreEntries before = Read(store_);
  {
    auto holder = Rocks::Open(store_, Options());
    ASSERT_TRUE(holder.ok()) << holder.status();
    absl::StatusOr<UpgradeResult> result = UpgradeStore(store_);
    EXPECT_TRUE(absl::IsFailedPrecondition(result.status())) << result.status();
    EXPECT_TRUE(
        absl::StrContains(result.status().message(), "open for writing"))
        << result.status();
    EXPECT_FALSE(absl::StrContains(result.status().message(), "read-only"))
        << result.status();
  }
  EXPECT_TRUE(Read(store_) == before);
  EXPECT_THAT(Leftovers(store_), testing::IsEmpty());
}

TEST_F(UpgradeTest, OtherFormatVersionsAreRefusedNamingThem) {
  for (const char* version : {"1", "4", "x", ""}) {
    {
      auto rocks = Rocks::Open(store_, Options());
      ASSERT_TRUE(rocks.ok()) << rocks.status();
      RocksBatch batch;
      if (*version == '\0') {
        batch.Delete(Family::kMeta, kMetaFormatVersion);
      } else {
        batch.Put(Family::kMeta, kMetaFormatVersion, version);
      }
      ASSERT_TRUE((*rocks)->Write(&batch).ok());
    }
    const StoreEntries before = Read(store_);
    absl::StatusOr<UpgradeResult> result = UpgradeStore(store_);
    EXPECT_TRUE(absl::IsFailedPrecondition(result.status())) << result.status();
    EXPECT_TRUE(absl::StrContains(
        result.status().message(),
        *version ? absl::StrCat("'", version, "'") : "no format version"))
        << result.status();
    EXPECT_TRUE(Read(store_) == before);
  }
}

TEST(UpgradeRefusalTest, NoStoreIsNotFoundAndNothingIsWritten) {
  test::TempDir dir("annals_upgrade");
  const std::string missing = dir.Join("missing");
  EXPECT_TRUE(absl::IsNotFound(UpgradeStore(missing).status()));
  EXPECT_FALSE(fs::exists(missing));
  EXPECT_TRUE(absl::IsNotFound(UpgradeStore(dir.Join("no/such/dir")).status()));

  const std::string other = dir.Join("other");
  fs::create_directory(other);
  test::WriteFileIn(other, "notes.txt", "not a store");
  const auto tree = test::TreeContents(dir.path());
  absl::StatusOr<UpgradeResult> result = UpgradeStore(other);
  EXPECT_TRUE(absl::IsNotFound(result.status())) << result.status();
  EXPECT_TRUE(
      absl::StrContains(result.status().message(), "no Annals store at"))
      << result.status();
  EXPECT_EQ(test::TreeContents(dir.path()), tree);
}

}  // namespace
}  // namespace annals::engine
