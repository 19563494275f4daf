// Period comparisons that weigh precision; see periods.h.
#include "query/periods.h"

#include <algorithm>

namespace annals::query {
namespace {

PeriodEnd Exact(int64_t t, std::optional<TimePoint> written) {
  return {t, t, written};
}

bool Alike(const PeriodEnd& a, const PeriodEnd& b) {
  return a.written && b.written && *a.written == *b.written;
}

bool Exact(const PeriodEnd& e) { return e.min == e.max; }

Certainty Less(const PeriodEnd& a, const PeriodEnd& b) {
  if (Alike(a, b)) return Certainty::kNo;
  if (a.max < b.min) return Certainty::kCertain;
  return a.min < b.max ? Certainty::kPossible : Certainty::kNo;
}

Certainty LessEq(const PeriodEnd& a, const PeriodEnd& b) {
  if (Alike(a, b) || a.max <= b.min) return Certainty::kCertain;
  return a.min <= b.max ? Certainty::kPossible : Certainty::kNo;
}

Certainty Equal(const PeriodEnd& a, const PeriodEnd& b) {
  if (Alike(a, b) || (Exact(a) && Exact(b) && a.min == b.min)) {
    return Certainty::kCertain;
  }
  return a.min <= b.max && b.min <= a.max ? Certainty::kPossible
                                          : Certainty::kNo;
}

Certainty And(Certainty a, Certainty b) { return std::min(a, b); }

}  // namespace

Period ClaimPeriod(const Interval& valid) {
  Window certain = valid.Certain(), possible = valid.Possible();
  Period p;
  if (valid.from) {
    p.start = {possible.begin, certain.begin, valid.from};
  } else {
    p.start = Exact(Window::kMin, std::nullopt);
  }
  if (valid.to) {
    // An end whose span holds the start is some instant after it: not
    // written like anything.
    bool holds_start = valid.from && valid.to->seconds <= valid.from->seconds;
    p.end = {certain.end, possible.end, holds_start ? std::nullopt : valid.to};
  } else {
    p.end = Exact(Window::kMax, std::nullopt);
  }
  return p;
}

Period SpanPeriod(const TimePoint& point) {
  return {Exact(point.seconds, point),
          Exact(point.SpanEnd(), TimePoint{point.SpanEnd(), point.precision})};
}

Period RangePeriod(const TimePoint& a, const TimePoint& b) {
  if (b.seconds <= a.seconds) {  // `2025-09 TO 2025`: to the end of 2025
    return {Exact(a.seconds, a), Exact(b.SpanEnd(), std::nullopt)};
  }
  return {Exact(a.seconds, a), Exact(b.seconds, b)};
}

Certainty ComparePeriods(const Period& x, PeriodOp op, const Period& y) {
  switch (op) {
    case PeriodOp::kOverlaps:
      return And(Less(x.start, y.end), Less(y.start, x.end));
    case PeriodOp::kContains:
      return And(LessEq(x.start, y.start), LessEq(y.end, x.end));
    case PeriodOp::kDuring:
      return And(LessEq(y.start, x.start), LessEq(x.end, y.end));
    case PeriodOp::kPrecedes:
      return LessEq(x.end, y.start);
    case PeriodOp::kSucceeds:
      return LessEq(y.end, x.start);
    case PeriodOp::kMeets:
      return Equal(x.end, y.start);
    case PeriodOp::kStarts:
      return And(Equal(x.start, y.start), Less(x.end, y.end));
    case PeriodOp::kFinishes:
      return And(Equal(x.end, y.end), Less(y.start, x.start));
    case PeriodOp::kEquals:
      return And(Equal(x.start, y.start), Equal(x.end, y.end));
  }
  return Certainty::kNo;
}

}  // namespace annals::query
