// Prepared queries: parsed once, run with different parameter values.

#include <string>
#include <vector>

#include "annals/database.h"
#include "gtest/gtest.h"
#include "tests/support/store.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

class PreparedQueryTest : public testing::Test {
 protected:
  void SetUp() override {
    auto db = test::OpenDatabase(dir_.Join("store"), {test::kTinyClaims});
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = *std::move(db);
  }

  static std::vector<std::string> Column(absl::StatusOr<ResultSet> result) {
    std::vector<std::string> out;
    EXPECT_TRUE(result.ok()) << result.status();
    if (!result.ok()) return out;
    while (result->Next()) out.push_back(result->row()[0].ToString());
    EXPECT_TRUE(result->status().ok()) << result->status();
    return out;
  }

  test::TempDir dir_{"annals_prepared"};
  std::unique_ptr<Database> db_;
};

TEST_F(PreparedQueryTest, RunsWithEachBinding) {
  auto q = db_->Prepare("FIND ?x WHERE $s gas_flow_to_china_bcm ?x AT $t");
  ASSERT_TRUE(q.ok()) << q.status();
  q->Bind("s", Value::Entity("Russia"));
  q->Bind("t", Value::Date(*TimePoint::Parse("2024-06-01")));
  EXPECT_EQ(Column(q->Execute()), std::vector<std::string>{"48 bcm/yr"});
  q->Bind("t", Value::Date(*TimePoint::Parse("2026")));
  EXPECT_EQ(Column(q->Execute()), std::vector<std::string>{"56 bcm/yr"});
}

// Equal text is parsed once (query/parse_cache.h); each prepared query
// keeps its own bindings.
TEST_F(PreparedQueryTest, TwoPreparedQueriesOfOneTextKeepTheirOwnBindings) {
  const char* text = "FIND ?x WHERE Russia gas_flow_to_china_bcm ?x AT $t";
  auto early = db_->Prepare(text);
  auto late = db_->Prepare(text);
  ASSERT_TRUE(early.ok() && late.ok());
  early->Bind("t", Value::Date(*TimePoint::Parse("2024-06-01")));
  late->Bind("t", Value::Date(*TimePoint::Parse("2026")));
  EXPECT_EQ(Column(late->Execute()), std::vector<std::string>{"56 bcm/yr"});
  EXPECT_EQ(Column(early->Execute()), std::vector<std::string>{"48 bcm/yr"});
  EXPECT_EQ(Column(db_->Query("FIND ?x WHERE Russia gas_flow_to_china_bcm ?x "
                              "AT 2026")),
            std::vector<std::string>{"56 bcm/yr"});
}

TEST_F(PreparedQueryTest, NumbersAndLimits) {
  auto q =
      db_->Prepare("FIND ?p WHERE ?s ?p ?o GROUP BY ?p ORDER BY ?p LIMIT $n");
  ASSERT_TRUE(q.ok()) << q.status();
  q->Bind("n", Value::Integer(2));
  EXPECT_EQ(Column(q->Execute()).size(), 2u);
  q->Bind("n", Value::Integer(1));
  EXPECT_EQ(Column(q->Execute()).size(), 1u);
}

TEST_F(PreparedQueryTest, AssertWithParameters) {
  auto q = db_->Prepare(
      "ASSERT $s gas_flow_to_china_bcm $v FROM $from SOURCE \"test\"");
  ASSERT_TRUE(q.ok()) << q.status();
  q->Bind("s", Value::Entity("Mongolia"));
  q->Bind("v", *Value::Quantity("1", "bcm/yr"));
  q->Bind("from", Value::Date(*TimePoint::Parse("2025")));
  ASSERT_EQ(Column(q->Execute()).size(), 1u);
  EXPECT_EQ(Column(db_->Query(
                "FIND ?v WHERE Mongolia gas_flow_to_china_bcm ?v AT 2026")),
            std::vector<std::string>{"1 bcm/yr"});
}

