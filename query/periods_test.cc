// The precision-aware period algebra: a table of claims' valid times and
// literals against each other (year vs day, month vs month, open ends,
// negative years, same-day ends), each relation certain, possible or not.
#include "query/periods.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "gtest/gtest.h"

namespace annals::query {
namespace {

constexpr Certainty kYes = Certainty::kCertain;
constexpr Certainty kMaybe = Certainty::kPossible;
constexpr Certainty kNo = Certainty::kNo;

std::optional<TimePoint> T(const std::string& text) {
  if (text.empty()) return std::nullopt;
  absl::StatusOr<TimePoint> t = TimePoint::Parse(text);
  EXPECT_TRUE(t.ok()) << text;
  return *t;
}

// An operand: a claim's valid time [from, to], or with `literal` the span of
// `from` (to empty) or the range `from TO to`.
struct Operand {
  std::string from, to;
  bool literal = false;
};
Operand C(std::string from, std::string to) { return {from, to, false}; }
Operand Span(std::string point) { return {point, "", true}; }
Operand Range(std::string a, std::string b) { return {a, b, true}; }

Period PeriodOf(const Operand& o) {
  if (!o.literal) {
    Interval valid{T(o.from), T(o.to)};
    EXPECT_TRUE(valid.Validate().ok()) << valid.ToString();
    return ClaimPeriod(valid);
  }
  return o.to.empty() ? SpanPeriod(*T(o.from))
                      : RangePeriod(*T(o.from), *T(o.to));
}

std::string Show(const Operand& o) {
  if (!o.literal) return Interval{T(o.from), T(o.to)}.ToString();
  return o.to.empty() ? o.from : o.from + " TO " + o.to;
}

struct Case {
  Operand a;
  PeriodOp op;
  Operand b;
  Certainty expected;
  std::string what;
};

TEST(ComparePeriodsTest, Table) {
  const std::string d = "2025-09-02";
  const std::vector<Case> cases = {
      // Year vs day. "Some time in 2025" possibly contains a day, certainly
      // lies within the year 2025; a day's claim lies within the year.
      {C("2025", "2025"), PeriodOp::kContains, C(d, d), kMaybe, "year"},
      {C("2025", "2025"), PeriodOp::kOverlaps, C(d, d), kMaybe, "year"},
      {C("2025", "2025"), PeriodOp::kDuring, C(d, d), kMaybe, "year"},
      {C("2025", "2025"), PeriodOp::kDuring, Span("2025"), kYes, "the year"},
      {C("2025", "2025"), PeriodOp::kOverlaps, Span("2025"), kYes, "the year"},
      {C("2025", "2025"), PeriodOp::kOverlaps, Span(d), kMaybe, "the day"},
      {C(d, d), PeriodOp::kDuring, C("2025", "2025"), kMaybe, "some time"},
      {C(d, d), PeriodOp::kDuring, Span("2025"), kYes, "the year"},
      {C(d, d), PeriodOp::kDuring, Span(d), kYes, "the day"},
      {C("2025", "2026"), PeriodOp::kEquals, Span("2025"), kYes,
       "written alike"},
      {C("2025", "2026"), PeriodOp::kEquals, Range("2025", "2026"), kYes,
       "written alike"},
      {C("2025-01-01", "2026-01-01"), PeriodOp::kEquals, Span("2025"), kMaybe,
       "days vs a year"},
      {C("2025-01-01", "2025-03-01"), PeriodOp::kStarts, C("2025", "2026"),
       kMaybe, "a day in the year"},
      {C("2025-01-01", "2025-03-01"), PeriodOp::kStarts,
       Range("2025-01-01", "2026-01-01"), kYes, "written alike"},
      {C("2025-12-01", "2026-01-01"), PeriodOp::kFinishes,
       C("2025-01-01", "2026-01-01"), kYes, "Dec"},
      {C("2024-12-31", "2024-12-31"), PeriodOp::kPrecedes, C("2025", ""), kYes,
       "new year"},
      {C("2024-12-31", "2024-12-31"), PeriodOp::kMeets, C("2025", ""), kNo,
       "ends within Dec 31"},
      {C("2024-12-31", "2024-12-31"), PeriodOp::kOverlaps, C("2025", ""), kNo,
       "new year"},
      {C("2019", "2019-06-01"), PeriodOp::kOverlaps, Span("2019-03"), kMaybe,
       "closed by supersession"},
      {C("2019", "2019-06-01"), PeriodOp::kMeets, C("2019-06-01", ""), kYes,
       "closed by supersession"},
      // Month vs month.
      {C("2025-03", "2025-06"), PeriodOp::kMeets, C("2025-06", "2025-09"), kYes,
       "adjacent"},
      {C("2025-03", "2025-06"), PeriodOp::kPrecedes, C("2025-06", "2025-09"),
       kYes, "adjacent"},
      {C("2025-03", "2025-06"), PeriodOp::kOverlaps, C("2025-06", "2025-09"),
       kNo, "adjacent"},
      {C("2025-03", "2025-06"), PeriodOp::kOverlaps, C("2025-05", "2025-09"),
       kYes, "May"},
      {C("2025-03", "2025-06"), PeriodOp::kMeets, C("2025-05", "2025-09"), kNo,
       "May"},
      {C("2025-03", "2025-07"), PeriodOp::kOverlaps, C("2025-06-15", ""), kYes,
       "mid-June"},
      {C("2025-03", "2025-06"), PeriodOp::kOverlaps, C("2025-05-31", ""), kYes,
       "the last day of May"},
      {C("2025-06", "2025-09"), PeriodOp::kSucceeds, C("2025-03", "2025-06"),
       kYes, "after"},
      {C("2025-03", "2025-03"), PeriodOp::kDuring, C("2025-03", "2025-06"),
       kYes, "March, starts alike"},
      {C("2025-03", "2025-03"), PeriodOp::kDuring, C("2025-03-10", "2025-06"),
       kMaybe, "March, some time"},
      {C("2025-03", "2025-03"), PeriodOp::kDuring, Range("2025-03", "2025-06"),
       kYes, "March, the literal"},
      {C("2025-04", "2025-06"), PeriodOp::kFinishes, C("2025-03", "2025-06"),
       kYes, "end"},
      {C("2025-03", "2025-04"), PeriodOp::kStarts, C("2025-03", "2025-06"),
       kYes, "start"},
      {C("2025-03", "2025-06"), PeriodOp::kStarts, C("2025-03", "2025-06"), kNo,
       "equal"},
      {C("2025-03", "2025-06"), PeriodOp::kEquals, C("2025-03", "2025-06"),
       kYes, "equal"},
      // Open ends: exact, at the ends of time.
      {C("", "2025-09-03"), PeriodOp::kOverlaps, C(d, ""), kYes, "both open"},
      {C("", ""), PeriodOp::kContains, Range("2025", "2026"), kYes, "forever"},
      {C("", ""), PeriodOp::kEquals, C("", ""), kYes, "forever"},
      {C("", "2025"), PeriodOp::kMeets, C("2025", ""), kYes, "split"},
      {C("", "2025"), PeriodOp::kPrecedes, C("2025", ""), kYes, "split"},
      {C("2025", ""), PeriodOp::kSucceeds, C("", "2025"), kYes, "split"},
      {C("", "2025"), PeriodOp::kStarts, C("", "2026"), kYes, "since forever"},
      {C("2025", ""), PeriodOp::kFinishes, C("2020", ""), kYes, "still holds"},
      {C("2025", ""), PeriodOp::kDuring, C("2020", "2030"), kNo, "open end"},
      {C("", "2025"), PeriodOp::kOverlaps, C("2025", ""), kNo, "split"},
      {C("2025", ""), PeriodOp::kOverlaps, C("2025", ""), kYes, "same start"},
      // Negative years.
      {C("-431", "-400"), PeriodOp::kMeets, C("-400", "2025"), kYes, "ancient"},
      {C("-431", "-400"), PeriodOp::kPrecedes, C("1970", ""), kYes, "ancient"},
      {C("-420-06-15", "-420-06-15"), PeriodOp::kDuring, C("-431", "-400"),
       kYes, "a day"},
      {C("-431", "-400"), PeriodOp::kOverlaps, C("-401", "-399"), kYes,
       "last year"},
      {C("-431", "-400"), PeriodOp::kOverlaps, C("-400", "-399"), kNo, "after"},
      {C("-1", "1"), PeriodOp::kContains, Span("0000"), kYes, "year zero"},
      {C("-1", "1"), PeriodOp::kContains, C("0000", "0000"), kYes, "year zero"},
      // Same-day ends: "some time on that day".
      {C(d, d), PeriodOp::kEquals, C(d, "2025-09-03"), kNo, "ends within d"},
      {C(d, d), PeriodOp::kMeets, C("2025-09-03", ""), kNo, "ends within d"},
      {C(d, d), PeriodOp::kPrecedes, C("2025-09-03", ""), kYes, "next"},
      {C(d, d), PeriodOp::kDuring, C(d, ""), kYes, "since"},
      {C(d, d), PeriodOp::kStarts, C(d, "2025-09-10"), kYes, "first day"},
      {C(d, d), PeriodOp::kMeets, C(d, ""), kMaybe, "not alike its start"},
      {C(d, d), PeriodOp::kOverlaps, C("2025-09-01", d), kNo,
       "ends where it starts"},
      {C("2025-09-02T10:00:00Z", d), PeriodOp::kDuring, C(d, d), kMaybe,
       "from ten o'clock, some time that day"},
      {C("2025-09-02T10:00:00Z", d), PeriodOp::kDuring, Span(d), kYes,
       "from ten o'clock, within the day"},
      // An end coarser than the start and containing it: from some time in
      // September to some time later in 2025.
      {C("2025-09", "2025"), PeriodOp::kOverlaps, Span("2025-10"), kMaybe,
       "October"},
      {C("2025-09", "2025"), PeriodOp::kSucceeds, Range("2025-03", "2025-04"),
       kYes, "March"},
      {C("2025-09", "2025"), PeriodOp::kPrecedes, Range("2025-03", "2025-04"),
       kNo, "March"},
      {C("2025-09", "2025"), PeriodOp::kDuring, Span("2025"), kYes, "the year"},
      {C("2025-09", "2025"), PeriodOp::kFinishes, Span("2025"), kNo,
       "ends within 2025"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::StrFormat("%s %d %s (%s)", Show(c.a),
                                 static_cast<int>(c.op), Show(c.b), c.what));
    EXPECT_EQ(
        static_cast<int>(ComparePeriods(PeriodOf(c.a), c.op, PeriodOf(c.b))),
        static_cast<int>(c.expected));
  }
}

// Converse relations agree, certainty included.
TEST(ComparePeriodsTest, ConversesAgree) {
  std::vector<Operand> ops = {
      C("2025", "2025"),       C("2025-09-02", "2025-09-02"),
      C("2025-03", "2025-06"), C("2025-06", ""),
      C("", "2025"),           Span("2025"),
      Range("2024", "2026"),   C("2024", "2026-03")};
  for (const Operand& a : ops) {
    for (const Operand& b : ops) {
      SCOPED_TRACE(Show(a) + " vs " + Show(b));
      Period x = PeriodOf(a), y = PeriodOf(b);
      EXPECT_EQ(ComparePeriods(x, PeriodOp::kContains, y),
                ComparePeriods(y, PeriodOp::kDuring, x));
      EXPECT_EQ(ComparePeriods(x, PeriodOp::kPrecedes, y),
                ComparePeriods(y, PeriodOp::kSucceeds, x));
      EXPECT_EQ(ComparePeriods(x, PeriodOp::kOverlaps, y),
                ComparePeriods(y, PeriodOp::kOverlaps, x));
      EXPECT_EQ(ComparePeriods(x, PeriodOp::kEquals, y),
                ComparePeriods(y, PeriodOp::kEquals, x));
    }
  }
}

}  // namespace
}  // namespace annals::query
