// The fixture of the concurrency tests: one Database in a fresh temporary
// directory, for several threads to share. Writes are not synced (these
// tests are about concurrency, not durability); the files are kept when a
// test fails.
#ifndef ANNALS_TESTS_CONCURRENCY_SHARED_STORE_TEST_H_
#define ANNALS_TESTS_CONCURRENCY_SHARED_STORE_TEST_H_

#include <memory>
#include <string>

#include "annals/database.h"
#include "gtest/gtest.h"
#include "tests/support/store.h"
#include "tests/support/temp_dir.h"

namespace annals::test {

class SharedStoreTest : public testing::Test {
 protected:
  void SetUp() override {
    Options options;
    options.sync_writes = false;
    auto db = OpenDatabase(dir_.Join("store.annals"), {}, options);
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(db).value();
  }
  void TearDown() override { db_.reset(); }

  TempDir dir_{"annals_concurrency", TempDir::Keep::kOnFailure};
  std::string root_ = dir_.path();
  std::unique_ptr<Database> db_;
};

}  // namespace annals::test

#endif  // ANNALS_TESTS_CONCURRENCY_SHARED_STORE_TEST_H_