TEST_F(PreparedQueryTest, PathInOrderWithParameters) {
  auto q = db_->Prepare(
      "PATH $from TO China IN ORDER VIA $p, located_in, "
      "held_in MAX $n DURING $t TO 2026");
  ASSERT_TRUE(q.ok()) << q.status();
  q->Bind("from", Value::Entity("Vladimir Putin"));
  q->Bind("p", Value::Entity("attended"));
  q->Bind("t", Value::Date(*TimePoint::Parse("2025-09-01")));
  q->Bind("n", Value::Integer(3));
  // Three hops: attended, held_in, located_in.
  EXPECT_EQ(Column(q->Execute()), (std::vector<std::string>{"1", "2", "3"}));
  q->Bind("n", Value::Integer(2));
  EXPECT_TRUE(Column(q->Execute()).empty());
  // The summit ended on 2025-09-02: departing then, no journey.
  q->Bind("n", Value::Integer(3));
  q->Bind("t", Value::Date(*TimePoint::Parse("2025-09-02")));
  EXPECT_TRUE(Column(q->Execute()).empty());
  // MAX checked once the value is known.
  q->Bind("n", Value::Integer(0));
  auto zero = q->Execute();
  ASSERT_FALSE(zero.ok());
  EXPECT_NE(zero.status().message().find("MAX takes a number >= 1"),
            std::string::npos)
      << zero.status();
}

TEST_F(PreparedQueryTest, ParameterWithoutValueIsAnErrorAtItsPlace) {
  auto q = db_->Prepare("FIND ?x WHERE Russia gas_flow_to_china_bcm ?x AT $t");
  ASSERT_TRUE(q.ok()) << q.status();
  auto result = q->Execute();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(result.status().message().find("line 1, column 50: parameter $t "
                                           "has no value"),
            std::string::npos)
      << result.status();
}

// An ASSERT refused for a parameter's value points at the parameter.
TEST_F(PreparedQueryTest, AssertErrorsPointAtTheParameter) {
  auto q = db_->Prepare("ASSERT $s signed $o CONFIDENCE $c");
  ASSERT_TRUE(q.ok()) << q.status();
  auto error = [&] {
    absl::StatusOr<ResultSet> result = q->Execute();
    return result.ok() ? std::string("ok") : result.status().ToString();
  };
  q->Bind("s", Value::Integer(5));
  q->Bind("o", Value::Entity("x"));
  q->Bind("c", Value::Integer(1));
  EXPECT_EQ(error(),
            "INVALID_ARGUMENT: line 1, column 8: the subject must be an entity "
            "or a claim; found 5\n"
            "  ASSERT $s signed $o CONFIDENCE $c\n"
            "         ^");
  q->Bind("s", Value::Entity("Gazprom"));
  q->Bind("o", Value::Entity(""));
  EXPECT_EQ(error(),
            "INVALID_ARGUMENT: line 1, column 18: a name cannot be empty\n"
            "  ASSERT $s signed $o CONFIDENCE $c\n"
            "                   ^");
  q->Bind("o", Value::Entity("x"));
  q->Bind("c", *Value::Decimal("1.5"));
  EXPECT_EQ(error(),
            "INVALID_ARGUMENT: line 1, column 32: CONFIDENCE must be between 0 "
            "and 1, found '1.5'\n"
            "  ASSERT $s signed $o CONFIDENCE $c\n"
            "                                 ^");
  q->Bind("c", Value::String("high"));
  EXPECT_EQ(error(),
            "INVALID_ARGUMENT: line 1, column 32: expected a number in [0, 1]\n"
            "  ASSERT $s signed $o CONFIDENCE $c\n"
            "                                 ^");
  // Nothing was written.
  EXPECT_EQ(Column(db_->Query("FIND ?o WHERE Gazprom signed ?o DURING 2000 TO "
                              "2030")),
            std::vector<std::string>{"Power of Siberia 2 memorandum"});
}

TEST_F(PreparedQueryTest, QueryWithoutPrepareRefusesParameters) {
  auto result = db_->Query("FIND ?x WHERE $s gas_flow_to_china_bcm ?x");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("has no value"), std::string::npos)
      << result.status();
}

TEST_F(PreparedQueryTest, SyntaxErrorsAtPrepare) {
  auto q = db_->Prepare("FIND ?x WHER Russia p ?x");
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace annals
