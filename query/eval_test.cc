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

std::optional<TimePoint> T(const std::string& text) {
  if (text.empty()) return std::nullopt;
  absl::StatusOr<TimePoint> t = TimePoint::Parse(text);
  EXPECT_TRUE(t.ok()) << t.status();
  return t.ok() ? std::optional<TimePoint>(*t) : std::nullopt;
}

struct PeriodCase {
  std::string a_from, a_to;  // "" = open
  PeriodOp op;
  std::string b_from, b_to;
  bool expected;
  std::string what;
};

TEST(ComparePeriodsTest, Table) {
  const std::vector<PeriodCase> cases = {
      // Year vs day.
      {"2025", "2025", PeriodOp::kContains, "2025-09-02", "2025-09-02", true,
       "year"},
      {"2025", "2025", PeriodOp::kOverlaps, "2025-09-02", "2025-09-02", true,
       "year"},
      {"2025", "2025", PeriodOp::kDuring, "2025-09-02", "2025-09-02", false,
       "year"},
      {"2025-09-02", "2025-09-02", PeriodOp::kDuring, "2025", "2025", true,
       "day"},
      {"2025-01-01", "2025-03-01", PeriodOp::kStarts, "2025", "2026", true,
       "Q1"},
      {"2025-12-01", "2026-01-01", PeriodOp::kFinishes, "2025", "2026", true,
       "Dec"},
      {"2025", "2026", PeriodOp::kEquals, "2025", "2025", true,
       "written alike"},
      {"2024-12-31", "2024-12-31", PeriodOp::kMeets, "2025", "", true,
       "new year"},
      {"2024-12-31", "2024-12-31", PeriodOp::kOverlaps, "2025", "", false,
       "new year"},
      // Month vs month.
      {"2025-03", "2025-06", PeriodOp::kMeets, "2025-06", "2025-09", true,
       "adjacent"},
      {"2025-03", "2025-06", PeriodOp::kPrecedes, "2025-06", "2025-09", true,
       "adjacent"},
      {"2025-03", "2025-06", PeriodOp::kOverlaps, "2025-06", "2025-09", false,
       "adjacent"},
      {"2025-03", "2025-06", PeriodOp::kOverlaps, "2025-05", "2025-09", true,
       "May"},
      {"2025-06", "2025-09", PeriodOp::kSucceeds, "2025-03", "2025-06", true,
       "after"},
      {"2025-03", "2025-03", PeriodOp::kEquals, "2025-03", "2025-04", true,
       "March"},
      {"2025-03", "2025-03", PeriodOp::kDuring, "2025-03", "2025-06", true,
       "March"},
      {"2025-04", "2025-06", PeriodOp::kFinishes, "2025-03", "2025-06", true,
       "end"},
      {"2025-03", "2025-04", PeriodOp::kStarts, "2025-03", "2025-06", true,
       "start"},
      {"2025-03", "2025-06", PeriodOp::kStarts, "2025-03", "2025-06", false,
       "equal"},
      // Open ends.
      {"", "2025-09-03", PeriodOp::kOverlaps, "2025-09-02", "", true,
       "both open"},
      {"", "", PeriodOp::kContains, "2025", "2026", true, "forever"},
      {"", "", PeriodOp::kEquals, "", "", true, "forever"},
      {"", "2025", PeriodOp::kMeets, "2025", "", true, "split"},
      {"", "2025", PeriodOp::kPrecedes, "2025", "", true, "split"},
      {"2025", "", PeriodOp::kSucceeds, "", "2025", true, "split"},
      {"", "2025", PeriodOp::kStarts, "", "2026", true, "since forever"},
      {"2025", "", PeriodOp::kFinishes, "2020", "", true, "still holds"},
      {"2025", "", PeriodOp::kDuring, "2020", "2030", false, "open end"},
      {"", "2025", PeriodOp::kOverlaps, "2025", "", false, "split"},
      // Negative years.
      {"-431", "-400", PeriodOp::kMeets, "-400", "2025", true, "ancient"},
      {"-431", "-400", PeriodOp::kPrecedes, "1970", "", true, "ancient"},
      {"-420-06-15", "-420-06-15", PeriodOp::kDuring, "-431", "-400", true,
       "a day"},
      {"-431", "-400", PeriodOp::kOverlaps, "-401", "-399", true, "last year"},
      {"-431", "-400", PeriodOp::kOverlaps, "-400", "-399", false, "after"},
      {"-1", "1", PeriodOp::kContains, "0000", "0000", true, "year zero"},
      // Same-day ends: "some time on that day" is the day.
      {"2025-09-02", "2025-09-02", PeriodOp::kEquals, "2025-09-02",
       "2025-09-03", true, "the day"},
      {"2025-09-02", "2025-09-02", PeriodOp::kMeets, "2025-09-03", "", true,
       "next"},
      {"2025-09-02", "2025-09-02", PeriodOp::kDuring, "2025-09-02", "", true,
       "since"},
      {"2025-09-02", "2025-09-02", PeriodOp::kStarts, "2025-09-02",
       "2025-09-10", true, "first day"},
      {"2025-09-02", "2025-09-02", PeriodOp::kOverlaps, "2025-09-01",
       "2025-09-02", false, "ends where it starts"},
      {"2025-09-02T10:00:00Z", "2025-09-02", PeriodOp::kDuring, "2025-09-02",
       "2025-09-02", true, "from ten o'clock that day"},
      // An end coarser than the start and containing it: from some time in
      // September to some time later in 2025, i.e. up to the end of 2025.
      {"2025-09", "2025", PeriodOp::kOverlaps, "2025-10", "2025-10", true,
       "October"},
      {"2025-09", "2025", PeriodOp::kPrecedes, "2025-03", "2025-04", false,
       "March"},
      {"2025-09", "2025", PeriodOp::kSucceeds, "2025-03", "2025-04", true,
       "March"},
      {"2025-09", "2025", PeriodOp::kDuring, "2025", "2025", true, "the year"},
      {"2025-09", "2025", PeriodOp::kFinishes, "2025", "2025", true,
       "the year"},
  };
  for (const PeriodCase& c : cases) {
    Interval a{T(c.a_from), T(c.a_to)}, b{T(c.b_from), T(c.b_to)};
    SCOPED_TRACE(absl::StrFormat("%s %d %s (%s)", a.ToString(),
                                 static_cast<int>(c.op), b.ToString(), c.what));
    ASSERT_TRUE(a.Validate().ok()) << a.Validate();
    ASSERT_TRUE(b.Validate().ok()) << b.Validate();
    EXPECT_EQ(ComparePeriods(PeriodOf(a), c.op, PeriodOf(b)), c.expected);
  }
}

}  // namespace
}  // namespace annals::query
