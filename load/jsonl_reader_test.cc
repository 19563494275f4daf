// Tests of the JSON Lines reader: values of every JSON kind, escapes, key
// handling, and the exact line:column and message of syntax errors.
#include "load/jsonl_reader.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "load/reader_test_util.h"

namespace annals::load {
namespace {

using ::annals::load::test_util::ReadAll;
using ::annals::load::test_util::ReadResult;
using ::annals::load::test_util::WriteTempFile;

const std::string kSpo = R"("subject":"s","predicate":"p","object":"o")";

class JsonlReaderTest : public ::testing::Test {
 protected:
  std::unique_ptr<JsonlReader> Open(const std::string& content,
                                    const ReaderOptions& options = {}) {
    path_ = WriteTempFile(
        absl::StrCat(
            ::testing::UnitTest::GetInstance()->current_test_info()->name(),
            "_", ++files_, ".jsonl"),
        content);
    auto reader = JsonlReader::Open(path_, options);
    EXPECT_TRUE(reader.ok()) << reader.status();
    return reader.ok() ? std::move(*reader) : nullptr;
  }
  ReadResult Read(const std::string& content,
                  const ReaderOptions& options = {}) {
    std::unique_ptr<JsonlReader> reader = Open(content, options);
    if (reader == nullptr) return {};
    ReadResult result = ReadAll(*reader);
    for (std::string& error : result.errors) error = Relative(error);
    EXPECT_EQ(reader->bytes_read(), reader->bytes_total());
    return result;
  }
  // The error of a file of the single line `line`, which must be bad.
  std::string ErrorOf(const std::string& line) {
    ReadResult r = Read(line + "\n");
    EXPECT_TRUE(r.rows.empty()) << line;
    EXPECT_EQ(r.errors.size(), 1u) << line;
    return r.errors.empty() ? "" : r.errors[0];
  }
  // "line:col: message", to compare with Relative() messages.
  static std::string At(int line, int column, const std::string& message) {
    return absl::StrCat(line, ":", column, ": ", message);
  }
  // `message` without its "path:" prefix, which it must have.
  std::string Relative(absl::string_view message) const {
    const std::string prefix = path_ + ":";
    EXPECT_TRUE(absl::StartsWith(message, prefix)) << message;
    if (!absl::StartsWith(message, prefix)) return std::string(message);
    return std::string(message.substr(prefix.size()));
  }

  std::string path_;
  int files_ = 0;
};

TEST_F(JsonlReaderTest, ReadsEveryKindOfValue) {
  std::unique_ptr<JsonlReader> reader =
      Open(R"({"subject": "E1", "predicate": "gas_export_bcm", "object": 56,)"
           R"( "valid_from": "2001-01-01", "confidence": -1.5e3,)"
           R"( "by": true, "object_type": false, "valid_to": null})"
           "\n");
  ASSERT_NE(reader, nullptr);
  RawRow row;
  ASSERT_TRUE(reader->Next(&row)) << reader->status();
  EXPECT_EQ(row.line, 1);
  EXPECT_EQ(row[Column::kSubject].text, "E1");
  EXPECT_EQ(row[Column::kSubject].json, JsonKind::kString);
  EXPECT_EQ(row[Column::kSubject].column, 13);
  EXPECT_TRUE(row[Column::kSubject].present);
  EXPECT_EQ(row[Column::kObject].text, "56");
  EXPECT_EQ(row[Column::kObject].json, JsonKind::kNumber);
  EXPECT_EQ(row[Column::kObject].column, 60);
  EXPECT_EQ(row[Column::kConfidence].text, "-1.5e3");
  EXPECT_EQ(row[Column::kConfidence].json, JsonKind::kNumber);
  EXPECT_EQ(row[Column::kBy].text, "true");
  EXPECT_EQ(row[Column::kBy].json, JsonKind::kBool);
  EXPECT_EQ(row[Column::kObjectType].text, "false");
  EXPECT_EQ(row[Column::kObjectType].json, JsonKind::kBool);
  EXPECT_FALSE(row[Column::kValidTo].present);  // null
  EXPECT_EQ(row[Column::kValidTo].json, JsonKind::kNull);
  EXPECT_EQ(row[Column::kValidTo].column, 160);
  EXPECT_FALSE(row[Column::kRecordedAt].present);  // absent
  EXPECT_EQ(row[Column::kRecordedAt].json, JsonKind::kNone);
  EXPECT_FALSE(row[Column::kSource].present);
  EXPECT_FALSE(reader->Next(&row));
  EXPECT_TRUE(reader->status().ok());
}

TEST_F(JsonlReaderTest, NumberAndStringOfTheSameDigitsDiffer) {
  ReadResult r = Read(R"({"subject":"a","predicate":"p","object":"56"})"
                      "\n"
                      R"({"subject":"a","predicate":"p","object":56})");
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].texts[2], "56");
  EXPECT_EQ(r.rows[1].texts[2], "56");
  std::unique_ptr<JsonlReader> reader =
      Open(R"({"subject":"a","predicate":"p","object":"56"})");
  RawRow row;
  ASSERT_TRUE(reader->Next(&row));
  EXPECT_EQ(row[Column::kObject].json, JsonKind::kString);
  EXPECT_EQ(row[Column::kObject].column, 41);  // the opening quote
}

