// Tests of the printers: fitting table columns to a width (values cut with
// `…`), and each output mode's text.
#include "tools/output/printers.h"

#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/output/cell_text.h"

namespace annals::output {
namespace {

using ::testing::ElementsAre;

TEST(CellTextTest, WidthAndTruncation) {
  EXPECT_EQ(DisplayWidth("Zürich"), 6u);
  EXPECT_EQ(Truncate("Zürich", 6), "Zürich");
  EXPECT_EQ(Truncate("Zürich", 3), "Zü…");
  EXPECT_EQ(Truncate("abc", 0), "");
}

TEST(FitWidthsTest, UnlimitedOrFittingIsUnchanged) {
  EXPECT_THAT(FitWidths({5, 10, 3}, 0), ElementsAre(5, 10, 3));
  EXPECT_THAT(FitWidths({5, 10, 3}, 22), ElementsAre(5, 10, 3));
}

TEST(FitWidthsTest, WidestShrinkFirst) {
  // 5 + 30 + 20 + 4 gaps = 59 > 40: cap the wide ones at 15.
  EXPECT_THAT(FitWidths({5, 30, 20}, 40), ElementsAre(5, 15, 15));
  // Never below 3 columns, even when that does not fit.
  EXPECT_THAT(FitWidths({10, 10}, 4), ElementsAre(3, 3));
}

const std::vector<std::string> kColumns = {"claim", "value", "source"};
const std::vector<std::vector<std::string>> kCells = {
    {"#c26", "48 bcm/yr", "Gazprom annual report, page 12"},
    {"#c27", "56 bcm/yr", "seed-article"}};

TEST(TableLinesTest, NaturalWidths) {
  EXPECT_THAT(TableLines(kColumns, kCells, 0),
              ElementsAre("claim  value      source",
                          "#c26   48 bcm/yr  Gazprom annual report, page 12",
                          "#c27   56 bcm/yr  seed-article"));
}

TEST(TableLinesTest, FittedTo40And30) {
  EXPECT_THAT(TableLines(kColumns, kCells, 40),
              ElementsAre("claim  value      source",
                          "#c26   48 bcm/yr  Gazprom annual report…",
                          "#c27   56 bcm/yr  seed-article"));
  EXPECT_THAT(
      TableLines(kColumns, kCells, 30),
      ElementsAre("claim  value      source", "#c26   48 bcm/yr  Gazprom ann…",
                  "#c27   56 bcm/yr  seed-article"));
  // Narrower still: the two wide columns shrink together.
  EXPECT_THAT(TableLines(kColumns, kCells, 24),
              ElementsAre("claim  value    source", "#c26   48 bcm…  Gazpro…",
                          "#c27   56 bcm…  seed-a…"));
  for (const auto& line : TableLines(kColumns, kCells, 30)) {
    EXPECT_LE(DisplayWidth(line), 30u);
  }
}

std::string Print(OutputMode mode, size_t width = 0, bool plain_keys = false,
                  const std::string& hint = "") {
  std::vector<Row> rows = {
      {Cell::Of(Value::Entity("Russia")), Cell::Of(Value::Integer(56))},
      {Cell::Of(Value::String("a,\"b\"")), Cell()}};
  std::ostringstream out;
  PrintOptions options;
  options.mode = mode;
  options.width = width;
  options.plain_keys = plain_keys;
  options.cut_hint = hint;
  PrintRows({"?x", "?n"}, "valid now, as currently recorded", rows, options,
            out);
  return out.str();
}

TEST(PrintRowsTest, PlainKeysDropTheQuestionMark) {
  EXPECT_EQ(Print(OutputMode::kJson, 0, true),
            "[{\"x\": \"Russia\", \"n\": 56},\n"
            " {\"x\": \"a,\\\"b\\\"\", \"n\": null}]\n");
  EXPECT_EQ(Print(OutputMode::kCsv, 0, true),
            "x,n\nRussia,56\n\"a,\"\"b\"\"\",\n");
  EXPECT_EQ(Print(OutputMode::kTsv, 0, true), "x\tn\nRussia\t56\na,\"b\"\t\n");
  // The table and line modes keep the statement's names.
  EXPECT_EQ(Print(OutputMode::kLine, 0, true),
            "?x = Russia\n?n = 56\n\n?x = a,\"b\"\n?n = \n");
  EXPECT_EQ(PlainKey("?x"), "x");
  EXPECT_EQ(PlainKey("count(*)"), "count(*)");
  EXPECT_EQ(PlainKey("?"), "?");
}

TEST(PrintRowsTest, CutTablesSayHowToSeeTheWholeValues) {
  const std::string hint = "(cut: .mode line)";
  // Wide enough: nothing cut, no hint.
  EXPECT_EQ(Print(OutputMode::kTable, 40, false, hint),
            Print(OutputMode::kTable));
  // 8 columns: the first column shrinks to 4.
  EXPECT_EQ(Print(OutputMode::kTable, 8, false, hint),
            "-- valid now, as currently recorded\n"
            "?x    ?n\n"
            "Rus…  56\n"
            "a,\"…  \n"
            "(2 rows)\n"
            "(cut: .mode line)\n");
  // No width (a pipe or a file): never cut, never a hint.
  EXPECT_EQ(Print(OutputMode::kTable, 0, false, hint),
            Print(OutputMode::kTable));
  bool cut = true;
  TableLines(kColumns, kCells, 0, &cut);
  EXPECT_FALSE(cut);
  TableLines(kColumns, kCells, 30, &cut);
  EXPECT_TRUE(cut);
}

TEST(PrintRowsTest, EachMode) {
  EXPECT_EQ(Print(OutputMode::kTable),
            "-- valid now, as currently recorded\n"
            "?x      ?n\n"
            "Russia  56\n"
            "a,\"b\"   \n"
            "(2 rows)\n");
  EXPECT_EQ(Print(OutputMode::kCsv), "?x,?n\nRussia,56\n\"a,\"\"b\"\"\",\n");
  EXPECT_EQ(Print(OutputMode::kTsv), "?x\t?n\nRussia\t56\na,\"b\"\t\n");
  EXPECT_EQ(Print(OutputMode::kJson),
            "[{\"?x\": \"Russia\", \"?n\": 56},\n"
            " {\"?x\": \"a,\\\"b\\\"\", \"?n\": null}]\n");
  EXPECT_EQ(Print(OutputMode::kLine),
            "?x = Russia\n?n = 56\n\n?x = a,\"b\"\n?n = \n");
}

TEST(PrintRowsTest, ModeNames) {
  for (const char* name : {"table", "csv", "tsv", "json", "line"}) {
    auto mode = ParseOutputMode(name);
    ASSERT_TRUE(mode.has_value()) << name;
    EXPECT_EQ(OutputModeName(*mode), name);
  }
  EXPECT_FALSE(ParseOutputMode("html").has_value());
}

}  // namespace
}  // namespace annals::output
