// Time literals with precision, and the certain/possible extents of intervals.
// Implements include/annals/time.h.
#include "annals/time.h"

#include <algorithm>
#include <cctype>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "annals/claim.h"
#include "common/absl_view.h"

namespace annals {
namespace {

constexpr int64_t kMaxYear = 999999;

// Proleptic Gregorian calendar arithmetic on day numbers (days since
// 1970-01-01), valid for any year Annals accepts; 400-year eras make the
// formulas exact for negative years too.
int64_t FloorDiv(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  int64_t era = FloorDiv(y, 400);
  int64_t yoe = y - era * 400;                                    // [0, 399]
  int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
  return era * 146097 + doe - 719468;
}

struct Civil {
  int64_t year;
  int month, day, hour, minute, second;
};

Civil CivilFromSeconds(int64_t seconds) {
  int64_t days = FloorDiv(seconds, 86400);
  int64_t sod = seconds - days * 86400;
  int64_t z = days + 719468;
  int64_t era = FloorDiv(z, 146097);
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2),
          m,
          d,
          static_cast<int>(sod / 3600),
          static_cast<int>(sod / 60 % 60),
          static_cast<int>(sod % 60)};
}

bool IsLeap(int64_t y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

int DaysInMonth(int64_t y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `n` digits at `*pos`.
bool ReadDigits(std::string_view s, size_t* pos, int n, int* out) {
  if (*pos + n > s.size()) return false;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    char c = s[*pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *out = v;
  return true;
}

absl::Status Bad(std::string_view text, std::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("invalid time '", AbslView(text), "': ", AbslView(why),
                   " (expected YYYY, YYYY-MM, YYYY-MM-DD or "
                   "YYYY-MM-DDThh:mm:ssZ)"));
}

}  // namespace

std::string_view PrecisionName(Precision p) {
  switch (p) {
    case Precision::kYear:
      return "year";
    case Precision::kMonth:
      return "month";
    case Precision::kDay:
      return "day";
    case Precision::kSecond:
      return "second";
  }
  return "unknown";
}

TimePoint TimePoint::FromCivil(int64_t year, int month, int day, int hour,
                               int minute, int second, Precision precision) {
  return {DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 +
              second,
          precision};
}

TimePoint TimePoint::Now() {
  return {absl::ToUnixSeconds(absl::Now()), Precision::kSecond};
}

absl::StatusOr<TimePoint> TimePoint::Parse(std::string_view text) {
  // Fast path for the commonest form in load files: YYYY-MM-DD.
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    size_t p = 0;
    int y = 0, m = 0, d = 0;
    if (ReadDigits(text, &p, 4, &y) && (++p, ReadDigits(text, &p, 2, &m)) &&
        (++p, ReadDigits(text, &p, 2, &d)) && m >= 1 && m <= 12 && d >= 1 &&
        d <= DaysInMonth(y, m)) {
      return TimePoint{DaysFromCivil(y, m, d) * 86400, Precision::kDay};
    }
  }
  size_t pos = 0;
  bool negative = false;
  if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) {
    negative = text[pos] == '-';
    ++pos;
  }
  size_t year_start = pos;
  while (pos < text.size() && isdigit(static_cast<unsigned char>(text[pos]))) {
    ++pos;
  }
  size_t year_digits = pos - year_start;
  if (year_digits == 0) return Bad(text, "no year");
  if (year_digits > 6) return Bad(text, "year out of range");
  int64_t year = 0;
  for (size_t i = year_start; i < pos; ++i) year = year * 10 + (text[i] - '0');
  if (negative) year = -year;
  if (year > kMaxYear || year < -kMaxYear)
    return Bad(text, "year out of range");
  if (pos == text.size())
    return FromCivil(year, 1, 1, 0, 0, 0, Precision::kYear);

  int month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (text[pos] != '-' || (++pos, !ReadDigits(text, &pos, 2, &month))) {
    return Bad(text, "expected '-' and a two-digit month after the year");
  }
  if (month < 1 || month > 12) return Bad(text, "month out of range");
  if (pos == text.size()) {
    return FromCivil(year, month, 1, 0, 0, 0, Precision::kMonth);
  }
  if (text[pos] != '-' || (++pos, !ReadDigits(text, &pos, 2, &day))) {
    return Bad(text, "expected '-' and a two-digit day after the month");
  }
  if (day < 1 || day > DaysInMonth(year, month)) {
    return Bad(text, "no such day");
  }
  if (pos == text.size())
    return FromCivil(year, month, day, 0, 0, 0, Precision::kDay);

  if ((text[pos] != 'T' && text[pos] != ' ') ||
      (++pos, !ReadDigits(text, &pos, 2, &hour)) || pos >= text.size() ||
      text[pos] != ':' || (++pos, !ReadDigits(text, &pos, 2, &minute)) ||
      pos >= text.size() || text[pos] != ':' ||
      (++pos, !ReadDigits(text, &pos, 2, &second))) {
    return Bad(text, "expected Thh:mm:ss after the day");
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return Bad(text, "time of day out of range");
  }
  int64_t offset = 0;
  if (pos < text.size() && text[pos] == 'Z') {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    int sign = text[pos] == '-' ? -1 : 1;
    int oh = 0, om = 0;
    ++pos;
    if (!ReadDigits(text, &pos, 2, &oh) || pos >= text.size() ||
        text[pos] != ':' || (++pos, !ReadDigits(text, &pos, 2, &om)) ||
        oh > 23 || om > 59) {
      return Bad(text, "expected a zone offset +hh:mm");
    }
    offset = sign * (oh * 3600 + om * 60);
  }
  if (pos != text.size()) return Bad(text, "unexpected characters at the end");
  TimePoint t = FromCivil(year, month, day, hour, minute, second);
  t.seconds -= offset;
  return t;
}