TEST_F(JsonlReaderTest, StringEscapesAreDecoded) {
  ReadResult r =
      Read(R"({"subject":"q\" b\\ s\/ \b\f\n\r\t","predicate":"\u00e9\u4E2D",)"
           R"("object":"\ud83d\ude00 \u0041","source":"caf\u00E9 plain é"})"
           "\n");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].texts[0], "q\" b\\ s/ \b\f\n\r\t");
  EXPECT_EQ(r.rows[0].texts[1], "\xC3\xA9\xE4\xB8\xAD");
  EXPECT_EQ(r.rows[0].texts[2], "\xF0\x9F\x98\x80 A");
  EXPECT_EQ(r.rows[0].texts[6], "caf\xC3\xA9 plain \xC3\xA9");
}

TEST_F(JsonlReaderTest, KeysInAnyOrderAndCaseWithOptionalKeysMissing) {
  ReadResult r = Read(
      "  {\"OBJECT\":\"o\" ,\t\"Predicate\" : \"p\", \"subject\":\"s\"}  \r\n"
      "\n"
      "\r\n"
      R"({"recorded_at":"2020-01-01","object":"o2","subject":"s2",)"
      R"("predicate":"p2"})");
  EXPECT_TRUE(r.errors.empty());
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].line, 1);
  EXPECT_EQ(r.rows[0].texts,
            std::vector<std::string>(
                {"s", "p", "o", "-", "-", "-", "-", "-", "-", "-"}));
  EXPECT_EQ(r.rows[0].columns,
            std::vector<int>({48, 33, 13, 0, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(r.rows[1].line, 4);
  EXPECT_EQ(r.rows[1].texts,
            std::vector<std::string>({"s2", "p2", "o2", "-", "-", "2020-01-01",
                                      "-", "-", "-", "-"}));
  EXPECT_TRUE(r.end.ok());
}

TEST_F(JsonlReaderTest, EmptyFileAndBlankLinesHaveNoRows) {
  for (const std::string content : {"", "\n\n", "\r\n"}) {
    ReadResult r = Read(content);
    EXPECT_TRUE(r.rows.empty());
    EXPECT_TRUE(r.errors.empty());
    EXPECT_TRUE(r.end.ok());
  }
}

TEST_F(JsonlReaderTest, SyntaxErrorsSayWhereAndWhatWasExpected) {
  EXPECT_EQ(
      ErrorOf(R"([1, 2])"),
      At(1, 1, "expected '{' (each line must be one JSON object), found '['"));
  EXPECT_EQ(ErrorOf(R"(  "subject")"),
            At(1, 3,
               "expected '{' (each line must be one JSON object), found "
               "'\"'"));
  EXPECT_EQ(ErrorOf(R"({subject: "s"})"),
            At(1, 2, "expected '\"' to start a key, found 's'"));
  EXPECT_EQ(ErrorOf(R"({"subject" "s"})"),
            At(1, 12, "expected ':' after a key, found '\"'"));
  EXPECT_EQ(ErrorOf(R"({"subject":"s" "predicate":"p"})"),
            At(1, 16, "expected ',' or '}' after a value, found '\"'"));
  EXPECT_EQ(ErrorOf(R"({"subject":"s",})"),
            At(1, 16, "expected '\"' to start a key, found '}'"));
  EXPECT_EQ(ErrorOf(R"({"subject":"s")"),
            At(1, 15, "expected ',' or '}' after a value, found end of line"));
  EXPECT_EQ(ErrorOf(R"({"subject":)"),
            At(1, 12, "expected a value, found end of line"));
  EXPECT_EQ(ErrorOf(R"({"subject":,})"),
            At(1, 12, "expected a value, found ','"));
  EXPECT_EQ(ErrorOf("{" + kSpo + "} x"),
            At(1, 46,
               "expected end of line after the JSON object, found "
               "'x'"));
  EXPECT_EQ(ErrorOf("{" + kSpo + "}{}"),
            At(1, 45,
               "expected end of line after the JSON object, found "
               "'{'"));
  EXPECT_EQ(ErrorOf(R"({"subject":"abc)"), At(1, 12, "unterminated string"));
  EXPECT_EQ(ErrorOf(R"({"subject":"abc\)"), At(1, 12, "unterminated string"));
  EXPECT_EQ(ErrorOf(R"({"subj)"), At(1, 2, "unterminated string"));
}

TEST_F(JsonlReaderTest, BadStringsAndLiterals) {
  EXPECT_EQ(ErrorOf(R"({"subject":"a\qb"})"),
            At(1, 14, "invalid escape: '\\' followed by 'q'"));
  EXPECT_EQ(ErrorOf(R"({"subject":"a\u12G4"})"),
            At(1, 14, "invalid \\u escape: expected 4 hex digits"));
  EXPECT_EQ(ErrorOf(R"({"subject":"a\u12"})"),
            At(1, 14, "invalid \\u escape: expected 4 hex digits"));
  EXPECT_EQ(ErrorOf(R"({"subject":"a\ud83dxy"})"),
            At(1, 14, "unpaired surrogate \\uD83D"));
  EXPECT_EQ(ErrorOf(R"({"subject":"a\ud83d\u0041"})"),
            At(1, 14, "unpaired surrogate \\uD83D"));
  EXPECT_EQ(ErrorOf(R"({"subject":"a\ude00"})"),
            At(1, 14, "unpaired surrogate \\uDE00"));
  EXPECT_EQ(ErrorOf("{\"subject\":\"a\tb\"}"),
            At(1, 14, "control character 0x09 in a string must be escaped"));
  EXPECT_EQ(ErrorOf(R"({"subject":True})"),
            At(1, 12,
               "invalid value 'True'; expected a string, number, true, false "
               "or null"));
  EXPECT_EQ(ErrorOf(R"({"subject":nul})"),
            At(1, 12,
               "invalid value 'nul'; expected a string, number, true, false "
               "or null"));
  EXPECT_EQ(ErrorOf(R"({"subject":truex})"),
            At(1, 12,
               "invalid value 'truex'; expected a string, number, true, "
               "false or null"));
  EXPECT_EQ(ErrorOf(R"({"subject":'s'})"),
            At(1, 12, "expected a value, found '''"));
}

TEST_F(JsonlReaderTest, BadNumbers) {
  for (const std::string number : {"01", "1.", ".5", "-", "1e", "1e+", "1.2.3",
                                   "12ab", "+1", "-01", "1-2", "0x10"}) {
    const std::string line =
        R"({"subject":"s","predicate":"p","object":)" + number + "}";
    const std::string error = ErrorOf(line);
    if (number == ".5") {
      EXPECT_EQ(error, At(1, 41, "expected a value, found '.'"));
    } else if (number == "+1") {
      EXPECT_EQ(error, At(1, 41, "expected a value, found '+'"));
    } else {
      EXPECT_EQ(error, At(1, 41, "invalid number '" + number + "'"));
    }
  }
  ReadResult r = Read(
      R"({"subject":"s","predicate":"p","object":0,"confidence":-0.25E-2})");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].texts[2], "0");
  EXPECT_EQ(r.rows[0].texts[8], "-0.25E-2");
}

TEST_F(JsonlReaderTest, NestedValuesAreRejectedWithoutRecursion) {
  EXPECT_EQ(ErrorOf(R"({"subject":"s","predicate":"p","object":[1,2]})"),
            At(1, 41, "field 'object' must be a string, number or boolean"));
  EXPECT_EQ(ErrorOf(R"({"subject":{"a":1}})"),
            At(1, 12, "field 'subject' must be a string, number or boolean"));
  // A deeply nested line fails at its first bracket, whatever its depth.
  const std::string deep = R"({"subject":)" + std::string(1000000, '[') +
                           std::string(1000000, ']') + "}";
  EXPECT_EQ(ErrorOf(deep),
            At(1, 12, "field 'subject' must be a string, number or boolean"));
}

TEST_F(JsonlReaderTest, RenamedKeys) {
  ReaderOptions options;
  auto renames =
      ResolveColumnRenames({{"start", "valid_from"}, {"end", "valid_to"}});
  ASSERT_TRUE(renames.ok()) << renames.status();
  options.renames = *renames;
  ReadResult r = Read(
      R"({"subject":"s","predicate":"p","object":"o","START":"1962-##-##",)"
      R"("end":"####-##-##"})"
      "\n"
      R"({"subject":"s","predicate":"p","object":"o","valid_from":"1962",)"
      R"("start":"1963"})"
      "\n",
      options);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].texts[static_cast<int>(Column::kValidFrom)],
            "1962-##-##");
  EXPECT_EQ(r.rows[0].texts[static_cast<int>(Column::kValidTo)], "####-##-##");
  // A key and a rename of another key for one column.
  EXPECT_EQ(
      r.errors,
      (std::vector<std::string>{At(2, 65,
                                   "duplicate key 'start': valid_from is given "
                                   "twice (with the column mapping)")}));
}

TEST_F(JsonlReaderTest, UnknownDuplicateAndMissingKeys) {
  EXPECT_EQ(ErrorOf(R"({"subject":"s","valid_form":"2001"})"),
            At(1, 16, "unknown key 'valid_form'; did you mean 'valid_from'?"));
  EXPECT_EQ(ErrorOf(R"({"subject":"s","colour":"red"})"),
            At(1, 16,
               "unknown key 'colour'; known columns are subject, predicate, "
               "object, valid_from, valid_to, recorded_at, source, by, "
               "confidence, object_type; to load 'colour' as one of them, map "
               "it with --columns=colour:COLUMN"));
  EXPECT_EQ(ErrorOf(R"({"subject":"s","Subject":"t"})"),
            At(1, 16, "duplicate key 'Subject'"));
  EXPECT_EQ(ErrorOf(R"({"subject":"s","predicate":null,"predicate":"p"})"),
            At(1, 33, "duplicate key 'predicate'"));
  EXPECT_EQ(ErrorOf(R"({"subject":"s","predicate":"p"})"),
            At(1, 1, "missing required key 'object'"));
  EXPECT_EQ(ErrorOf(R"( {})"), At(1, 1, "missing required key 'subject'"));
  EXPECT_EQ(ErrorOf(R"({"subject":"s","predicate":"p","object":null})"),
            At(1, 41, "required key 'object' must not be null"));
  // Escaped keys are unescaped before matching.
  ReadResult r = Read(R"({"subj\u0065ct":"s","predicate":"p","object":"o"})");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].texts[0], "s");
}

