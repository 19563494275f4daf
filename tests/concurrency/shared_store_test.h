// The fixture of the concurrency tests: one Database in a fresh temporary
// directory, for several threads to share. Writes are not synced (these
// tests are about concurrency, not durability); the files are kept when a
// test fails.
#ifndef ANNALS_TESTS_CONCURRENCY_SHARED_STORE_TEST_H_
#define ANNALS_TESTS_CONCURRENCY_SHARED_STORE_TEST_H_

#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "annals/database.h"
#include "gtest/gtest.h"

namespace annals::test {

class SharedStoreTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = testing::TempDir() + "annals_concurrency_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    root_ = tmpl;
    Options options;
    options.sync_writes = false;
    auto db = Database::Open(root_ + "/store.annals", options);
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::make_unique<Database>(std::move(db).value());
  }
  void TearDown() override {
    db_.reset();
    if (HasFailure()) {
      std::fprintf(stderr, "files kept in %s\n", root_.c_str());
      return;
    }
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }

  std::string root_;
  std::unique_ptr<Database> db_;
};

}  // namespace annals::test

#endif  // ANNALS_TESTS_CONCURRENCY_SHARED_STORE_TEST_H_
