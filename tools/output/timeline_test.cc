// Golden tests of RenderTimeline at two widths (60 and 100 columns): bars,
// shaded year-precision ends, open ends as arrows, change points and ticks
// in years, months and days; and SpansFromHistory over HISTORY's columns.
#include "tools/output/timeline.h"

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/output/cell_text.h"

namespace annals::output {
namespace {

using ::testing::ElementsAre;

TimePoint P(const char* text) { return *TimePoint::Parse(text); }

std::vector<TimelineSpan> Gas() {
  return {{"48 bcm/yr", P("2019-12-02"), P("2025-09-02")},
          {"56 bcm/yr", P("2025-09-02"), std::nullopt}};
}

std::vector<TimelineSpan> Status() {
  return {{"status planned", P("2020"), P("2023")},
          {"status operating", P("2023"), std::nullopt},
          {"governed_by Old Harbor Board", std::nullopt, P("2024-07-01")},
          {"pressure_test passed", P("2023-03-01"), P("2023-03-01")}};
}

std::vector<TimelineSpan> Days() {
  return {{"x", P("2025-08-31"), P("2025-09-02")},
          {"y", P("2025-09"), P("2025-10-15")}};
}

TEST(TimelineTest, DayPrecisionWithAnOpenEndAt60) {
  EXPECT_THAT(
      RenderTimeline(Gas(), 60, false),
      ElementsAre(
          "48 bcm/yr   █████████████████████████████████████████████",
          "56 bcm/yr                                               ███▶",
          "changes     ▲                                           ▲",
          "           ─┬───────┬───────┬──────┬───────┬───────┬────────",
          "            2020    2021    2022   2023    2024    2025"));
  for (const auto& line : RenderTimeline(Gas(), 60, false)) {
    EXPECT_LE(DisplayWidth(line), 60u) << line;
  }
}

TEST(TimelineTest, DayPrecisionWithAnOpenEndAt100) {
  EXPECT_THAT(RenderTimeline(Gas(), 100, false),
              ElementsAre("48 bcm/yr   "
                          "████████████████████████████████████████████████████"
                          "███████████████████████████████",
                          "56 bcm/yr                                           "
                          "                                          █████▶",
                          "changes     ▲                                       "
                          "                                          ▲",
                          "           "
                          "──┬─────────────┬──────────────┬─────────────┬──────"
                          "───────┬──────────────┬──────────────",
                          "             2020          2021           2022      "
                          "    2023          2024           2025"));
  for (const auto& line : RenderTimeline(Gas(), 100, false)) {
    EXPECT_LE(DisplayWidth(line), 100u) << line;
  }
}

TEST(TimelineTest, YearPrecisionShadedAndOpenStartAt60) {
  EXPECT_THAT(
      RenderTimeline(Status(), 60, false),
      ElementsAre(
          "status planned          ░░░░░░░░██████████████░░░░░░░░",
          "status operating                              ░░░░░░░░█████▶",
          "governed_by Old Har…  ◀███████████████████████████████████",
          "pressure_test passed                           █",
          "changes                 ▲                     ▲▲         ▲",
          "                      ──┬──────┬───────┬──────┬──────┬──────",
          "                        2020   2021    2022   2023   2024"));
  for (const auto& line : RenderTimeline(Status(), 60, false)) {
    EXPECT_LE(DisplayWidth(line), 60u) << line;
  }
}

TEST(TimelineTest, YearPrecisionShadedAndOpenStartAt100) {
  EXPECT_THAT(
      RenderTimeline(Status(), 100, false),
      ElementsAre(
          "status planned                    "
          "░░░░░░░░░░░░░░███████████████████████████░░░░░░░░░░░░░░░",
          "status operating                                                    "
          "       ░░░░░░░░░░░░░░░█████████▶",
          "governed_by Old Harbor Board  "
          "◀█████████████████████████████████████████████████████████████████",
          "pressure_test passed                                                "
          "         █",
          "changes                           ▲                                 "
          "       ▲ ▲                 ▲",
          "                              "
          "────┬────────────┬─────────────┬─────────────┬─────────────┬────────"
          "──",
          "                                  2020         2021          2022   "
          "       2023          2024"));
  for (const auto& line : RenderTimeline(Status(), 100, false)) {
    EXPECT_LE(DisplayWidth(line), 100u) << line;
  }
}

TEST(TimelineTest, DaysAndMonthsTicksAt60) {
  EXPECT_THAT(
      RenderTimeline(Days(), 60, false),
      ElementsAre(
          "x         ███",
          "y          ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░███████████████",
          "changes   ▲▲▲                                             ▲",
          "         ──┬───────────────────────────────┬────────────────",
          "           2025-09                         2025-10"));
  for (const auto& line : RenderTimeline(Days(), 60, false)) {
    EXPECT_LE(DisplayWidth(line), 60u) << line;
  }
}

TEST(TimelineTest, DaysAndMonthsTicksAt100) {
  EXPECT_THAT(RenderTimeline(Days(), 100, false),
              ElementsAre("x         ████",
                          "y          "
                          "░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░"
                          "░░░░░░░░░███████████████████████████",
                          "changes   ▲▲ ▲                                      "
                          "                                              ▲",
                          "         "
                          "─┬──────────────────────────┬───────────────────────"
                          "────┬───────────────────────────┬──────",
                          "          2025-08-31                 2025-09-14     "
                          "             2025-09-28"));
  for (const auto& line : RenderTimeline(Days(), 100, false)) {
    EXPECT_LE(DisplayWidth(line), 100u) << line;
  }
}

TEST(TimelineTest, ColourPaintsBarsAndNothingElseChanges) {
  auto plain = RenderTimeline(Gas(), 60, false);
  auto coloured = RenderTimeline(Gas(), 60, true);
  ASSERT_EQ(plain.size(), coloured.size());
  EXPECT_TRUE(absl::StrContains(coloured[0], "\x1b[36m"));
  for (const auto& line : plain) EXPECT_FALSE(absl::StrContains(line, "\x1b"));
}

TEST(TimelineTest, AtMostThirtyLanes) {
  std::vector<TimelineSpan> spans;
  for (int i = 0; i < 32; ++i) {
    spans.push_back({"v" + std::to_string(i), P("2020"), P("2021")});
  }
  auto lines = RenderTimeline(spans, 60, false);
  ASSERT_EQ(lines.size(), 30u + 3u + 1u);  // lanes, changes, axis, labels
  EXPECT_EQ(lines.back(), "(2 values more, not drawn)");
  EXPECT_TRUE(absl::StartsWith(lines[29], "v29 "));
}

TEST(TimelineTest, NoSpansNoLines) {
  EXPECT_TRUE(RenderTimeline({}, 80, false).empty());
}

TEST(TimelineTest, SpansFromHistoryRows) {
  std::vector<std::string> columns = {"claim", "predicate", "value",  "from",
                                      "to",    "recorded",  "source", "by"};
  Row row = {Cell::Of(Value::Claim(1)),
             Cell::Of(Value::Entity("status")),
             Cell::Of(Value::Entity("planned")),
             Cell::Of(Value::Date(P("2020"))),
             Cell(),
             Cell::Of(Value::Date(P("2020-02-01"))),
             Cell::Of(Value::String("registry")),
             Cell()};
  auto spans = SpansFromHistory(columns, {row});
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].lane, "status planned");
  ASSERT_TRUE(spans[0].from.has_value());
  EXPECT_EQ(spans[0].from->ToString(), "2020");
  EXPECT_FALSE(spans[0].to.has_value());
  EXPECT_TRUE(SpansFromHistory({"?x"}, {{Cell()}}).empty());
}

}  // namespace
}  // namespace annals::output