TEST_F(JsonlReaderTest, InvalidUtf8GivesTheColumnOfTheBadByte) {
  EXPECT_EQ(ErrorOf(R"({"subject":"caf)"
                    "\xC3"
                    R"(","predicate":"p","object":"o"})"),
            At(1, 16, "invalid UTF-8 at byte 0xC3"));
  EXPECT_EQ(ErrorOf(R"({"subject":"s","predicate":"p","object":"x)"
                    "\xED\xA0\x80"
                    R"("})"),
            At(1, 43, "invalid UTF-8 at byte 0xED"));
}

TEST_F(JsonlReaderTest, ResumesAfterBadRowsAndReportsTheirLines) {
  ReadResult r = Read("{" + kSpo + "}\n" +         // 1
                      "{\"subject\":\n" +          // 2
                      "\n" +                       // 3
                      "{" + kSpo + "}\r\n" +       // 4
                      "not json\n" +               // 5
                      "{" + kSpo + ",\"by\":7}");  // 6, no final newline
  EXPECT_EQ(r.errors,
            (std::vector<std::string>{
                At(2, 12, "expected a value, found end of line"),
                At(5, 1,
                   "expected '{' (each line must be one JSON object), found "
                   "'n'")}));
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.rows[0].line, 1);
  EXPECT_EQ(r.rows[1].line, 4);
  EXPECT_EQ(r.rows[2].line, 6);
  EXPECT_EQ(r.rows[2].texts[7], "7");
  EXPECT_TRUE(r.end.ok());
}

