// Cell::term and ResultSet::DeferTerms: cells read from the store carry their
// term id; deferred rows carry only the id of an entity or string, and
// TermValue() gives it back.

#include <map>
#include <string>
#include <vector>

#include "annals/database.h"
#include "gtest/gtest.h"
#include "tests/support/store.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

class ResultTermsTest : public testing::Test {
 protected:
  void SetUp() override {
    auto db = test::OpenDatabase(dir_.Join("store"), {test::kTinyClaims});
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
  }

  ResultSet Query(const std::string& text) {
    auto result = db_->Query(text);
    EXPECT_TRUE(result.ok()) << result.status();
    return *std::move(result);
  }

  // Every row of `text`, each cell as its text, deferred or not: a deferred
  // term is looked up with TermValue.
  std::vector<std::vector<std::string>> Rows(const std::string& text,
                                             bool defer) {
    ResultSet result = Query(text);
    if (defer) result.DeferTerms();
    std::vector<std::vector<std::string>> rows;
    while (result.Next()) {
      std::vector<std::string> row;
      for (const Cell& cell : result.row()) {
        Value value = cell.value;
        if (defer && cell.term != 0 && cell.value.text().empty()) {
          EXPECT_TRUE(result.TermValue(cell.term, &value).ok());
        }
        row.push_back(cell.kind == Cell::Kind::kValue ? value.ToString()
                                                      : cell.ToString());
      }
      rows.push_back(row);
    }
    EXPECT_TRUE(result.status().ok()) << result.status();
    return rows;
  }

  test::TempDir dir_{"annals_result_terms"};
  std::unique_ptr<Database> db_;
};

TEST_F(ResultTermsTest, CellsReadFromTheStoreCarryTheirTermId) {
  ResultSet result = Query(
      "FIND ?s ?o source(?c) from(?c) WHERE ?c: ?s member_of ?o "
      "DURING 1000 TO 3000 POSSIBLY");
  std::map<uint64_t, std::string> names;  // one value a term id
  int rows = 0;
  while (result.Next()) {
    ++rows;
    const Row& row = result.row();
    for (int i : {0, 1, 2}) {
      ASSERT_NE(row[i].term, 0u) << i;
      auto [it, added] = names.emplace(row[i].term, row[i].value.ToString());
      EXPECT_EQ(it->second, row[i].value.ToString()) << "one id, two values";
    }
    EXPECT_EQ(row[3].term, 0u) << "a claim's time is no term";
  }
  ASSERT_TRUE(result.status().ok()) << result.status();
  EXPECT_EQ(rows, 3);
  // Equal values, equal ids: the three members share their object.
  int organisations = 0;
  for (const auto& [id, name] : names) {
    organisations += name == "Shanghai Cooperation Organisation";
  }
  EXPECT_EQ(organisations, 1);
}

TEST_F(ResultTermsTest, DeferredRowsCarryOnlyTheIdsOfEntitiesAndStrings) {
  ResultSet result = Query(
      "FIND ?s ?o WHERE ?s relations_with_russia ?o "
      "DURING 1000 TO 3000 POSSIBLY");
  result.DeferTerms();
  ASSERT_TRUE(result.Next()) << result.status();
  const Row& row = result.row();
  for (const Cell& cell : row) {
    EXPECT_EQ(cell.kind, Cell::Kind::kValue);
    EXPECT_NE(cell.term, 0u);
    EXPECT_EQ(cell.value.text(), "") << "deferred";
  }
  Value subject, object;
  ASSERT_TRUE(result.TermValue(row[0].term, &subject).ok());
  ASSERT_TRUE(result.TermValue(row[1].term, &object).ok());
  EXPECT_EQ(subject, Value::Entity("China"));
  EXPECT_EQ(object, Value::String("highest level in history"));
  EXPECT_FALSE(result.Next());
  EXPECT_TRUE(result.status().ok()) << result.status();
}

TEST_F(ResultTermsTest, DeferredRowsSayWhatUndeferredRowsSay) {
  const char* queries[] = {
      // Streamed: entities and strings deferred; numbers, booleans, dates
      // and claims keep their values.
      "FIND ?c ?s ?p ?o from(?c) source(?c) by(?c) WHERE ?c: ?s ?p ?o "
      "DURING 1000 TO 3000 POSSIBLY",
      // Gathered (sorted, distinct, grouped): values kept throughout.
      "FIND ?s ?o WHERE ?s ?p ?o DURING 1000 TO 3000 POSSIBLY ORDER BY ?o",
      "FIND DISTINCT ?s WHERE ?s ?p ?o DURING 1000 TO 3000 POSSIBLY",
      "FIND ?s count(?o) WHERE ?s ?p ?o DURING 1000 TO 3000 POSSIBLY",
      "HISTORY Russia gas_flow_to_china_bcm",
  };
  for (const char* q : queries) {
    auto plain = Rows(q, /*defer=*/false);
    EXPECT_FALSE(plain.empty()) << q;
    EXPECT_EQ(Rows(q, /*defer=*/true), plain) << q;
  }
}

TEST_F(ResultTermsTest, GatheredRowsKeepTheirValues) {
  ResultSet result = Query(
      "FIND ?s WHERE ?s member_of ?o DURING 1000 TO 3000 POSSIBLY "
      "ORDER BY ?s");
  result.DeferTerms();
  std::vector<std::string> names;
  while (result.Next()) {
    EXPECT_NE(result.row()[0].term, 0u);
    names.push_back(result.row()[0].value.ToString());
  }
  EXPECT_EQ(names, (std::vector<std::string>{"China", "India", "Russia"}));
}

}  // namespace
}  // namespace annals
