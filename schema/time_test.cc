// Tests of time literals (TimePoint: parsing, printing, spans) and of the
// certain/possible semantics of intervals with precision and open ends.
#include "annals/time.h"

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "gtest/gtest.h"

namespace annals {
namespace {

constexpr int64_t kDay = 86400;

// Days since 1970-01-01 of a proleptic Gregorian date (astronomical years:
// year 0 = 1 BC), after Howard Hinnant's days_from_civil. An oracle that
// shares no code with Abseil.
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int64_t Secs(int64_t y, int m = 1, int d = 1, int hh = 0, int mm = 0,
             int ss = 0) {
  return DaysFromCivil(y, m, d) * kDay + hh * 3600 + mm * 60 + ss;
}

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int64_t y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Parses or fails the test.
TimePoint P(const std::string& text) {
  absl::StatusOr<TimePoint> t = TimePoint::Parse(text);
  EXPECT_TRUE(t.ok()) << text << ": " << t.status();
  return t.ok() ? *t : TimePoint{};
}

std::optional<TimePoint> OptP(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return P(text);
}

// "" is an open end.
Interval I(const std::string& from, const std::string& to) {
  return {OptP(from), OptP(to)};
}

Window Of(const std::string& text) { return Window::Of(P(text)); }

// ---------------------------------------------------------------------------
// TimePoint::Parse

TEST(TimeParseTest, EveryAcceptedForm) {
  struct Case {
    std::string text;
    int64_t seconds;
    Precision precision;
  };
  const std::vector<Case> cases = {
      {"2025", 1735689600, Precision::kYear},
      {"2025-09", 1756684800, Precision::kMonth},
      {"2025-09-02", 1756771200, Precision::kDay},
      {"2025-09-02T10:00:00Z", 1756771200 + 36000, Precision::kSecond},
      {"2025-09-02 10:00:00Z", 1756771200 + 36000, Precision::kSecond},
      {"2025-09-02T10:00:00", 1756771200 + 36000, Precision::kSecond},
      {"2025-09-02 10:00:00", 1756771200 + 36000, Precision::kSecond},
      {"2025-09-02T10:00:00+02:00", 1756771200 + 8 * 3600, Precision::kSecond},
      {"2025-09-02T10:00:00-05:30", 1756771200 + 15 * 3600 + 1800,
       Precision::kSecond},
      {"2025-09-02T10:00:00+00:00", 1756771200 + 36000, Precision::kSecond},
      // An offset can move the instant to another day.
      {"2025-09-02T01:00:00+02:00", 1756771200 - 3600, Precision::kSecond},
      {"2025-09-02T23:59:59Z", 1756771200 + kDay - 1, Precision::kSecond},
      {"1970", 0, Precision::kYear},
      {"1970-01-01T00:00:00Z", 0, Precision::kSecond},
      {"1969-12-31", -86400, Precision::kDay},
      {"1969-12-31T23:59:59Z", -1, Precision::kSecond},
      {"2000-01-01", 946684800, Precision::kDay},
      {"2024-02-29", 1709164800, Precision::kDay},
      {"2000-02-29", 951782400, Precision::kDay},
      {"0001", -62135596800, Precision::kYear},
      {"0000", -62167219200, Precision::kYear},
      {"476", -47146060800, Precision::kYear},
      {"-431", -75768220800, Precision::kYear},
      {"-0431", -75768220800, Precision::kYear},
      {"-431-03", -75763123200, Precision::kMonth},
      {"-400", -74790000000, Precision::kYear},
      {"-1", -62198755200, Precision::kYear},
      // Astronomical year -432 (433 BC) is a leap year.
      {"-432-02-29", -75794745600, Precision::kDay},
      {"1900-03-01", -2203891200, Precision::kDay},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    absl::StatusOr<TimePoint> t = TimePoint::Parse(c.text);
    ASSERT_TRUE(t.ok()) << t.status();
    EXPECT_EQ(t->seconds, c.seconds);
    EXPECT_EQ(t->precision, c.precision);
  }
}

TEST(TimeParseTest, SixDigitYearsAreTheLimit) {
  absl::StatusOr<TimePoint> max = TimePoint::Parse("999999");
  ASSERT_TRUE(max.ok()) << max.status();
  EXPECT_EQ(max->seconds, Secs(999999));
  absl::StatusOr<TimePoint> min = TimePoint::Parse("-999999-12-31");
  ASSERT_TRUE(min.ok()) << min.status();
  EXPECT_EQ(min->seconds, Secs(-999999, 12, 31));
  EXPECT_EQ(TimePoint::Parse("1000000").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(TimePoint::Parse("-1000000").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(TimeParseTest, RejectsWithInvalidArgument) {
  const std::vector<std::string> bad = {
      "",
      "abc",
      "-",
      "+",
      "T",
      "2025x",
      "2025-",
      "2025-1",
      "2025-13",
      "2025-00",
      "2025-9-2",
      "2025-09-2",
      "2025-09-",
      "2025/09/02",
      "2025-09-00",
      "2025-09-32",
      "2025-02-30",
      "2025-04-31",
      "2023-02-29",  // 2023 is not a leap year (2024-02-29 is accepted)
      "1900-02-29",  // divisible by 100, not by 400
      "-431-02-29",
      "2025-09-02x",
      "2025-09-02T",
      "2025-09-02 ",
      "2025-09-02T10",
      "2025-09-02T10:00",
      "2025-09-02T10:00Z",
      "2025-09-02t10:00:00Z",
      "2025-09-02T24:00:00Z",
      "2025-09-02T23:60:00Z",
      "2025-09-02T23:59:60Z",
      "2025-09-02T1:00:00Z",
      "2025-09-02T10:00:00Zjunk",
      "2025-09-02T10:00:00ZZ",
      "2025-09-02T10:00:00 ",
      "2025-09-02T10:00:00+02",
      "2025-09-02T10:00:00+0200",
      "2025-09-02T10:00:00+24:00",
      "2025-09-02T10:00:00+02:60",
      "2025-09-02T10:00:00+02:00Z",
      " 2025",
      "2025 ",
      "1234567",
      "20x5",
      "two thousand",
  };
  for (const std::string& text : bad) {
    SCOPED_TRACE(text);
    absl::StatusOr<TimePoint> t = TimePoint::Parse(text);
    ASSERT_FALSE(t.ok()) << "parsed to " << t->ToString();
    EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
    // The message quotes the text it rejects.
    EXPECT_TRUE(absl::StrContains(t.status().message(), "'" + text + "'"))
        << t.status();
  }
}

TEST(TimeParseTest, LeapDayOnlyInLeapYears) {
  EXPECT_TRUE(TimePoint::Parse("2024-02-29").ok());
  EXPECT_FALSE(TimePoint::Parse("2023-02-29").ok());
  EXPECT_TRUE(TimePoint::Parse("2000-02-29").ok());
  EXPECT_FALSE(TimePoint::Parse("2100-02-29").ok());
  EXPECT_TRUE(TimePoint::Parse("-432-02-29").ok());
  EXPECT_FALSE(TimePoint::Parse("-431-02-29").ok());
}

TEST(TimeParseTest, MessagesSayWhy) {
  EXPECT_TRUE(absl::StrContains(TimePoint::Parse("2025-13").status().message(),
                                "month"));
  EXPECT_TRUE(absl::StrContains(
      TimePoint::Parse("2025-02-30").status().message(), "day"));
  EXPECT_TRUE(absl::StrContains(
      TimePoint::Parse("2025-09-02T10:00:00Zx").status().message(), "end"));
}

// Random dates of every precision in years -9999..9999: parse gives the
// seconds of an independent calendar computation and ToString the text back.
TEST(TimeParseTest, RandomDatesMatchOracleAndRoundTrip) {
  std::mt19937_64 rng(42);
  for (int i = 0; i < 20000; ++i) {
    int64_t y = std::uniform_int_distribution<int64_t>(-9999, 9999)(rng);
    int m = std::uniform_int_distribution<int>(1, 12)(rng);
    int d = std::uniform_int_distribution<int>(1, DaysInMonth(y, m))(rng);
    int hh = std::uniform_int_distribution<int>(0, 23)(rng);
    int mm = std::uniform_int_distribution<int>(0, 59)(rng);
    int ss = std::uniform_int_distribution<int>(0, 59)(rng);
    std::string year =
        y < 0 ? absl::StrFormat("-%04d", -y) : absl::StrFormat("%04d", y);
    struct Form {
      std::string text;
      int64_t seconds;
      Precision precision;
    };
    const Form forms[] = {
        {year, Secs(y), Precision::kYear},
        {absl::StrFormat("%s-%02d", year, m), Secs(y, m), Precision::kMonth},
        {absl::StrFormat("%s-%02d-%02d", year, m, d), Secs(y, m, d),
         Precision::kDay},
        {absl::StrFormat("%s-%02d-%02dT%02d:%02d:%02dZ", year, m, d, hh, mm,
                         ss),
         Secs(y, m, d, hh, mm, ss), Precision::kSecond},
    };
    for (const Form& f : forms) {
      SCOPED_TRACE(f.text);
      absl::StatusOr<TimePoint> t = TimePoint::Parse(f.text);
      ASSERT_TRUE(t.ok()) << t.status();
      ASSERT_EQ(t->seconds, f.seconds);
      ASSERT_EQ(t->precision, f.precision);
      ASSERT_EQ(t->ToString(), f.text);
      EXPECT_EQ(TimePoint::FromCivil(
                    y, f.precision >= Precision::kMonth ? m : 1,
                    f.precision >= Precision::kDay ? d : 1,
                    f.precision == Precision::kSecond ? hh : 0,
                    f.precision == Precision::kSecond ? mm : 0,
                    f.precision == Precision::kSecond ? ss : 0, f.precision),
                *t);
    }
  }
}

// ---------------------------------------------------------------------------
// ParseWithUnknownDigits

TEST(UnknownDigitsTest, EveryPrecision) {
  struct Case {
    std::string text;
    std::optional<TimePoint> want;  // nullopt: wholly unknown
  };
  const auto at = [](int64_t y, int m, int d, Precision p) {
    return std::optional<TimePoint>(TimePoint{Secs(y, m, d), p});
  };
  const std::vector<Case> cases = {
      {"1962-##-##", at(1962, 1, 1, Precision::kYear)},
      {"1962-##", at(1962, 1, 1, Precision::kYear)},
      {"1962-05-##", at(1962, 5, 1, Precision::kMonth)},
      {"1962-12-##", at(1962, 12, 1, Precision::kMonth)},
      {"360-##-##", at(360, 1, 1, Precision::kYear)},
      {"19-##-##", at(19, 1, 1, Precision::kYear)},
      {"0019-##-##", at(19, 1, 1, Precision::kYear)},
      {"-431-##-##", at(-431, 1, 1, Precision::kYear)},
      {"+1962-##-##", at(1962, 1, 1, Precision::kYear)},
      {"999999-##-##", at(999999, 1, 1, Precision::kYear)},
      {"####-##-##", std::nullopt},
      {"####-##", std::nullopt},
      {"####", std::nullopt},
      // Without '#', as TimePoint::Parse.
      {"1962-05-03", at(1962, 5, 3, Precision::kDay)},
      {"1962-05", at(1962, 5, 1, Precision::kMonth)},
      {"1962", at(1962, 1, 1, Precision::kYear)},
      {"-431", at(-431, 1, 1, Precision::kYear)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    absl::StatusOr<std::optional<TimePoint>> t = ParseWithUnknownDigits(c.text);
    ASSERT_TRUE(t.ok()) << t.status();
    EXPECT_EQ(*t, c.want);
  }
  absl::StatusOr<std::optional<TimePoint>> t =
      ParseWithUnknownDigits("1962-05-03T10:00:00Z");
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(**t, P("1962-05-03T10:00:00Z"));
  // What it stands for: the whole year, the whole month.
  EXPECT_EQ(Window::Of(**ParseWithUnknownDigits("1962-##-##")).end, Secs(1963));
  EXPECT_EQ(Window::Of(**ParseWithUnknownDigits("1962-02-##")).end,
            Secs(1962, 3));
}

TEST(UnknownDigitsTest, RefusedWithTheReason) {
  const std::string kExpected =
      " (expected a date with # for unknown digits: YYYY-MM-##, YYYY-##-## or "
      "####-##-##, or a time without #)";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"19##-##-##",
       "partly known year '19##': a time keeps a year, month, day or second, "
       "not a decade or century"},
      {"195#-##-##",
       "partly known year '195#': a time keeps a year, month, day or second, "
       "not a decade or century"},
      {"1962-1#-##", "partly known month '1#'"},
      {"1962-05-3#", "partly known day '3#'"},
      {"1962-##-05", "a known day after an unknown month"},
      {"####-05-##", "a known month after an unknown year"},
      {"####-##-05", "a known day after an unknown month"},
      {"1962-13-##", "month out of range"},
      {"1962-00-##", "month out of range"},
      {"-####-##-##", "a sign before an unknown year"},
      {"1234567-##-##", "year out of range"},
      {"#######-##-##", "year out of range"},
      {"x962-##-##", "expected a year of digits or #"},
      {"-##", "a sign before an unknown year"},
      {"#", "an unknown year is written ####"},
      {"##-##-##", "an unknown year is written ####"},
      {"1962-#-##", "expected '-' and a two-digit month or ## after the year"},
      {"1962--##", "expected '-' and a two-digit month or ## after the year"},
      {"1962-##-", "expected '-' and a two-digit day or ## after the month"},
      {"1962-##-##T10:00:00Z",
       "expected '-' and a two-digit day or ## after the month"},
      {"1962-05-##x", "expected '-' and a two-digit day or ## after the month"},
      {"1962-##-##-##", "expected at most a month and a day after the year"},
      {"1962-##-## ", "expected '-' and a two-digit day or ## after the month"},
  };
  for (const auto& [text, why] : cases) {
    SCOPED_TRACE(text);
    absl::StatusOr<std::optional<TimePoint>> t = ParseWithUnknownDigits(text);
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(t.status().message(),
              "invalid time '" + text + "': " + why + kExpected);
  }
  // Without '#' the errors are TimePoint::Parse's.
  absl::StatusOr<std::optional<TimePoint>> t =
      ParseWithUnknownDigits("307-13047-09");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(),
            "invalid time '307-13047-09': month out of range (expected YYYY, "
            "YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)");
  EXPECT_EQ(ParseWithUnknownDigits("").status().message(),
            TimePoint::Parse("").status().message());
}

// Every form of a random date: '#' over the day, or the month and day, gives
// the month or the year of the same date.
TEST(UnknownDigitsTest, RandomDatesMatchParseOfTheKnownPart) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 5000; ++i) {
    int64_t y = std::uniform_int_distribution<int64_t>(-9999, 9999)(rng);
    int m = std::uniform_int_distribution<int>(1, 12)(rng);
    std::string year =
        y < 0 ? absl::StrFormat("-%04d", -y) : absl::StrFormat("%04d", y);
    std::string month = absl::StrFormat("%s-%02d", year, m);
    SCOPED_TRACE(month);
    EXPECT_EQ(**ParseWithUnknownDigits(year + "-##-##"), P(year));
    EXPECT_EQ(**ParseWithUnknownDigits(month + "-##"), P(month));
  }
}

// ---------------------------------------------------------------------------
// TimePoint::ToString, FromCivil, Now

TEST(TimeToStringTest, EachPrecisionRoundTrips) {
  const std::vector<std::string> texts = {
      "2025",
      "2025-09",
      "2025-09-02",
      "2025-09-02T10:00:00Z",
      "1969-12-31",
      "1970",
      "0000",
      "0001",
      "0476",
      "-0431",
      "-0431-03",
      "-0432-02-29",
      "-0001-12-31T23:59:59Z",
      "9999-12-31T23:59:59Z",
      "10000",
      "999999-12",
      "-999999",
  };
  for (const std::string& text : texts) {
    SCOPED_TRACE(text);
    TimePoint t = P(text);
    EXPECT_EQ(t.ToString(), text);
    EXPECT_EQ(P(t.ToString()), t);
  }
}

TEST(TimeToStringTest, ShortAndOffsetFormsPrintCanonically) {
  EXPECT_EQ(P("476").ToString(), "0476");
  EXPECT_EQ(P("-431").ToString(), "-0431");
  EXPECT_EQ(P("2025-09-02 10:00:00").ToString(), "2025-09-02T10:00:00Z");
  EXPECT_EQ(P("2025-09-02T10:00:00+02:00").ToString(), "2025-09-02T08:00:00Z");
  EXPECT_EQ(P("2025-09-02T01:00:00+02:00").ToString(), "2025-09-01T23:00:00Z");
  EXPECT_EQ(P("2025-09-02T22:00:00-05:00").ToString(), "2025-09-03T03:00:00Z");
}

TEST(TimeToStringTest, PrintsTheSpanContainingTheInstant) {
  // Second-precision points in the last second before the epoch and before
  // year 0 print the right calendar date (floor, not truncation).
  EXPECT_EQ((TimePoint{-1, Precision::kSecond}).ToString(),
            "1969-12-31T23:59:59Z");
  EXPECT_EQ((TimePoint{Secs(0) - 1, Precision::kSecond}).ToString(),
            "-0001-12-31T23:59:59Z");
}

TEST(TimeFromCivilTest, MatchesParse) {
  EXPECT_EQ(TimePoint::FromCivil(2025, 9, 2, 0, 0, 0, Precision::kDay),
            P("2025-09-02"));
  EXPECT_EQ(TimePoint::FromCivil(2025, 1, 1, 0, 0, 0, Precision::kYear),
            P("2025"));
  EXPECT_EQ(TimePoint::FromCivil(2025, 9, 2, 10), P("2025-09-02T10:00:00Z"));
  EXPECT_EQ(TimePoint::FromCivil(-431, 1, 1, 0, 0, 0, Precision::kYear),
            P("-431"));
  // Defaults: January 1st, midnight, second precision.
  TimePoint t = TimePoint::FromCivil(2025);
  EXPECT_EQ(t.seconds, 1735689600);
  EXPECT_EQ(t.precision, Precision::kSecond);
}

TEST(TimeNowTest, IsSecondPrecisionAndRecent) {
  TimePoint now = TimePoint::Now();
  EXPECT_EQ(now.precision, Precision::kSecond);
  EXPECT_GT(now.seconds, P("2024").seconds);
  EXPECT_LT(now.seconds, P("2200").seconds);
}

TEST(TimePrecisionTest, Names) {
  EXPECT_EQ(PrecisionName(Precision::kYear), "year");
  EXPECT_EQ(PrecisionName(Precision::kMonth), "month");
  EXPECT_EQ(PrecisionName(Precision::kDay), "day");
  EXPECT_EQ(PrecisionName(Precision::kSecond), "second");
  // On-disk values.
  EXPECT_EQ(static_cast<int>(Precision::kYear), 1);
  EXPECT_EQ(static_cast<int>(Precision::kMonth), 2);
  EXPECT_EQ(static_cast<int>(Precision::kDay), 3);
  EXPECT_EQ(static_cast<int>(Precision::kSecond), 4);
}

// ---------------------------------------------------------------------------
// TimePoint::SpanEnd and Window

TEST(TimeSpanEndTest, Year) {
  EXPECT_EQ(P("2025").SpanEnd(), 1767225600);  // 2026-01-01
  EXPECT_EQ(P("2025").SpanEnd() - P("2025").seconds, 365 * kDay);
  EXPECT_EQ(P("2024").SpanEnd() - P("2024").seconds, 366 * kDay);
  EXPECT_EQ(P("1900").SpanEnd() - P("1900").seconds, 365 * kDay);
  EXPECT_EQ(P("2000").SpanEnd() - P("2000").seconds, 366 * kDay);
  EXPECT_EQ(P("1969").SpanEnd(), 0);
  EXPECT_EQ(P("-1").SpanEnd(), Secs(0));
  EXPECT_EQ(P("-432").SpanEnd() - P("-432").seconds, 366 * kDay);
  EXPECT_EQ(P("-431").SpanEnd(), Secs(-430));
}

TEST(TimeSpanEndTest, Month) {
  EXPECT_EQ(P("2025-09").SpanEnd(), Secs(2025, 10));
  EXPECT_EQ(P("2025-12").SpanEnd(), Secs(2026, 1));      // December: next year
  EXPECT_EQ(P("2024-02").SpanEnd(), 1709164800 + kDay);  // 2024-03-01
  EXPECT_EQ(P("2024-02").SpanEnd() - P("2024-02").seconds, 29 * kDay);
  EXPECT_EQ(P("2023-02").SpanEnd() - P("2023-02").seconds, 28 * kDay);
  EXPECT_EQ(P("1900-02").SpanEnd() - P("1900-02").seconds, 28 * kDay);
  EXPECT_EQ(P("2000-02").SpanEnd() - P("2000-02").seconds, 29 * kDay);
  EXPECT_EQ(P("-432-02").SpanEnd() - P("-432-02").seconds, 29 * kDay);
  EXPECT_EQ(P("-1-12").SpanEnd(), Secs(0));
  EXPECT_EQ(P("2025-04").SpanEnd() - P("2025-04").seconds, 30 * kDay);
  EXPECT_EQ(P("2025-07").SpanEnd() - P("2025-07").seconds, 31 * kDay);
}

TEST(TimeSpanEndTest, Day) {
  EXPECT_EQ(P("2025-09-02").SpanEnd(), 1756771200 + kDay);
  EXPECT_EQ(P("2025-12-31").SpanEnd(), Secs(2026, 1, 1));
  EXPECT_EQ(P("2024-02-28").SpanEnd(), P("2024-02-29").seconds);
  EXPECT_EQ(P("2024-02-29").SpanEnd(), P("2024-03-01").seconds);
  EXPECT_EQ(P("2023-02-28").SpanEnd(), P("2023-03-01").seconds);
  EXPECT_EQ(P("1969-12-31").SpanEnd(), 0);
  EXPECT_EQ(P("-431-12-31").SpanEnd(), P("-430").seconds);
}

TEST(TimeSpanEndTest, Second) {
  EXPECT_EQ(P("2025-09-02T10:00:00Z").SpanEnd(), 1756771200 + 36001);
  EXPECT_EQ(P("2025-12-31T23:59:59Z").SpanEnd(), Secs(2026));
  EXPECT_EQ(P("1969-12-31T23:59:59Z").SpanEnd(), 0);
}

TEST(TimeSpanEndTest, RandomSpansMatchOracle) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 5000; ++i) {
    int64_t y = std::uniform_int_distribution<int64_t>(-9999, 9999)(rng);
    int m = std::uniform_int_distribution<int>(1, 12)(rng);
    int d = std::uniform_int_distribution<int>(1, DaysInMonth(y, m))(rng);
    SCOPED_TRACE(absl::StrFormat("%d-%d-%d", y, m, d));
    EXPECT_EQ(
        TimePoint::FromCivil(y, 1, 1, 0, 0, 0, Precision::kYear).SpanEnd(),
        Secs(y + 1));
    EXPECT_EQ(
        TimePoint::FromCivil(y, m, 1, 0, 0, 0, Precision::kMonth).SpanEnd(),
        m == 12 ? Secs(y + 1) : Secs(y, m + 1));
    EXPECT_EQ(TimePoint::FromCivil(y, m, d, 0, 0, 0, Precision::kDay).SpanEnd(),
              Secs(y, m, d) + kDay);
  }
}

