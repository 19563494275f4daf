// Where Database::Open creates a store and where it must not (a directory
// of other files stays byte-identical; a file is named as one), Exists, and
// read-only handles that follow their writer: each read sees what the writer
// has committed, except while one of the reader's snapshots is alive.
#include <filesystem>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "annals/database.h"
#include "gtest/gtest.h"
#include "tests/support/claim_input.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

Options Fast() {
  Options o;
  o.sync_writes = false;
  o.block_cache_bytes = 8 << 20;
  return o;
}

Options ReadOnly() {
  Options o = Fast();
  o.read_only = true;
  return o;
}

using test::Input;

int64_t CountAll(const Database& db, const Snapshot& snapshot = {}) {
  auto all = db.Find(ClaimPattern(), TimeView::AllTime(), snapshot);
  EXPECT_TRUE(all.ok()) << all.status();
  return all.ok() ? static_cast<int64_t>(all->size()) : -1;
}

class DatabaseOpenTest : public ::testing::Test {
 protected:
  test::TempDir temp_{"annals_open"};
  std::string root_ = temp_.path();
};

TEST_F(DatabaseOpenTest, ADirectoryOfOtherFilesIsRefusedAndLeftAsItWas) {
  const std::string folder = temp_.Join("papers");
  fs::create_directories(folder + "/drafts");
  test::WriteFileIn(folder, "notes.txt", "my notes\n");
  test::WriteFileIn(folder + "/drafts", "a.md", "# draft\n");
  const auto before = test::TreeContents(folder);
  for (bool read_only : {false, true}) {
    Options o = read_only ? ReadOnly() : Fast();
    auto db = Database::Open(folder, o);
    ASSERT_FALSE(db.ok());
    if (read_only) {
      EXPECT_TRUE(absl::IsNotFound(db.status())) << db.status();
      EXPECT_EQ(db.status().message(),
                absl::StrCat("no Annals store at '", folder, "'"));
    } else {
      EXPECT_TRUE(absl::IsFailedPrecondition(db.status())) << db.status();
      EXPECT_TRUE(absl::StartsWith(
          db.status().message(),
          absl::StrCat("'", folder,
                       "' is a directory of other files, not an Annals "
                       "store")))
          << db.status();
    }
    EXPECT_EQ(test::TreeContents(folder), before);
  }
  EXPECT_FALSE(Database::Exists(folder));
}

TEST_F(DatabaseOpenTest, AFileIsNamedAsAFile) {
  const std::string file = test::WriteFileIn(root_, "x.tsv", "a\tb\n");
  for (bool read_only : {false, true}) {
    auto db = Database::Open(file, read_only ? ReadOnly() : Fast());
    ASSERT_FALSE(db.ok());
    EXPECT_TRUE(absl::IsFailedPrecondition(db.status())) << db.status();
    EXPECT_EQ(db.status().message(),
              absl::StrCat("'", file, "' is a file, not an Annals store"));
  }
  EXPECT_EQ(test::ReadFile(file), "a\tb\n");
  EXPECT_FALSE(Database::Exists(file));
}

TEST_F(DatabaseOpenTest, MissingOrEmptyDirectoryIsCreatedOnlyWhenAllowed) {
  const std::string missing = temp_.Join("new.annals");
  Options no_create = Fast();
  no_create.create_if_missing = false;
  for (const Options& o : {no_create, ReadOnly()}) {
    auto db = Database::Open(missing, o);
    EXPECT_TRUE(absl::IsNotFound(db.status())) << db.status();
    EXPECT_FALSE(fs::exists(missing));
  }
  EXPECT_FALSE(Database::Exists(missing));
  {
    auto db = Database::Open(missing, Fast());
    ASSERT_TRUE(db.ok()) << db.status();
    EXPECT_FALSE(db->read_only());
  }
  EXPECT_TRUE(Database::Exists(missing));
  // An empty directory (made by the user for it) takes a store too.
  const std::string empty = temp_.Join("empty");
  fs::create_directory(empty);
  auto db = Database::Open(empty, Fast());
  ASSERT_TRUE(db.ok()) << db.status();
  EXPECT_TRUE(Database::Exists(empty));
}

