// QueryOptions::default_at and default_as_of: the view of statements that
// give none of their own (the shell's .at and .asof).

#include <string>
#include <vector>

#include "annals/database.h"
#include "gtest/gtest.h"
#include "tests/support/store.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

class DefaultViewTest : public testing::Test {
 protected:
  void SetUp() override {
    auto db = test::OpenDatabase(dir_.Join("store"), {test::kTinyClaims});
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
  }

  // The first column's cells and the view.
  std::vector<std::string> Run(const std::string& text,
                               const QueryOptions& options,
                               std::string* view = nullptr) {
    std::vector<std::string> out;
    auto result = db_->Query(text, options);
    EXPECT_TRUE(result.ok()) << result.status();
    if (!result.ok()) return out;
    if (view) *view = result->view();
    while (result->Next()) out.push_back(result->row()[0].ToString());
    EXPECT_TRUE(result->status().ok()) << result->status();
    return out;
  }

  test::TempDir dir_{"annals_default_view"};
  std::unique_ptr<Database> db_;
};

TimePoint T(const char* text) { return *TimePoint::Parse(text); }

TEST_F(DefaultViewTest, FindWithoutAClauseTakesTheDefaults) {
  QueryOptions options;
  options.default_at = T("2024-06-01");
  std::string view;
  EXPECT_EQ(
      Run("FIND ?x WHERE Russia gas_flow_to_china_bcm ?x", options, &view),
      std::vector<std::string>{"48 bcm/yr"});
  EXPECT_EQ(view, "valid at 2024-06-01, as currently recorded");
  // The statement's own clause wins.
  EXPECT_EQ(
      Run("FIND ?x WHERE Russia gas_flow_to_china_bcm ?x AT 2026", options),
      std::vector<std::string>{"56 bcm/yr"});
  options.default_at.reset();
  options.default_as_of = T("2025-09-01");
  EXPECT_TRUE(
      Run("FIND ?x WHERE Russia gas_flow_to_china_bcm ?x", options).empty());
}

TEST_F(DefaultViewTest, HistoryTakesOnlyAsOf) {
  QueryOptions options;
  options.default_at = T("2024-06-01");
  EXPECT_EQ(Run("HISTORY Russia gas_flow_to_china_bcm", options).size(), 2u);
  options.default_as_of = T("2025-09-01");
  EXPECT_TRUE(Run("HISTORY Russia gas_flow_to_china_bcm", options).empty());
}

TEST_F(DefaultViewTest, WritesIgnoreTheDefaults) {
  QueryOptions options;
  options.default_as_of = T("2020");
  EXPECT_EQ(Run("ASSERT Atlantis capital Poseidonia", options).size(), 1u);
  options.default_as_of.reset();
  EXPECT_EQ(Run("FIND ?c WHERE Atlantis capital ?c", options),
            std::vector<std::string>{"Poseidonia"});
}

}  // namespace
}  // namespace annals