TEST_F(JsonlReaderTest, LineOverTheLimitIsSkipped) {
  ReaderOptions options;
  options.max_line_bytes = 100;
  options.chunk_bytes = 32;
  const std::string long_value(300, 'x');
  ReadResult r = Read("{" + kSpo + "}\n" + R"({"subject":")" + long_value +
                          "\"}\n" + "{" + kSpo + "}\n",
                      options);
  EXPECT_EQ(r.errors,
            (std::vector<std::string>{At(2, 1, "line longer than 100 bytes")}));
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[1].line, 3);
}

TEST_F(JsonlReaderTest, LongEscapedLinesAcrossSmallReads) {
  ReaderOptions options;
  options.chunk_bytes = 7;
  std::string escaped, expected;
  for (int i = 0; i < 500; ++i) {
    escaped += "\\u00e9\\n\\\"";
    expected += "\xC3\xA9\n\"";
  }
  std::string content;
  for (int i = 0; i < 20; ++i) {
    absl::StrAppend(&content, R"({"subject":")", escaped, i,
                    R"(","predicate":"p","object":)", i, "}\n");
  }
  ReadResult r = Read(content, options);
  ASSERT_EQ(r.rows.size(), 20u);
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(r.rows[i].texts[0], absl::StrCat(expected, i));
    EXPECT_EQ(r.rows[i].texts[2], absl::StrCat(i));
    EXPECT_EQ(r.rows[i].line, i + 1);
  }
}

}  // namespace
}  // namespace annals::load