TEST(TimeWindowTest, OfAtAndEmpty) {
  Window y = Window::Of(P("2025"));
  EXPECT_EQ(y.begin, Secs(2025));
  EXPECT_EQ(y.end, Secs(2026));
  Window d = Window::Of(P("2025-09-02"));
  EXPECT_EQ(d.begin, 1756771200);
  EXPECT_EQ(d.end, 1756771200 + kDay);
  Window s = Window::Of(P("2025-09-02T10:00:00Z"));
  EXPECT_EQ(s.end - s.begin, 1);
  Window at = Window::At(-5);
  EXPECT_EQ(at.begin, -5);
  EXPECT_EQ(at.end, -4);
  EXPECT_FALSE(at.empty());
  EXPECT_FALSE(Window{}.empty());
  EXPECT_EQ(Window{}.begin, INT64_MIN);
  EXPECT_EQ(Window{}.end, INT64_MAX);
  EXPECT_TRUE((Window{5, 5}).empty());
  EXPECT_TRUE((Window{6, 5}).empty());
}

// ---------------------------------------------------------------------------
// Interval

TEST(IntervalTest, CertainAndPossibleExtents) {
  const int64_t d2 = P("2025-09-02").seconds;
  const int64_t d3 = P("2025-09-03").seconds;
  // Day precision: it starts some time on the 2nd and ends some time on the
  // 3rd, so it holds for certain from the last second of the 2nd to the
  // start of the 3rd, and possibly from the 2nd to the last second of the 3rd.
  Interval day = I("2025-09-02", "2025-09-03");
  EXPECT_EQ(day.Certain().begin, d3 - 1);
  EXPECT_EQ(day.Certain().end, d3);
  EXPECT_EQ(day.Possible().begin, d2);
  EXPECT_EQ(day.Possible().end, d3 + kDay - 1);

  // "Some time in 2025": certainly at no instant.
  Interval year = I("2025", "2025");
  EXPECT_TRUE(year.Certain().empty());
  EXPECT_EQ(year.Certain().begin, Secs(2026) - 2);
  EXPECT_EQ(year.Certain().end, Secs(2025) + 1);
  EXPECT_EQ(year.Possible().begin, Secs(2025));
  EXPECT_EQ(year.Possible().end, Secs(2026) - 1);

  // Second precision has no uncertainty.
  Interval sec = I("2025-09-02T10:00:00Z", "2025-09-02T12:00:00Z");
  EXPECT_EQ(sec.Certain().begin, d2 + 10 * 3600);
  EXPECT_EQ(sec.Certain().end, d2 + 12 * 3600);
  EXPECT_EQ(sec.Possible().begin, d2 + 10 * 3600);
  EXPECT_EQ(sec.Possible().end, d2 + 12 * 3600);

  // Open ends are the extremes.
  Interval always = I("", "");
  EXPECT_EQ(always.Certain().begin, Window::kMin);
  EXPECT_EQ(always.Certain().end, Window::kMax);
  EXPECT_EQ(always.Possible().begin, Window::kMin);
  EXPECT_EQ(always.Possible().end, Window::kMax);

  Interval until = I("", "2025-09-03");
  EXPECT_EQ(until.Certain().begin, Window::kMin);
  EXPECT_EQ(until.Certain().end, d3);
  EXPECT_EQ(until.Possible().begin, Window::kMin);
  EXPECT_EQ(until.Possible().end, d3 + kDay - 1);

  Interval since = I("2025-09-02", "");
  EXPECT_EQ(since.Certain().begin, d3 - 1);
  EXPECT_EQ(since.Certain().end, Window::kMax);
  EXPECT_EQ(since.Possible().begin, d2);
  EXPECT_EQ(since.Possible().end, Window::kMax);
}

