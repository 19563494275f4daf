// Tests of common/escape.h: each format's escapes, and what each leaves as it
// is.
#include "common/escape.h"

#include <string>

#include "gtest/gtest.h"

namespace annals {
namespace {

using std::string_literals::operator""s;

TEST(EscapeTest, QueryQuoted) {
  EXPECT_EQ(QueryQuoted("Power of Siberia 2"), "\"Power of Siberia 2\"");
  EXPECT_EQ(QueryQuoted("Say \"hi\""), "\"Say \\\"hi\\\"\"");
  EXPECT_EQ(QueryQuoted("a\\b"), "\"a\\\\b\"");
  EXPECT_EQ(QueryQuoted("a\x01"
                        "b"),
            "\"a\\u0001b\"");
  EXPECT_EQ(QueryQuoted("1\n2\t3\r4\x7F"), "\"1\\n2\\t3\\r4\\u007F\"");
  EXPECT_EQ(QueryQuoted("\x1B"), "\"\\u001B\"");
  EXPECT_EQ(QueryQuoted("Газпром"), "\"Газпром\"");
  EXPECT_EQ(QueryQuoted(""), "\"\"");
}

TEST(EscapeTest, JsonString) {
  EXPECT_EQ(JsonString("a\"b\n"), "\"a\\\"b\\n\"");
  EXPECT_EQ(JsonString("a\\b"), "\"a\\\\b\"");
  EXPECT_EQ(JsonString("1\r2\t3\x01"
                       "4\x7F"),
            "\"1\\r2\\t3\\u00014\\u007f\"");
  EXPECT_EQ(JsonString("\x1B"), "\"\\u001b\"");
  EXPECT_EQ(JsonString("天然气 🚀"), "\"天然气 🚀\"");
  EXPECT_EQ(JsonString(""), "\"\"");
}

TEST(EscapeTest, TsvEscaped) {
  EXPECT_EQ(TsvEscaped("plain text"), "plain text");
  EXPECT_EQ(TsvEscaped("a\\b\tc\nd\re"), "a\\\\b\\tc\\nd\\re");
  EXPECT_EQ(TsvEscaped("\"quoted\"\x01"), "\"quoted\"\x01");
  EXPECT_EQ(TsvEscaped(""), "");
}

TEST(EscapeTest, CsvField) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"x\""), "\"say \"\"x\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("cr\r"), "\"cr\r\"");
  EXPECT_EQ(CsvField("tab\tand\\"), "tab\tand\\");
  EXPECT_EQ(CsvField(""), "");
}

}  // namespace
}  // namespace annals
