// The fixture of the query layer's unit tests (binder, planner, executor):
// datasets/tiny with its schema, in a fresh directory, opened as the engine
// sees it, and a FIND parsed and bound against it.
#ifndef ANNALS_TESTS_SUPPORT_QUERY_STORE_H_
#define ANNALS_TESTS_SUPPORT_QUERY_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <variant>

#include "absl/status/statusor.h"
#include "annals/value.h"
#include "engine/store.h"
#include "gtest/gtest.h"
#include "query/binder.h"
#include "query/parser.h"
#include "tests/support/store.h"
#include "tests/support/temp_dir.h"

namespace annals::test {

class TinyQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store =
        OpenEngineStore(dir_.Join("store"), {kTinySchema, kTinyClaims});
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  // `text`, a FIND, parsed and bound.
  absl::StatusOr<query::BoundFind> Bind(const std::string& text) {
    auto statement = query::ParseStatement(text);
    if (!statement.ok()) return statement.status();
    auto* find = std::get_if<query::FindStatement>(&statement->node);
    if (find == nullptr) return absl::InvalidArgumentError("not a FIND");
    return query::BindFind(store_.get(), text, *find);
  }

  // The dictionary id of an entity (0, and a failure, when it has none).
  uint64_t Id(const std::string& entity) {
    auto id = store_->dictionary().Find(Value::Entity(entity), nullptr);
    EXPECT_TRUE(id.ok()) << entity << ": " << id.status();
    return id.value_or(0);
  }

  TempDir dir_{"annals_query_unit"};
  std::unique_ptr<engine::Store> store_;
};

}  // namespace annals::test

#endif  // ANNALS_TESTS_SUPPORT_QUERY_STORE_H_
