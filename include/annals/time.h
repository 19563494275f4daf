// Time in Annals: instants with a precision, and half-open intervals whose ends
// keep their precision and may be open.
//
// A TimePoint names a span: `2025` is the whole year, `2025-09-02` the whole
// day, `2025-09-02T10:00:00Z` one second. As the end of an interval, a point
// means "some unknown instant within that span". An interval therefore has a
// *certain* extent (where it holds whatever the unknown instants are) and a
// *possible* extent (where it may hold). For day-precision data, "certainly
// holds on day t" is the usual `from <= t < to` (and `from == to` is "some
// time on that day").
//
// All types here are plain values: cheap to copy, thread-compatible.
#ifndef ANNALS_TIME_H_
#define ANNALS_TIME_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace annals {

// DO NOT CHANGE THESE VALUES: they are stored on disk.
enum class Precision : uint8_t {
  kYear = 1,
  kMonth = 2,
  kDay = 3,
  kSecond = 4,
};

// An instant (seconds since 1970-01-01T00:00:00Z, proleptic Gregorian, UTC;
// negative before 1970) and the precision it was given with. `seconds` is
// always the first second of the span: a year-precision point is January 1st.
struct TimePoint {
  int64_t seconds = 0;
  Precision precision = Precision::kSecond;

  // Parses `2025`, `2025-09`, `2025-09-02`, `2025-09-02T10:00:00Z` (also with
  // a space instead of `T`, without the `Z`, or with `+hh:mm`), and negative
  // or short years (`-431`, `476`). Years are limited to -999999..999999.
  // InvalidArgument with the reason on anything else.
  static absl::StatusOr<TimePoint> Parse(std::string_view text);
  static TimePoint FromCivil(int64_t year, int month = 1, int day = 1,
                             int hour = 0, int minute = 0, int second = 0,
                             Precision precision = Precision::kSecond);
  // The current time, second precision.
  static TimePoint Now();

  // First second after the span: the start of the next year/month/day/second.
  int64_t SpanEnd() const;
  // Prints at its precision: `2025`, `2025-09`, `2025-09-02`,
  // `2025-09-02T10:00:00Z`. Parse(ToString()) gives the point back.
  std::string ToString() const;

  friend bool operator==(const TimePoint& a, const TimePoint& b) {
    return a.seconds == b.seconds && a.precision == b.precision;
  }
  friend bool operator!=(const TimePoint& a, const TimePoint& b) {
    return !(a == b);
  }
};

// A window of instants [begin, end) in seconds; used for queries. The
// extremes stand for open ends.
struct Window {
  static constexpr int64_t kMin = INT64_MIN;
  static constexpr int64_t kMax = INT64_MAX;
  int64_t begin = kMin;
  int64_t end = kMax;

  // The span a point names: `2025` -> [2025-01-01, 2026-01-01).
  static Window Of(const TimePoint& point) {
    return {point.seconds, point.SpanEnd()};
  }
  // A single instant [t, t+1).
  static Window At(int64_t seconds) { return {seconds, seconds + 1}; }
  bool empty() const { return begin >= end; }
};

// Valid time of a claim: [from, to) where either end may be open (nullopt).
struct Interval {
  std::optional<TimePoint> from;  // nullopt: since forever
  std::optional<TimePoint> to;    // nullopt: still holds

  // InvalidArgument if `to` ends before `from` can start, i.e. the interval
  // could not hold at any instant (`2025-09-03` to `2025-09-02`, or two equal
  // second-precision points). `2025` to `2025` is valid: "some time in 2025".
  absl::Status Validate() const;

  // [latest possible start, earliest possible end): the instants at which
  // the claim holds for every reading of its uncertain ends. May be empty:
  // "some time in 2025" holds at no instant for certain.
  Window Certain() const;
  // Where it may hold: [first instant of from's span, last instant of to's
  // span).
  Window Possible() const;

  // True when the claim holds at some instant of `w` for every reading of its
  // ends (certainly: "some time in 2025" certainly overlaps the year 2025 but
  // not the day 2025-09-02), or for at least one reading (possibly).
  bool CertainlyOverlaps(const Window& w) const;
  bool PossiblyOverlaps(const Window& w) const;

  // `[2025-09-02, 2027)`, `[2025, ...)`, `(..., 2020-01)`.
  std::string ToString() const;

  friend bool operator==(const Interval& a, const Interval& b) {
    return a.from == b.from && a.to == b.to;
  }
};

std::string_view PrecisionName(Precision p);

// Parses a date written with `#` for unknown digits, as the YAGO and Wikidata
// exports of temporal knowledge graphs write them: `1962-##-##` is the year
// 1962 (year precision), `1962-05-##` May 1962 (month precision) and
// `####-##-##` (also `####`, `####-##`) a wholly unknown date: nullopt. Years
// may be short or negative (`360-##-##`, `-431-##-##`). Text without `#`
// parses as TimePoint::Parse. InvalidArgument with the reason on anything
// else, among them a partly known year (`19##-##-##`: a decade or century,
// which no Precision can keep), a partly known month or day (`1962-1#-##`), a
// known part after an unknown one (`1962-##-05`, `####-05-##`), an unknown
// year not written `####`, and `#` in a time of day.
absl::StatusOr<std::optional<TimePoint>> ParseWithUnknownDigits(
    std::string_view text);

}  // namespace annals

#endif  // ANNALS_TIME_H_
