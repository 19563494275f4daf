// Period comparisons (FILTER `x OVERLAPS y`, ... after Allen and SQL:2011)
// that weigh precision: a claim's ends are unknown instants within the spans
// they were written with, so a relation between two periods certainly holds
// (for every reading of the ends), possibly holds (for some), or does not.
//
// A period is two ends, each the range of instants it may be. A claim's
// start may be any instant of its valid_from span (at most its latest
// possible start, Interval::Certain), its end any instant of its valid_to
// span (at least its earliest possible end); an open end is exact, at
// minus or plus infinity. A literal (`2025`, `a TO b`, a date from a claim
// function) is exact: the year 2025 is [2025-01-01, 2026-01-01).
//
// Two ends written alike (the same point at the same precision: a claim
// ending `2025-09-02` and another starting `2025-09-02`, or a claim starting
// `2025` and the literal `2025`) are the same instant, as supersession
// writes them: so [2024, 2025) certainly MEETS [2025, ...). The end of a
// claim whose valid_to span holds its start (`2025-09-02` to `2025-09-02`,
// "some time that day") is written like nothing: it is some instant after
// the start within that span.
//
// With the ends' comparisons (<, <=, =) each certain, possible or not, a
// relation is certain when each of its comparisons is, and possible when
// each is possible (each end taken on its own).
#ifndef ANNALS_QUERY_PERIODS_H_
#define ANNALS_QUERY_PERIODS_H_

#include <cstdint>
#include <optional>

#include "annals/time.h"
#include "query/ast.h"

namespace annals::query {

enum class Certainty : uint8_t { kNo, kPossible, kCertain };

struct PeriodEnd {
  int64_t min = 0, max = 0;          // the instants it may be, inclusive
  std::optional<TimePoint> written;  // its point, for "written alike"
};

struct Period {
  PeriodEnd start, end;
};

// A claim's valid time.
Period ClaimPeriod(const Interval& valid);
// The span a time point names, exactly: `2025` is [2025-01-01, 2026-01-01).
Period SpanPeriod(const TimePoint& point);
// `a TO b`: [start of a, start of b), exactly.
Period RangePeriod(const TimePoint& a, const TimePoint& b);

// Whether `a op b` certainly, possibly or does not hold.
Certainty ComparePeriods(const Period& a, PeriodOp op, const Period& b);

}  // namespace annals::query

#endif  // ANNALS_QUERY_PERIODS_H_