TEST_F(DatabaseOpenTest, ReadOnlyWritesNothingIntoTheStore) {
  const std::string dir = temp_.Join("db");
  {
    auto db = Database::Open(dir, Fast());
    ASSERT_TRUE(db.ok()) << db.status();
    ASSERT_TRUE(db->Assert(Input("A", "p", "B")).ok());
  }
  const auto before = test::TreeContents(dir);
  {
    auto db = Database::Open(dir, ReadOnly());
    ASSERT_TRUE(db.ok()) << db.status();
    EXPECT_TRUE(db->read_only());
    EXPECT_EQ(CountAll(*db), 1);
    auto stats = db->Stats();
    ASSERT_TRUE(stats.ok()) << stats.status();
  }
  EXPECT_EQ(test::TreeContents(dir), before);
}

TEST_F(DatabaseOpenTest, ReadOnlyHandleFollowsTheWriter) {
  const std::string dir = temp_.Join("db");
  auto writer = Database::Open(dir, Fast());
  ASSERT_TRUE(writer.ok()) << writer.status();
  ASSERT_TRUE(writer->Assert(Input("A", "p", "B")).ok());
  auto reader = Database::Open(dir, ReadOnly());
  ASSERT_TRUE(reader.ok()) << reader.status();
  EXPECT_EQ(CountAll(*reader), 1);

  // An Assert: the reader's next read sees it, through every kind of read.
  auto c = writer->Assert(Input("A", "p", "C"));
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(CountAll(*reader), 2);
  auto got = reader->Get(*c);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->object, Value::Entity("C"));
  ASSERT_TRUE(writer->Assert(Input("A", "p", "D")).ok());
  auto rows = reader->Query("FIND ?o WHERE A p ?o");
  ASSERT_TRUE(rows.ok()) << rows.status();
  std::vector<Row> all;
  ASSERT_TRUE(rows->ReadAll(&all).ok());
  EXPECT_EQ(all.size(), 3u);
  rows = absl::InternalError("released");
  auto stats = reader->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->claims, 3);  // the counters follow too

  // A load (SST files ingested) and a schema.
  const std::string file = test::WriteFileIn(
      root_, "more.tsv", "subject\tpredicate\tobject\nE\tq\tF\nG\tq\tH\n");
  auto loaded = writer->Load({file});
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(CountAll(*reader), 5);
  ASSERT_TRUE(writer->SetSchema("predicate q: entity\n").ok());
  auto schema = reader->GetSchema();
  ASSERT_TRUE(schema.ok()) << schema.status();
  EXPECT_EQ(schema->version, 1);

  // A snapshot of the reader keeps its view while the writer goes on; once
  // it is gone, the next read catches up.
  {
    Snapshot snapshot = reader->GetSnapshot();
    ASSERT_TRUE(writer->Assert(Input("A", "p", "Z")).ok());
    EXPECT_EQ(CountAll(*reader, snapshot), 5);
    EXPECT_EQ(CountAll(*reader), 5);
  }
  EXPECT_EQ(CountAll(*reader), 6);

  // The reader refuses writes, and the writer still writes.
  auto refused = reader->Assert(Input("X", "p", "Y"));
  EXPECT_TRUE(absl::IsFailedPrecondition(refused.status())) << refused.status();
  EXPECT_TRUE(absl::StrContains(refused.status().message(), "read-only"))
      << refused.status();
  ASSERT_TRUE(writer->Assert(Input("A", "p", "last")).ok());
  EXPECT_EQ(CountAll(*reader), 7);
}

TEST_F(DatabaseOpenTest, ReadOnlyHandleOutlivesItsWriter) {
  const std::string dir = temp_.Join("db");
  auto writer = Database::Open(dir, Fast());
  ASSERT_TRUE(writer.ok()) << writer.status();
  ASSERT_TRUE(writer->Assert(Input("A", "p", "B")).ok());
  auto reader = Database::Open(dir, ReadOnly());
  ASSERT_TRUE(reader.ok()) << reader.status();
  ASSERT_TRUE(writer->Assert(Input("A", "p", "C")).ok());
  writer = absl::InternalError("closed");  // flushes, may delete the WAL
  EXPECT_EQ(CountAll(*reader), 2);
  // A new writer after it: the reader follows that one too.
  auto second = Database::Open(dir, Fast());
  ASSERT_TRUE(second.ok()) << second.status();
  ASSERT_TRUE(second->Compact().ok());  // rewrites every file
  ASSERT_TRUE(second->Assert(Input("A", "p", "D")).ok());
  EXPECT_EQ(CountAll(*reader), 3);
}

}  // namespace
}  // namespace annals
