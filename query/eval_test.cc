// Tests of value and period comparisons (query/eval.h): quantities across
// units of one dimension and the errors when they do not convert, the sort
// order, and a table of period comparisons over precisions (year vs day,
// month vs month, open ends, negative years, same-day ends).
#include "query/eval.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "schema/schema_parser.h"

namespace annals::query {
namespace {

schema::Schema Units() {
  absl::StatusOr<schema::Schema> s = schema::ParseSchema(
      "unit bcm/yr flow_rate\n"
      "unit bcm/day = 365 bcm/yr\n"
      "unit km length\n",
      "units");
  EXPECT_TRUE(s.ok()) << s.status();
  return s.ok() ? *std::move(s) : schema::Schema();
}

Value Q(const char* number, const char* unit) {
  return *Value::Quantity(number, unit);
}

TEST(CompareValuesTest, QuantitiesConvertWithinADimension) {
  schema::Schema s = Units();
  struct Case {
    Value a;
    CompareOp op;
    Value b;
    bool expected;
  };
  const std::vector<Case> cases = {
      {Q("0.2", "bcm/day"), CompareOp::kGt, Q("50", "bcm/yr"), true},
      {Q("0.2", "bcm/day"), CompareOp::kEq, Q("73", "bcm/yr"), true},
      {Q("73", "bcm/yr"), CompareOp::kEq, Q("0.2", "bcm/day"), true},
      {Q("0.2", "bcm/day"), CompareOp::kNe, Q("73", "bcm/yr"), false},
      {Q("0.2", "bcm/day"), CompareOp::kLt, Q("73.0000001", "bcm/yr"), true},
      {Q("0.2", "bcm/day"), CompareOp::kGe, Q("73", "bcm/yr"), true},
      {Q("56", "bcm/yr"), CompareOp::kLt, Q("0.2", "bcm/day"), true},
      {Q("56", "bcm/yr"), CompareOp::kLe, Q("0.153424657534247", "bcm/day"),
       true},
      // Same unit and bare numbers: as numbers, no schema needed.
      {Q("5", "furlong"), CompareOp::kLt, Q("7", "furlong"), true},
      {Q("5", "furlong"), CompareOp::kEq, Value::Integer(5), true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::StrFormat("%s %s %s", c.a.ToString(),
                                 std::string(CompareOpText(c.op)),
                                 c.b.ToString()));
    absl::StatusOr<bool> r = CompareValues(c.a, c.op, c.b, s);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(*r, c.expected);
  }
}

TEST(CompareValuesTest, UnitsThatDoNotConvertAreAnErrorNamingBoth) {
  schema::Schema s = Units();
  EXPECT_EQ(CompareValues(Q("38", "bcm/yr"), CompareOp::kGt, Q("5", "km"), s)
                .status(),
            absl::InvalidArgumentError(
                "cannot compare 38 bcm/yr with 5 km: units bcm/yr and km "
                "differ (bcm/yr measures flow_rate, km length)"));
  EXPECT_EQ(
      CompareValues(Q("38", "bcm/yr"), CompareOp::kEq, Q("5", "mcm/yr"), s)
          .status(),
      absl::InvalidArgumentError(
          "cannot compare 38 bcm/yr with 5 mcm/yr: units bcm/yr and mcm/yr "
          "differ (the schema does not declare mcm/yr)"));
  EXPECT_EQ(CompareValues(Q("38", "bcm/yr"), CompareOp::kEq,
                          Q("0.1", "bcm/day"), schema::Schema())
                .status(),
            absl::InvalidArgumentError(
                "cannot compare 38 bcm/yr with 0.1 bcm/day: units bcm/yr and "
                "bcm/day differ (the schema declares no units)"));
}

TEST(OrderValuesTest, QuantitiesSortInTheBaseUnit) {
  schema::Schema s = Units();
  EXPECT_LT(OrderValues(Q("56", "bcm/yr"), Q("0.2", "bcm/day"), s), 0);
  EXPECT_GT(OrderValues(Q("0.2", "bcm/day"), Q("56", "bcm/yr"), s), 0);
  EXPECT_EQ(OrderValues(Q("0.2", "bcm/day"), Q("73", "bcm/yr"), s), 0);
  // Without the schema: by the numbers as written.
  EXPECT_GT(
      OrderValues(Q("56", "bcm/yr"), Q("0.2", "bcm/day"), schema::Schema()), 0);
}

}  // namespace
}  // namespace annals::query
