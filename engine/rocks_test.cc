// Opening a store: a read-only open of a store that lacks a family this build
// reads (written in an older format) says so, and a RocksDB directory that is
// not an Annals store is named as such. Builds the stores with RocksDB
// directly, as only this wrapper's tests may.
#include "engine/rocks.h"

#include <filesystem>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "tests/support/temp_dir.h"

namespace annals::engine {
namespace {

class RocksOpenTest : public ::testing::Test {
 protected:
  // A RocksDB database with the default family and `names`.
  void MakeDatabase(const std::vector<std::string>& names) {
    rocksdb::Options options;
    options.create_if_missing = true;
    options.create_missing_column_families = true;
    std::vector<rocksdb::ColumnFamilyDescriptor> families = {
        {rocksdb::kDefaultColumnFamilyName, rocksdb::ColumnFamilyOptions()}};
    for (const std::string& name : names) {
      families.emplace_back(name, rocksdb::ColumnFamilyOptions());
    }
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, dir_, families, &handles, &db).ok());
    for (auto* h : handles) ASSERT_TRUE(db->DestroyColumnFamilyHandle(h).ok());
    delete db;
  }

  absl::Status OpenReadOnly() {
    Options options;
    options.read_only = true;
    return Rocks::Open(dir_, options).status();
  }

  test::TempDir temp_{"rocks_open"};
  std::string dir_ = temp_.Join("db");  // not there yet
};

TEST_F(RocksOpenTest, OlderFormatLackingAFamilyIsNamed) {
  std::vector<std::string> names;
  for (int i = 0; i < kFamilyCount; ++i) {
    if (static_cast<Family>(i) != Family::kTime) {
      names.push_back(FamilyName(static_cast<Family>(i)));
    }
  }
  MakeDatabase(names);
  absl::Status s = OpenReadOnly();
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition) << s;
  EXPECT_TRUE(absl::StrContains(
      s.message(), "was written in an older format that this build cannot"))
      << s;
  EXPECT_TRUE(absl::StrContains(s.message(), "load its files into a new store"))
      << s;
}

TEST_F(RocksOpenTest, OtherRocksDatabaseIsNotAnAnnalsStore) {
  MakeDatabase({"unrelated"});
  absl::Status s = OpenReadOnly();
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition) << s;
  EXPECT_TRUE(absl::StrContains(s.message(), "is not an Annals store")) << s;
}

// A follower catches up exactly when its writer wrote: after a commit and
// after an ingest, and not otherwise (then it neither stats nor replays).
TEST_F(RocksOpenTest, AFollowerCatchesUpWhenItsWriterWroteAndOnlyThen) {
  auto writer = Rocks::Open(dir_, Options());
  ASSERT_TRUE(writer.ok()) << writer.status();
  Options read_only;
  read_only.read_only = true;
  auto follower = Rocks::Open(dir_, read_only);
  ASSERT_TRUE(follower.ok()) << follower.status();
  auto caught_up = [&] {
    absl::StatusOr<bool> changed = (*follower)->CatchUp();
    EXPECT_TRUE(changed.ok()) << changed.status();
    return changed.ok() && *changed;
  };
  auto read = [&](std::string_view key) {
    return (*follower)->Get(Family::kMeta, key, nullptr);
  };
  EXPECT_FALSE(caught_up());
  EXPECT_TRUE(absl::IsNotFound(read("k").status()));

  for (const char* value : {"1", "2", "3"}) {
    RocksBatch batch;
    batch.Put(Family::kMeta, "k", value);
    ASSERT_TRUE((*writer)->Write(&batch).ok());
    EXPECT_TRUE(caught_up()) << value;
    EXPECT_EQ(read("k").value_or(""), value);
    EXPECT_FALSE(caught_up()) << value;
  }

  const std::string sst = temp_.Join("meta.sst");
  auto sst_writer = SstWriter::Create(**writer, Family::kMeta, sst);
  ASSERT_TRUE(sst_writer.ok()) << sst_writer.status();
  ASSERT_TRUE((*sst_writer)->Put("m", "ingested").ok());
  ASSERT_TRUE((*sst_writer)->Finish().ok());
  ASSERT_TRUE((*writer)->IngestAtomically({{Family::kMeta, sst}}).ok());
  EXPECT_TRUE(caught_up());  // though an ingest like this takes no sequence
  EXPECT_EQ(read("m").value_or(""), "ingested");
  EXPECT_FALSE(caught_up());
}

}  // namespace
}  // namespace annals::engine
