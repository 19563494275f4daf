// Fixtures of the engine's and the query layer's unit tests: a store in a
// fresh directory, opened as the engine sees it (EngineStoreTest), and
// datasets/tiny with its schema there, with a FIND parsed and bound against
// it (TinyQueryTest: binder, planner, executor).
#ifndef ANNALS_TESTS_SUPPORT_ENGINE_STORE_TEST_H_
#define ANNALS_TESTS_SUPPORT_ENGINE_STORE_TEST_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "absl/status/statusor.h"
#include "annals/value.h"
#include "engine/store.h"
#include "gtest/gtest.h"
#include "query/binder.h"
#include "query/parser.h"
#include "tests/support/store.h"
#include "tests/support/temp_dir.h"

namespace annals::test {

class EngineStoreTest : public ::testing::Test {
 protected:
  // `files`: what OpenEngineStore sets up in the store first.
  explicit EngineStoreTest(std::vector<std::string> files = {})
      : files_(std::move(files)) {}

  void SetUp() override { Reopen(); }

  // Closes the store (if open) and opens it again: no caches.
  void Reopen() {
    store_.reset();
    auto store = OpenEngineStore(dir_.Join("store"), files_);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    files_.clear();  // set up once
  }

  // The dictionary id of an entity (0, and a failure, when it has none).
  uint64_t Id(const std::string& entity) {
    auto id = store_->dictionary().Find(Value::Entity(entity), nullptr);
    EXPECT_TRUE(id.ok()) << entity << ": " << id.status();
    return id.value_or(0);
  }

  TempDir dir_{"annals_engine_store"};
  std::unique_ptr<engine::Store> store_;

 private:
  std::vector<std::string> files_;
};

class TinyQueryTest : public EngineStoreTest {
 protected:
  TinyQueryTest() : EngineStoreTest({kTinySchema, kTinyClaims}) {}

  // `text`, a FIND, parsed and bound; its notices go to notices_.
  absl::StatusOr<query::BoundFind> Bind(const std::string& text) {
    notices_.clear();
    auto statement = query::ParseStatement(text);
    if (!statement.ok()) return statement.status();
    auto* find = std::get_if<query::FindStatement>(&statement->node);
    if (find == nullptr) return absl::InvalidArgumentError("not a FIND");
    return query::BindFind(store_.get(), text, *find, &notices_);
  }

  std::vector<std::string> notices_;
};

}  // namespace annals::test

#endif  // ANNALS_TESTS_SUPPORT_ENGINE_STORE_TEST_H_
