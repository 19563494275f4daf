// Tests of change lists: markers and words, aligned, with and without
// colour.
#include "tools/output/change_markers.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace annals::output {
namespace {

using ::testing::ElementsAre;

const std::vector<std::string> kColumns = {"change",  "at",        "claim",
                                           "subject", "predicate", "object"};

std::vector<Row> Rows() {
  auto row = [](const char* change, const char* at, int id, const char* o) {
    return Row{Cell::Of(Value::String(change)),
               Cell::Of(Value::Date(*TimePoint::Parse(at))),
               Cell::Of(Value::Claim(id)),
               Cell::Of(Value::Entity("Russia")),
               Cell::Of(Value::Entity("gas")),
               Cell::Of(Value::Entity(o))};
  };
  return {row("began", "2025-09", 34, "antlers"),
          row("ended", "2025-09-02", 26, "48"),
          row("retracted", "2025-09-03", 27, "56"),
          row("recorded", "2025-09-03", 28, "60")};
}

TEST(ChangeMarkersTest, Markers) {
  EXPECT_EQ(ChangeMarker("began"), "+");
  EXPECT_EQ(ChangeMarker("recorded"), "+");
  EXPECT_EQ(ChangeMarker("ended"), "-");
  EXPECT_EQ(ChangeMarker("retracted"), "x");
  EXPECT_EQ(ChangeMarker("other"), "?");
  EXPECT_TRUE(IsChangeList(kColumns));
  EXPECT_FALSE(IsChangeList({"claim", "value"}));
}

TEST(ChangeMarkersTest, PlainWithoutColour) {
  EXPECT_THAT(RenderChanges(kColumns, Rows(), false),
              ElementsAre("+ began      2025-09     #c34  Russia  gas  antlers",
                          "- ended      2025-09-02  #c26  Russia  gas  48",
                          "x retracted  2025-09-03  #c27  Russia  gas  56",
                          "+ recorded   2025-09-03  #c28  Russia  gas  60"));
}

TEST(ChangeMarkersTest, ColouredOnATerminal) {
  EXPECT_THAT(
      RenderChanges(kColumns, Rows(), true),
      ElementsAre(
          "\x1b[32m+ began      2025-09     #c34  Russia  gas  antlers\x1b[0m",
          "\x1b[33m- ended      2025-09-02  #c26  Russia  gas  48\x1b[0m",
          "\x1b[31mx retracted  2025-09-03  #c27  Russia  gas  56\x1b[0m",
          "\x1b[32m+ recorded   2025-09-03  #c28  Russia  gas  60\x1b[0m"));
}

TEST(ChangeMarkersTest, CutToAWidth) {
  EXPECT_THAT(RenderChanges(kColumns, Rows(), false, 46),
              ElementsAre("+ began      2025-09     #c34  Rus…  gas  ant…",
                          "- ended      2025-09-02  #c26  Rus…  gas  48",
                          "x retracted  2025-09-03  #c27  Rus…  gas  56",
                          "+ recorded   2025-09-03  #c28  Rus…  gas  60"));
}

}  // namespace
}  // namespace annals::output