struct OverlapCase {
  std::string from, to;  // "" = open
  Window window;
  bool certainly, possibly;
  std::string what;
};

TEST(IntervalTest, OverlapTable) {
  const int64_t d2 = P("2025-09-02").seconds;
  const std::vector<OverlapCase> cases = {
      // Day-precision event [2025-09-02, 2025-09-03).
      {"2025-09-02", "2025-09-03", Of("2025-09-02"), true, true, "its day"},
      {"2025-09-02", "2025-09-03", Of("2025-09-03"), false, true, "end day"},
      {"2025-09-02", "2025-09-03", Of("2025-09-01"), false, false, "before"},
      {"2025-09-02", "2025-09-03", Of("2025-09-04"), false, false, "after"},
      {"2025-09-02", "2025-09-03", Of("2025-09"), true, true, "its month"},
      {"2025-09-02", "2025-09-03", Of("2025-08"), false, false, "month before"},
      {"2025-09-02", "2025-09-03", Of("2025"), true, true, "its year"},
      // ... at single instants: it may start as late as 23:59:59 on the 2nd
      // and end as early as midnight on the 3rd.
      {"2025-09-02", "2025-09-03", Window::At(d2), false, true, "first second"},
      {"2025-09-02", "2025-09-03", Window::At(d2 + 43200), false, true, "noon"},
      {"2025-09-02", "2025-09-03", Window::At(d2 + kDay - 1), true, true,
       "last second of the day"},
      {"2025-09-02", "2025-09-03", Window::At(d2 + kDay), false, true,
       "first second of the end day"},
      {"2025-09-02", "2025-09-03", Window::At(d2 + 2 * kDay - 2), false, true,
       "second-to-last second of the end day"},
      {"2025-09-02", "2025-09-03", Window::At(d2 + 2 * kDay - 1), false, false,
       "an end in the 3rd means it stops before the 3rd's last second"},
      {"2025-09-02", "2025-09-03", Window{d2 - 10, d2}, false, false,
       "window ending where it starts"},
      {"2025-09-02", "2025-09-03", Window{d2, d2}, false, false, "empty"},
      // "Some time in 2025".
      {"2025", "2025", Of("2025"), true, true, "the year"},
      {"2025", "2025", Of("2025-09-02"), false, true, "a day of the year"},
      {"2025", "2025", Of("2025-01"), false, true, "a month of the year"},
      {"2025", "2025", Of("2024"), false, false, "year before"},
      {"2025", "2025", Of("2026"), false, false, "year after"},
      {"2025", "2025", Window{Secs(2024), Secs(2027)}, true, true,
       "three years"},
      {"2025", "2025", Window{Secs(2025, 6), Secs(2027)}, false, true,
       "from mid-year"},
      // Year-precision ends: starts in 2025, ends in 2026.
      {"2025", "2026", Of("2025-09-02"), false, true, "day in from-year"},
      {"2025", "2026", Of("2025-12-31"), true, true, "last day of from-year"},
      {"2025", "2026", Of("2026-01-01"), false, true, "first day of to-year"},
      {"2025", "2026", Of("2025"), true, true, "from-year"},
      {"2025", "2026", Of("2026"), false, true, "to-year"},
      {"2025", "2026", Of("2027"), false, false, "after"},
      // Year interval, day query.
      {"2020", "2030", Of("2025-09-02"), true, true, "inside"},
      {"2020", "2030", Of("2020-06-01"), false, true, "in from-year"},
      {"2020", "2030", Of("2020-12-31"), true, true, "end of from-year"},
      {"2020", "2030", Of("2029-12-31"), true, true, "before to-year"},
      {"2020", "2030", Of("2030-06-01"), false, true, "in to-year"},
      {"2020", "2030", Of("2019-12-31"), false, false, "day before"},
      {"2020", "2030", Of("2031-01-01"), false, false, "day after"},
      // Day interval, year query.
      {"2025-09-02", "2026-03-01", Of("2025"), true, true, "from-year"},
      {"2025-09-02", "2026-03-01", Of("2026"), true, true, "to-year"},
      {"2025-09-02", "2026-03-01", Of("2024"), false, false, "before"},
      {"2025-09-02", "2026-03-01", Of("2027"), false, false, "after"},
      // Month vs month.
      {"2025-03", "2025-06", Of("2025-03"), true, true, "from-month"},
      {"2025-03", "2025-06", Of("2025-05"), true, true, "last full month"},
      {"2025-03", "2025-06", Of("2025-06"), false, true, "to-month"},
      {"2025-03", "2025-06", Of("2025-02"), false, false, "month before"},
      {"2025-03", "2025-06", Of("2025-07"), false, false, "month after"},
      {"2025-03", "2025-06", Of("2025-03-15"), false, true, "day in from"},
      {"2025-03", "2025-06", Of("2025-04-01"), true, true, "day inside"},
      {"2025-03", "2025-06", Of("2025-06-01"), false, true, "day in to"},
      // Same-day ends: "some time on 2025-09-02", never the whole day for
      // certain, and never at its last second (an end after it starts).
      {"2025-09-02", "2025-09-02", Of("2025-09-02"), true, true, "the day"},
      {"2025-09-02", "2025-09-02", Of("2025-09-01"), false, false,
       "day before"},
      {"2025-09-02", "2025-09-02", Of("2025-09-03"), false, false, "day after"},
      {"2025-09-02", "2025-09-02", Of("2025-09"), true, true, "its month"},
      {"2025-09-02", "2025-09-02", Window::At(d2), false, true, "midnight"},
      {"2025-09-02", "2025-09-02", Window::At(d2 + kDay - 2), false, true,
       "second-to-last second"},
      {"2025-09-02", "2025-09-02", Window::At(d2 + kDay - 1), false, false,
       "last second"},
      // Same-month ends.
      {"2025-09", "2025-09", Of("2025-09"), true, true, "the month"},
      {"2025-09", "2025-09", Of("2025-09-15"), false, true, "a day of it"},
      {"2025-09", "2025-09", Of("2025-10-01"), false, false, "next month"},
      // A coarser end containing the start: from some time in September to
      // some time later in 2025.
      {"2025-09", "2025", Of("2025-09"), true, true, "the from-month"},
      {"2025-09", "2025", Of("2025-10"), false, true, "a later month"},
      {"2025-09", "2025", Of("2025-08"), false, false, "an earlier month"},
      {"2025-09", "2025", Of("2026"), false, false, "the next year"},
      // Month vs year.
      {"2025-03", "2025-06", Of("2024"), false, false, "year before"},
      {"2024-12", "2025-02", Of("2025"), true, true, "year of the end"},
      {"2024-12", "2025-01", Of("2025"), false, true, "ends in January"},
      // Mixed: starts some time in 2025, ends some time on 2025-09-02.
      {"2025", "2025-09-02", Of("2025"), true, true, "the year"},
      {"2025", "2025-09-02", Of("2025-09-02"), false, true, "the end day"},
      {"2025", "2025-09-02", Of("2025-08"), false, true, "a month inside"},
      {"2025", "2025-09-02", Of("2025-10"), false, false, "after the end"},
      // Open from.
      {"", "2025-09-03", Of("1900-01-01"), true, true, "long before"},
      {"", "2025-09-03", Of("-431"), true, true, "antiquity"},
      {"", "2025-09-03", Of("2025-09-02"), true, true, "last day"},
      {"", "2025-09-03", Of("2025-09-03"), false, true, "end day"},
      {"", "2025-09-03", Of("2025-09-04"), false, false, "after"},
      {"", "2025-09-03", Window{Window::kMin, Window::kMin + 1}, true, true,
       "the first instant"},
      // Open to.
      {"2025-09-02", "", Of("2025-09-01"), false, false, "before"},
      {"2025-09-02", "", Of("2025-09-02"), true, true, "first day"},
      {"2025-09-02", "", Of("9999"), true, true, "far future"},
      {"2025-09-02", "", Window::At(Window::kMax - 1), true, true,
       "the last instant"},
      {"2025", "", Of("2025-09-02"), false, true, "day in from-year"},
      {"2025", "", Of("2026-01-01"), true, true, "after from-year"},
      // Both open.
      {"", "", Of("2025-09-02"), true, true, "any day"},
      {"", "", Of("-431"), true, true, "any year"},
      {"", "", Window{}, true, true, "everything"},
      {"", "", Window{7, 7}, false, false, "empty window"},
      // Negative years.
      {"-431", "-400", Of("-431"), true, true, "from-year"},
      {"-431", "-400", Of("-401"), true, true, "last full year"},
      {"-431", "-400", Of("-400"), false, true, "to-year"},
      {"-431", "-400", Of("-432"), false, false, "year before"},
      {"-431", "-400", Of("-399"), false, false, "year after"},
      {"-431", "-400", Of("-420-06-15"), true, true, "a day inside"},
      {"-431", "-400", Of("-431-06-15"), false, true, "a day in from-year"},
      {"-431", "-400", Of("1970"), false, false, "modern times"},
      {"-0431-03-01", "-0431-03-02", Of("-0431-03-01"), true, true,
       "ancient day event"},
      {"-0431-03-01", "-0431-03-02", Of("-0431-02-28"), false, false,
       "ancient day before"},
      // Second precision: exact instants.
      {"2025-09-02T10:00:00Z", "2025-09-02T12:00:00Z",
       Window::At(d2 + 10 * 3600), true, true, "first instant"},
      {"2025-09-02T10:00:00Z", "2025-09-02T12:00:00Z",
       Window::At(d2 + 10 * 3600 - 1), false, false, "instant before"},
      {"2025-09-02T10:00:00Z", "2025-09-02T12:00:00Z",
       Window::At(d2 + 12 * 3600 - 1), true, true, "last instant"},
      {"2025-09-02T10:00:00Z", "2025-09-02T12:00:00Z",
       Window::At(d2 + 12 * 3600), false, false, "end instant (exclusive)"},
      {"2025-09-02T10:00:00Z", "2025-09-02T12:00:00Z", Of("2025-09-02"), true,
       true, "its day"},
      {"2025-09-02T10:00:00Z", "2025-09-02T12:00:00Z", Of("2025-09-03"), false,
       false, "next day"},
      {"2025-09-02T10:00:00Z", "2025-09-02T10:00:01Z", Window::At(d2 + 36000),
       true, true, "one-second claim"},
      {"2025-09-02T10:00:00Z", "2025-09-02T10:00:01Z", Window::At(d2 + 36001),
       false, false, "after one-second claim"},
  };
  for (const OverlapCase& c : cases) {
    Interval iv = I(c.from, c.to);
    SCOPED_TRACE(absl::StrFormat("%s at [%d, %d) (%s)", iv.ToString(),
                                 c.window.begin, c.window.end, c.what));
    ASSERT_TRUE(iv.Validate().ok()) << iv.Validate();
    EXPECT_EQ(iv.CertainlyOverlaps(c.window), c.certainly);
    EXPECT_EQ(iv.PossiblyOverlaps(c.window), c.possibly);
    // What certainly holds possibly holds.
    EXPECT_TRUE(!c.certainly || c.possibly) << "bad table row";
  }
}