int64_t TimePoint::SpanEnd() const {
  switch (precision) {
    case Precision::kYear:
      return DaysFromCivil(CivilFromSeconds(seconds).year + 1, 1, 1) * 86400;
    case Precision::kMonth: {
      Civil c = CivilFromSeconds(seconds);
      return seconds + int64_t{DaysInMonth(c.year, c.month)} * 86400;
    }
    case Precision::kDay:
      return seconds + 86400;
    case Precision::kSecond:
      break;
  }
  return seconds + 1;
}

std::string TimePoint::ToString() const {
  Civil c = CivilFromSeconds(seconds);
  std::string year = c.year < 0 ? absl::StrFormat("-%04d", -c.year)
                                : absl::StrFormat("%04d", c.year);
  switch (precision) {
    case Precision::kYear:
      return year;
    case Precision::kMonth:
      return absl::StrFormat("%s-%02d", year, c.month);
    case Precision::kDay:
      return absl::StrFormat("%s-%02d-%02d", year, c.month, c.day);
    case Precision::kSecond:
      break;
  }
  return absl::StrFormat("%s-%02d-%02dT%02d:%02d:%02dZ", year, c.month, c.day,
                         c.hour, c.minute, c.second);
}

namespace {

// What a part of a date with unknown digits is made of.
enum class Digits { kKnown, kUnknown, kPartly, kBad };

Digits Classify(std::string_view part) {
  bool digit = false, hash = false;
  for (char c : part) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c == '#') {
      hash = true;
    } else {
      return Digits::kBad;
    }
  }
  if (digit && hash) return Digits::kPartly;
  if (digit) return Digits::kKnown;
  return hash ? Digits::kUnknown : Digits::kBad;
}

absl::Status BadDigits(std::string_view text, std::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("invalid time '", AbslView(text), "': ", AbslView(why),
                   " (expected a date with # for unknown digits: YYYY-MM-##, "
                   "YYYY-##-## or ####-##-##, or a time without #)"));
}

}  // namespace