TEST(IntervalTest, ValidateRejectsIntervalsThatCannotHold) {
  struct Case {
    std::string from, to;
    bool ok;
  };
  const std::vector<Case> cases = {
      {"2025", "2025", true},  // some time in 2025
      {"2025-09-02", "2025-09-02", true},
      {"2025-09", "2025-09", true},
      {"2025-09-02", "2025-09-03", true},
      {"2025-09", "2025", true},  // from Sep, to some time in 2025
      {"2025", "2025-01-01T00:00:01Z", true},
      {"2025-09-02T10:00:00Z", "2025-09-02T10:00:01Z", true},
      {"-431", "-400", true},
      {"", "", true},
      {"", "2025", true},
      {"2025", "", true},
      {"", "-9999", true},
      {"2025-09-03", "2025-09-02", false},
      {"2025", "2024", false},
      {"2025-10", "2025-09", false},
      {"-400", "-431", false},
      {"2025-09-02T10:00:00Z", "2025-09-02T10:00:00Z", false},  // equal
      {"2025-09-02T10:00:01Z", "2025-09-02T10:00:00Z", false},
      // It cannot start before 2025 begins, and must end at that very second.
      {"2025", "2025-01-01T00:00:00Z", false},
      {"2025-09-03", "2025-09-02T23:59:59Z", false},
  };
  for (const Case& c : cases) {
    Interval iv = I(c.from, c.to);
    SCOPED_TRACE(iv.ToString());
    absl::Status s = iv.Validate();
    if (c.ok) {
      EXPECT_TRUE(s.ok()) << s;
    } else {
      EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
      EXPECT_TRUE(absl::StrContains(s.message(), iv.to->ToString())) << s;
      EXPECT_TRUE(absl::StrContains(s.message(), iv.from->ToString())) << s;
    }
  }
}

TEST(IntervalTest, ToString) {
  EXPECT_EQ(I("2025-09-02", "2027").ToString(), "[2025-09-02, 2027)");
  EXPECT_EQ(I("2025", "").ToString(), "[2025, ...)");
  EXPECT_EQ(I("", "2020-01").ToString(), "(..., 2020-01)");
  EXPECT_EQ(I("", "").ToString(), "(..., ...)");
  EXPECT_EQ(I("-431", "2025-09-02T10:00:00Z").ToString(),
            "[-0431, 2025-09-02T10:00:00Z)");
}

TEST(IntervalTest, Equality) {
  EXPECT_EQ(I("2025", "2026"), I("2025", "2026"));
  EXPECT_FALSE(I("2025", "2026") == I("2025", ""));
  // Same instant, different precision: different points.
  EXPECT_NE(P("2025"), P("2025-01-01"));
  EXPECT_FALSE(I("2025", "") == I("2025-01-01", ""));
}

// The workload's rule for day-precision data: a fact holds on day t iff
// valid_from <= t < valid_to (empty valid_to: still holds), and overlaps the
// days [t1, t2) iff valid_from < t2 and valid_to > t1. Certainly-overlaps must
// agree with it exactly; possibly-overlaps is one day wider at the end.
TEST(IntervalTest, DayPrecisionMatchesWorkloadRuleRandomized) {
  std::mt19937_64 rng(2025);
  const int64_t base = DaysFromCivil(1990, 1, 1);
  auto day_point = [&](int64_t day) {
    return TimePoint{day * kDay, Precision::kDay};
  };
  for (int i = 0; i < 200000; ++i) {
    // Days around 1990-2030, sometimes before 1970 or in antiquity.
    int64_t spread = i % 10 == 0 ? 1000000 : 15000;
    int64_t from =
        base + std::uniform_int_distribution<int64_t>(-spread, spread)(rng);
    bool open_from = i % 13 == 0;
    bool open_to = i % 5 == 0;
    int64_t to =
        from + std::uniform_int_distribution<int64_t>(1, i % 2 ? 3 : 2000)(rng);
    Interval iv{
        open_from ? std::nullopt : std::optional<TimePoint>(day_point(from)),
        open_to ? std::nullopt : std::optional<TimePoint>(day_point(to))};
    int64_t t =
        from + std::uniform_int_distribution<int64_t>(-5, to - from + 5)(rng);
    bool holds = (open_from || from <= t) && (open_to || t < to);
    bool may_hold = (open_from || from <= t) && (open_to || t <= to);
    Window day = Window::Of(day_point(t));
    ASSERT_TRUE(iv.Validate().ok());
    ASSERT_EQ(iv.CertainlyOverlaps(day), holds)
        << iv.ToString() << " on " << day_point(t).ToString();
    ASSERT_EQ(iv.PossiblyOverlaps(day), may_hold)
        << iv.ToString() << " on " << day_point(t).ToString();

    int64_t t2 = t + std::uniform_int_distribution<int64_t>(1, 40)(rng);
    bool overlaps = (open_from || from < t2) && (open_to || to > t);
    Window days{t * kDay, t2 * kDay};
    ASSERT_EQ(iv.CertainlyOverlaps(days), overlaps)
        << iv.ToString() << " during [" << day_point(t).ToString() << ", "
        << day_point(t2).ToString() << ")";
  }
}

}  // namespace
}  // namespace annals