absl::StatusOr<std::optional<TimePoint>> ParseWithUnknownDigits(
    std::string_view text) {
  if (text.find('#') == std::string_view::npos) {
    absl::StatusOr<TimePoint> t = TimePoint::Parse(text);
    if (!t.ok()) return t.status();
    return std::optional<TimePoint>(*t);
  }
  size_t pos = 0;
  const bool sign = !text.empty() && (text[0] == '-' || text[0] == '+');
  if (sign) ++pos;
  // The year, then at most a month and a day, separated by '-'.
  std::string_view parts[3];
  size_t count = 0;
  for (;;) {
    const size_t dash = text.find('-', pos);
    std::string_view part =
        text.substr(pos, dash == std::string_view::npos ? dash : dash - pos);
    if (count == 3) {
      return BadDigits(text,
                       "expected at most a month and a day after the year");
    }
    parts[count++] = part;
    if (dash == std::string_view::npos) break;
    pos = dash + 1;
  }
  const std::string_view year = parts[0];
  const Digits year_kind = Classify(year);
  if (year_kind == Digits::kBad) {
    return BadDigits(text, "expected a year of digits or #");
  }
  if (year.size() > 6) return BadDigits(text, "year out of range");
  if (year_kind == Digits::kPartly) {
    return BadDigits(text, absl::StrCat("partly known year '", AbslView(year),
                                        "': a time keeps a year, month, day or "
                                        "second, not a decade or century"));
  }
  if (year_kind == Digits::kUnknown && sign) {
    return BadDigits(text, "a sign before an unknown year");
  }
  if (year_kind == Digits::kUnknown && year.size() != 4) {
    return BadDigits(text, "an unknown year is written ####");
  }
  Digits kinds[3] = {year_kind, Digits::kUnknown, Digits::kUnknown};
  constexpr std::string_view kNames[3] = {"year", "month", "day"};
  for (size_t i = 1; i < count; ++i) {
    const std::string_view part = parts[i];
    kinds[i] = Classify(part);
    if (part.size() != 2 || kinds[i] == Digits::kBad) {
      return BadDigits(
          text,
          absl::StrCat("expected '-' and a two-digit ", AbslView(kNames[i]),
                       " or ## after the ", AbslView(kNames[i - 1])));
    }
    if (kinds[i] == Digits::kPartly) {
      return BadDigits(text, absl::StrCat("partly known ", AbslView(kNames[i]),
                                          " '", AbslView(part), "'"));
    }
    if (kinds[i] == Digits::kKnown && kinds[i - 1] == Digits::kUnknown) {
      return BadDigits(
          text, absl::StrCat("a known ", AbslView(kNames[i]),
                             " after an unknown ", AbslView(kNames[i - 1])));
    }
  }
  if (year_kind == Digits::kUnknown) return std::optional<TimePoint>();
  int64_t y = 0;
  for (char c : year) y = y * 10 + (c - '0');
  if (sign && text[0] == '-') y = -y;
  if (kinds[1] == Digits::kUnknown) {
    return TimePoint::FromCivil(y, 1, 1, 0, 0, 0, Precision::kYear);
  }
  const int month = (parts[1][0] - '0') * 10 + (parts[1][1] - '0');
  if (month < 1 || month > 12) return BadDigits(text, "month out of range");
  return TimePoint::FromCivil(y, month, 1, 0, 0, 0, Precision::kMonth);
}

TimeView TimeView::Now() {
  TimeView v;
  v.valid = Window::At(TimePoint::Now().seconds);
  return v;
}

namespace {
// Bounds of the unknown start and end instants: start in [fa, fb), end in
// [ta, tb), start < end. Open ends are the extremes.
struct EndBounds {
  int64_t fa, fb, ta, tb;
};
EndBounds Bounds(const Interval& i) {
  return {i.from ? i.from->seconds : Window::kMin,
          i.from ? i.from->SpanEnd() : Window::kMin + 1,
          i.to ? i.to->seconds : Window::kMax - 1,
          i.to ? i.to->SpanEnd() : Window::kMax};
}
}  // namespace

Window Interval::Certain() const {
  // The latest the claim may start, and the earliest it may end.
  EndBounds b = Bounds(*this);
  int64_t latest_start = std::min(b.fb - 1, b.tb - 2);
  int64_t earliest_end = std::max(b.ta, b.fa + 1);
  if (!from) latest_start = Window::kMin;
  if (!to) earliest_end = Window::kMax;
  return {latest_start, earliest_end};
}

Window Interval::Possible() const {
  EndBounds b = Bounds(*this);
  return {from ? b.fa : Window::kMin, to ? b.tb - 1 : Window::kMax};
}

absl::Status Interval::Validate() const {
  if (Possible().empty()) {
    return absl::InvalidArgumentError(absl::StrCat("valid_to ", to->ToString(),
                                                   " is not after valid_from ",
                                                   from->ToString()));
  }
  return absl::OkStatus();
}

bool Interval::CertainlyOverlaps(const Window& w) const {
  // Certain unless some reading ends before w or starts after it.
  Window core = Certain();
  return !w.empty() && core.end > w.begin && core.begin < w.end;
}

bool Interval::PossiblyOverlaps(const Window& w) const {
  Window p = Possible();
  return !w.empty() && !p.empty() && p.begin < w.end && w.begin < p.end;
}

std::string Interval::ToString() const {
  return absl::StrCat(from ? "[" + from->ToString() : "(...", ", ",
                      to ? to->ToString() + ")" : "...)");
}

}  // namespace annals
