// Tests of the TSV and CSV readers: rows, columns and lines on good input, and
// the exact line:column and message of every kind of bad input. Also format
// selection (row_reader.h) and the shared helpers (reader_util.h).
#include "load/delimited_reader.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "load/jsonl_reader.h"
#include "load/reader_test_util.h"
#include "load/reader_util.h"
#include "load/row_reader.h"

namespace annals::load {
namespace {

using ::annals::load::test_util::ReadAll;
using ::annals::load::test_util::ReadResult;
using ::annals::load::test_util::WriteTempFile;
using Dialect = DelimitedReader::Dialect;

const std::string kHeader7 =
    "subject\tpredicate\tobject\tvalid_from\tvalid_to\trecorded_at\tsource\n";
const std::string kNames7 =
    "subject, predicate, object, valid_from, valid_to, recorded_at, source";
// Texts of the ten columns for a row with only subject, predicate and object.
std::vector<std::string> Spo(const std::string& s, const std::string& p,
                             const std::string& o) {
  return {s, p, o, "-", "-", "-", "-", "-", "-", "-"};
}

class DelimitedReaderTest : public ::testing::Test {
 protected:
  // Writes `content` to a file named after the test and opens it.
  absl::StatusOr<std::unique_ptr<DelimitedReader>> Open(
      const std::string& content, Dialect dialect,
      const ReaderOptions& options = {}) {
    path_ = WriteTempFile(
        absl::StrCat(
            ::testing::UnitTest::GetInstance()->current_test_info()->name(),
            "_", ++files_, dialect == Dialect::kTsv ? ".tsv" : ".csv"),
        content);
    return DelimitedReader::Open(path_, dialect, options);
  }
  // Opens `content` (which must have a good header) and reads all of it.
  ReadResult Read(const std::string& content, Dialect dialect,
                  const ReaderOptions& options = {}) {
    auto reader = Open(content, dialect, options);
    EXPECT_TRUE(reader.ok()) << reader.status();
    if (!reader.ok()) return {};
    ReadResult result = ReadAll(**reader);
    for (std::string& error : result.errors) error = Relative(error);
    EXPECT_EQ((*reader)->bytes_read(), (*reader)->bytes_total());
    return result;
  }
  // "path:line:col: message" for the last opened file.
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
  // The message of a header error.
  std::string HeaderError(const std::string& content, Dialect dialect,
                          const ReaderOptions& options = {}) {
    auto reader = Open(content, dialect, options);
    EXPECT_FALSE(reader.ok());
    if (reader.ok()) return "";
    EXPECT_EQ(reader.status().code(), absl::StatusCode::kInvalidArgument);
    return Relative(reader.status().message());
  }

  std::string path_;
  int files_ = 0;
};

// ---------------------------------------------------------------- TSV

TEST_F(DelimitedReaderTest, TsvReadsTextsColumnsAndLines) {
  auto reader = Open(kHeader7 +
                         "E1\tleader_of\tE2\t2001-01-01\t\t2001-01-02\tsrc1\n"
                         "E3\tsigned\tE4\t2002-02-02\t2002-02-03\t2002-02-"
                         "02\tsrc2\n",
                     Dialect::kTsv);
  ASSERT_TRUE(reader.ok()) << reader.status();
  EXPECT_EQ((*reader)->columns(),
            (std::vector<Column>{Column::kSubject, Column::kPredicate,
                                 Column::kObject, Column::kValidFrom,
                                 Column::kValidTo, Column::kRecordedAt,
                                 Column::kSource}));
  RawRow row;
  ASSERT_TRUE((*reader)->Next(&row)) << (*reader)->status();
  EXPECT_EQ(row.line, 2);
  EXPECT_EQ(row[Column::kSubject].text, "E1");
  EXPECT_EQ(row[Column::kPredicate].text, "leader_of");
  EXPECT_EQ(row[Column::kObject].text, "E2");
  EXPECT_EQ(row[Column::kValidFrom].text, "2001-01-01");
  EXPECT_TRUE(row[Column::kValidTo].present);  // in the header, empty
  EXPECT_EQ(row[Column::kValidTo].text, "");
  EXPECT_EQ(row[Column::kValidTo].column, 28);
  EXPECT_EQ(row[Column::kRecordedAt].text, "2001-01-02");
  EXPECT_EQ(row[Column::kSource].text, "src1");
  EXPECT_FALSE(row[Column::kBy].present);
  EXPECT_FALSE(row[Column::kConfidence].present);
  EXPECT_FALSE(row[Column::kObjectType].present);
  EXPECT_EQ(row[Column::kObject].json, JsonKind::kNone);
  std::vector<int> columns;
  for (const RawField& f : row.fields) columns.push_back(f.column);
  EXPECT_EQ(columns, (std::vector<int>{1, 4, 14, 17, 28, 29, 40, 0, 0, 0}));

  ASSERT_TRUE((*reader)->Next(&row));
  EXPECT_EQ(row.line, 3);
  EXPECT_EQ(row[Column::kValidTo].text, "2002-02-03");
  EXPECT_EQ(row[Column::kSource].text, "src2");
  EXPECT_FALSE((*reader)->Next(&row));
  EXPECT_TRUE((*reader)->status().ok());
  EXPECT_FALSE((*reader)->Next(&row));  // stays at the end
  EXPECT_TRUE((*reader)->status().ok());
}

TEST_F(DelimitedReaderTest, TsvFieldsAreLiteral) {
  ReadResult r = Read(
      "subject\tpredicate\tobject\n"
      "\"quoted\"\t a b \t\\n,x\n",
      Dialect::kTsv);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].texts, Spo("\"quoted\"", " a b ", "\\n,x"));
}

TEST_F(DelimitedReaderTest, HeaderNamesIgnoreCaseAndBlanks) {
  auto reader = Open(
      " Subject \tPREDICATE\tObject\tBy\n"
      "a\tb\tc\td\n",
      Dialect::kTsv);
  ASSERT_TRUE(reader.ok()) << reader.status();
  EXPECT_EQ((*reader)->columns(),
            (std::vector<Column>{Column::kSubject, Column::kPredicate,
                                 Column::kObject, Column::kBy}));
  ReadResult r = ReadAll(**reader);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].texts,
            std::vector<std::string>(
                {"a", "b", "c", "-", "-", "-", "-", "d", "-", "-"}));
}

TEST_F(DelimitedReaderTest, HeaderWithSomeOptionalColumnsInAnyOrder) {
  ReadResult r = Read(
      "object\tsubject\tpredicate\tconfidence\n"
      "o\ts\tp\t0.9\n",
      Dialect::kTsv);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].texts,
            std::vector<std::string>(
                {"s", "p", "o", "-", "-", "-", "-", "-", "0.9", "-"}));
  EXPECT_EQ(r.rows[0].columns,
            std::vector<int>({3, 5, 1, 0, 0, 0, 0, 0, 7, 0}));
  EXPECT_TRUE(r.errors.empty());
}

TEST_F(DelimitedReaderTest, CrlfBlankLinesAndNoTrailingNewline) {
  ReadResult r = Read(
      "\n"
      "subject\tpredicate\tobject\r\n"
      "\r\n"
      "a\tb\tc\r\n"
      "\n"
      "\r\n"
      "d\te\tf",
      Dialect::kTsv);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_TRUE(r.end.ok());
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].line, 4);
  EXPECT_EQ(r.rows[0].texts, Spo("a", "b", "c"));
  EXPECT_EQ(r.rows[1].line, 7);
  EXPECT_EQ(r.rows[1].texts, Spo("d", "e", "f"));
}

TEST_F(DelimitedReaderTest, ByteOrderMarkIsDropped) {
  ReadResult r =
      Read("\xEF\xBB\xBFsubject\tpredicate\tobject\na\tb\tc\n", Dialect::kTsv);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].texts, Spo("a", "b", "c"));
  EXPECT_EQ(
      HeaderError("\xEF\xBB\xBFsubjct\tpredicate\tobject\n", Dialect::kTsv),
      At(1, 1, "unknown column 'subjct'; did you mean 'subject'?"));
}

TEST_F(DelimitedReaderTest, HeaderOnlyHasNoRows) {
  ReadResult r = Read("subject\tpredicate\tobject\n", Dialect::kTsv);
  EXPECT_TRUE(r.rows.empty());
  EXPECT_TRUE(r.errors.empty());
  EXPECT_TRUE(r.end.ok());
}

TEST_F(DelimitedReaderTest, EmptyFileIsACleanEndWithoutColumns) {
  for (const std::string content : {"", "\n", "\r\n\n\r\n"}) {
    auto reader = Open(content, Dialect::kTsv);
    ASSERT_TRUE(reader.ok()) << reader.status();
    EXPECT_TRUE((*reader)->columns().empty());
    RawRow row;
    EXPECT_FALSE((*reader)->Next(&row));
    EXPECT_TRUE((*reader)->status().ok());
    EXPECT_EQ((*reader)->bytes_read(), static_cast<int64_t>(content.size()));
  }
}

TEST_F(DelimitedReaderTest, UnknownColumnSuggestsTheNearestName) {
  EXPECT_EQ(
      HeaderError("subject\tpredicate\tobject\tvalid_form\n", Dialect::kTsv),
      At(1, 26,
         "unknown column 'valid_form'; did you mean "
         "'valid_from'?"));
  EXPECT_EQ(HeaderError("subject\tpredicate\t  objet\n", Dialect::kTsv),
            At(1, 21, "unknown column 'objet'; did you mean 'object'?"));
  EXPECT_EQ(HeaderError("subject\tpredicate\tobject\tconf\n", Dialect::kTsv),
            At(1, 26, "unknown column 'conf'; did you mean 'confidence'?"));
}

TEST_F(DelimitedReaderTest, UnknownColumnFarFromAllListsTheKnownOnes) {
  EXPECT_EQ(
      HeaderError("subject\tpredicate\tobject\tweight\n", Dialect::kTsv),
      At(1, 26,
         "unknown column 'weight'; known columns are subject, predicate, "
         "object, valid_from, valid_to, recorded_at, source, by, confidence, "
         "object_type; to load 'weight' as one of them, map it with "
         "--columns=weight:COLUMN"));
}

TEST_F(DelimitedReaderTest, DuplicateEmptyAndMissingColumns) {
  EXPECT_EQ(HeaderError("subject\tpredicate\tobject\tSubject\n", Dialect::kTsv),
            At(1, 26, "duplicate column 'Subject'"));
  EXPECT_EQ(HeaderError("subject\tpredicate\tobject\t\n", Dialect::kTsv),
            At(1, 26, "empty column name in the header"));
  EXPECT_EQ(HeaderError("\nsubject\tobject\tvalid_from\n", Dialect::kTsv),
            At(2, 1,
               "missing required column 'predicate' (the header must name "
               "subject, predicate and object)"));
  EXPECT_EQ(HeaderError("predicate\tsubject\n", Dialect::kTsv),
            At(1, 1,
               "missing required column 'object' (the header must name "
               "subject, predicate and object)"));
}

// Header names mapped to columns (LoadOptions::columns).
ReaderOptions WithRenames(
    const std::vector<std::pair<std::string, std::string>>& columns) {
  ReaderOptions options;
  auto renames = ResolveColumnRenames(columns);
  EXPECT_TRUE(renames.ok()) << renames.status();
  if (renames.ok()) options.renames = *renames;
  return options;
}

TEST_F(DelimitedReaderTest, RenamedColumns) {
  const ReaderOptions options =
      WithRenames({{"start", "valid_from"}, {"END", "valid_to"}});
  for (Dialect dialect : {Dialect::kTsv, Dialect::kCsv}) {
    const char sep = dialect == Dialect::kTsv ? '\t' : ',';
    std::string content =
        "subject,predicate,object, Start ,end\n"
        "a,p,b,1962-##-##,####-##-##\n";
    for (char& c : content) c = c == ',' ? sep : c;
    auto reader = Open(content, dialect, options);
    ASSERT_TRUE(reader.ok()) << reader.status();
    EXPECT_EQ((*reader)->columns(),
              (std::vector<Column>{Column::kSubject, Column::kPredicate,
                                   Column::kObject, Column::kValidFrom,
                                   Column::kValidTo}));
    ReadResult r = ReadAll(**reader);
    ASSERT_EQ(r.rows.size(), 1u);
    std::vector<std::string> want = Spo("a", "p", "b");
    want[3] = "1962-##-##";
    want[4] = "####-##-##";
    EXPECT_EQ(r.rows[0].texts, want);
    EXPECT_EQ(r.rows[0].columns[3], 7);
  }
  // A rename takes precedence over a column's own name: columns may swap.
  ReadResult r =
      Read("subject\tpredicate\tobject\nb\tp\ta\n", Dialect::kTsv,
           WithRenames({{"subject", "object"}, {"object", "subject"}}));
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].texts, Spo("a", "p", "b"));
}

TEST_F(DelimitedReaderTest, RenameErrors) {
  const ReaderOptions options = WithRenames({{"start", "valid_from"}});
  EXPECT_EQ(HeaderError("subject\tpredicate\tobject\tbegin\n", Dialect::kTsv,
                        options),
            At(1, 26,
               "unknown column 'begin'; known columns are subject, predicate, "
               "object, valid_from, valid_to, recorded_at, source, by, "
               "confidence, object_type; to load 'begin' as one of them, map "
               "it with --columns=begin:COLUMN"));
  EXPECT_EQ(HeaderError("subject\tpredicate\tobject\n", Dialect::kTsv, options),
            At(1, 1,
               "column mapping start:valid_from: the header has no column "
               "'start'"));
  EXPECT_EQ(HeaderError("subject\tpredicate\tobject\tstart\tvalid_from\n",
                        Dialect::kTsv, options),
            At(1, 32,
               "duplicate column 'valid_from': 'start' and 'valid_from' both "
               "stand for valid_from (see the column mapping)"));
  EXPECT_EQ(HeaderError("subject,predicate,object,valid_from,START\n",
                        Dialect::kCsv, options),
            At(1, 37,
               "duplicate column 'START': 'valid_from' and 'START' both stand "
               "for valid_from (see the column mapping)"));
}

TEST_F(DelimitedReaderTest, WrongFieldCountPointsAtLineEndOrExtraField) {
  ReadResult r = Read(kHeader7 +
                          "a\tb\tc\td\te\tf\tg\n"
                          "a\tb\tc\td\te\n"
                          "a\tb\tc\td\te\tf\tg\th\ti\n"
                          "a\tb\tc\td\te\tf\tg\t\n"
                          "h\ti\tj\tk\tl\tm\tn\n",
                      Dialect::kTsv);
  EXPECT_EQ(r.errors,
            (std::vector<std::string>{
                At(3, 10, "expected 7 fields (" + kNames7 + "), found 5"),
                At(4, 15, "expected 7 fields (" + kNames7 + "), found 9"),
                At(5, 15, "expected 7 fields (" + kNames7 + "), found 8")}));
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].line, 2);
  EXPECT_EQ(r.rows[1].line, 6);
  EXPECT_EQ(r.rows[1].texts[6], "n");
  EXPECT_TRUE(r.end.ok());
}

TEST_F(DelimitedReaderTest, InvalidUtf8GivesTheColumnOfTheBadByte) {
  const std::string content =
      "subject\tpredicate\tobject\n"
      "caf\xC3\tp\to\n"           // 2: truncated sequence
      "s\tp\to\x80x\n"            // 3: stray continuation
      "s\t\xC0\xAF\to\n"          // 4: overlong
      "s\tp\t\xED\xA0\x80\n"      // 5: surrogate
      "s\tp\t\xF5\x80\x80\x80\n"  // 6: beyond F4
      "s\t\xE2\x82\tx\n"          // 7: truncated 3-byte
      "caf\xC3\xA9\t\xE4\xB8\xAD\t\xF0\x9F\x98\x80 ok\n"  // 8: valid
      "s\tp\to\xF4\x90\x80\x80\n"                         // 9: above U+10FFFF
      + std::string(40, 'a') + "\xFF\tp\to\n"      // 10: after the fast path
      + "s\tp\t" + std::string(33, 'b') + "\xC3";  // 11: at the very end
  ReadResult r = Read(content, Dialect::kTsv);
  EXPECT_EQ(r.errors,
            (std::vector<std::string>{
                At(2, 4, "invalid UTF-8 at byte 0xC3 in field 'subject'"),
                At(3, 6, "invalid UTF-8 at byte 0x80 in field 'object'"),
                At(4, 3, "invalid UTF-8 at byte 0xC0 in field 'predicate'"),
                At(5, 5, "invalid UTF-8 at byte 0xED in field 'object'"),
                At(6, 5, "invalid UTF-8 at byte 0xF5 in field 'object'"),
                At(7, 3, "invalid UTF-8 at byte 0xE2 in field 'predicate'"),
                At(9, 6, "invalid UTF-8 at byte 0xF4 in field 'object'"),
                At(10, 41, "invalid UTF-8 at byte 0xFF in field 'subject'"),
                At(11, 38, "invalid UTF-8 at byte 0xC3 in field 'object'")}));
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].line, 8);
  EXPECT_EQ(r.rows[0].texts,
            Spo("caf\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80 ok"));
  EXPECT_EQ(r.rows[0].columns[2], 11);  // byte columns, not characters
}

TEST_F(DelimitedReaderTest, NextResumesAfterABadRow) {
  auto reader = Open("subject\tpredicate\tobject\na\tb\tc\nbad\nd\te\tf\n",
                     Dialect::kTsv);
  ASSERT_TRUE(reader.ok());
  RawRow row;
  ASSERT_TRUE((*reader)->Next(&row));
  EXPECT_EQ(row[Column::kSubject].text, "a");
  ASSERT_FALSE((*reader)->Next(&row));
  EXPECT_EQ((*reader)->status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Relative((*reader)->status().message()),
            At(3, 4,
               "expected 3 fields (subject, predicate, object), found "
               "1"));
  ASSERT_TRUE((*reader)->Next(&row));
  EXPECT_EQ(row.line, 4);
  EXPECT_EQ(row[Column::kSubject].text, "d");
  EXPECT_TRUE((*reader)->status().ok());
  EXPECT_FALSE((*reader)->Next(&row));
  EXPECT_TRUE((*reader)->status().ok());
}

TEST_F(DelimitedReaderTest, LineOverTheLimitIsSkippedWithAnError) {
  ReaderOptions options;
  options.max_line_bytes = 64;
  options.chunk_bytes = 16;  // the long line spans many reads
  const std::string at_limit = std::string(60, 's') + "\tb\tc";  // 64 bytes
  ReadResult r = Read(
      "subject\tpredicate\tobject\n"
      "a\tb\tc\n" +
          std::string(1000, 'x') + "\tb\tc\n" + at_limit + "\r\n" + at_limit +
          "x\n" + "d\te\tf\n" + std::string(500, 'y'),
      Dialect::kTsv, options);
  EXPECT_EQ(r.errors,
            (std::vector<std::string>{At(3, 1, "line longer than 64 bytes"),
                                      At(5, 1, "line longer than 64 bytes"),
                                      At(7, 1, "line longer than 64 bytes")}));
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.rows[0].line, 2);
  EXPECT_EQ(r.rows[1].line, 4);
  EXPECT_EQ(r.rows[1].texts[0], std::string(60, 's'));
  EXPECT_EQ(r.rows[2].line, 6);
  EXPECT_EQ(r.rows[2].texts, Spo("d", "e", "f"));
  EXPECT_TRUE(r.end.ok());
}

TEST_F(DelimitedReaderTest, LimitIsShownInBinaryUnits) {
  ReaderOptions options;
  options.max_line_bytes = 1024;
  ReadResult r = Read("subject\tpredicate\tobject\n" + std::string(2000, 'x'),
                      Dialect::kTsv, options);
  EXPECT_EQ(r.errors,
            (std::vector<std::string>{At(2, 1, "line longer than 1 KiB")}));
  options.max_line_bytes = 16;
  EXPECT_EQ(HeaderError("subject\tpredicate\tobject\n", Dialect::kTsv, options),
            At(1, 1, "header line longer than 16 bytes"));
}

TEST_F(DelimitedReaderTest, LinesLongerThanTheReadBufferAreWhole) {
  ReaderOptions options;
  options.chunk_bytes = 8;
  const std::string big(3000, 'o');
  ReadResult r = Read("subject\tpredicate\tobject\na\tb\t" + big + "\nc\td\te",
                      Dialect::kTsv, options);
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].texts, Spo("a", "b", big));
  EXPECT_EQ(r.rows[1].texts, Spo("c", "d", "e"));
  EXPECT_EQ(r.rows[1].line, 3);
}

TEST_F(DelimitedReaderTest, SameRowsForEveryChunkSize) {
  std::string content = "subject\tpredicate\tobject\n";
  std::vector<std::vector<std::string>> expected;
  std::vector<int64_t> lines;
  int64_t line = 1;
  for (int i = 0; i < 300; ++i) {
    const std::string s = absl::StrCat("S", i, std::string(i % 37, 's'));
    const std::string o = absl::StrCat("O", std::string(i * 7 % 101, 'o'));
    absl::StrAppend(&content, s, "\tp", i % 5, "\t", o,
                    i % 3 == 0 ? "\r\n" : "\n");
    ++line;
    expected.push_back(Spo(s, absl::StrCat("p", i % 5), o));
    lines.push_back(line);
    if (i % 10 == 0) {
      content += "\n";
      ++line;
    }
  }
  content += "last\tp\to";  // no final newline
  expected.push_back(Spo("last", "p", "o"));
  lines.push_back(line + 1);
  for (int chunk : {1, 2, 3, 5, 8, 13, 64, 1000, 1 << 20}) {
    SCOPED_TRACE(chunk);
    ReaderOptions options;
    options.chunk_bytes = chunk;
    ReadResult r = Read(content, Dialect::kTsv, options);
    EXPECT_TRUE(r.errors.empty());
    ASSERT_EQ(r.rows.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(r.rows[i].texts, expected[i]);
      EXPECT_EQ(r.rows[i].line, lines[i]);
    }
  }
}

TEST_F(DelimitedReaderTest, MissingFileIsNotFound) {
  const std::string path = WriteTempFile("exists.tsv", "") + ".missing";
  auto reader = DelimitedReader::Open(path, Dialect::kTsv, {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(reader.status().message(),
            "cannot open '" + path + "': No such file or directory");
}

TEST_F(DelimitedReaderTest, DirectoryCannotBeOpened) {
  const std::string file = WriteTempFile("in_dir.tsv", "");
  const std::string dir = file.substr(0, file.rfind('/'));
  auto reader = DelimitedReader::Open(dir, Dialect::kTsv, {});
  ASSERT_FALSE(reader.ok());
  EXPECT_TRUE(absl::StrContains(reader.status().message(), "Is a directory"))
      << reader.status().message();
}

TEST_F(DelimitedReaderTest, ProgressReachesTheFileSize) {
  const std::string content = kHeader7 + "a\tb\tc\td\te\tf\tg\n";
  auto reader = Open(content, Dialect::kTsv);
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->bytes_total(), static_cast<int64_t>(content.size()));
  EXPECT_EQ((*reader)->bytes_read(), static_cast<int64_t>(kHeader7.size()));
  RawRow row;
  ASSERT_TRUE((*reader)->Next(&row));
  EXPECT_EQ((*reader)->bytes_read(), static_cast<int64_t>(content.size()));
}

// ---------------------------------------------------------------- CSV

TEST_F(DelimitedReaderTest, CsvQuotesCommasNewlinesAndCrlf) {
  ReadResult r = Read(
      "subject,predicate,object,source\r\n"      // 1
      "\"E1\",says,\"hello, world\",src\r\n"     // 2
      "E2,says,\"she said \"\"hi\"\"\",src\r\n"  // 3
      "E3,says,\"two\r\nlines\",src\r\n"         // 4-5
      "E4,says,\"\",x\r\n"                       // 6
      "E5,says,\"a\n\nb\",y\n"                   // 7-9
      "\"\"\"\",says,\"a,\"\"b\"\",\nc\",z\n"    // 10-11
      "E6,says,plain,z",                         // 12
      Dialect::kCsv);
  EXPECT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.rows.size(), 7u);
  auto texts = [](std::string s, std::string o, std::string src) {
    return std::vector<std::string>(
        {s, "says", o, "-", "-", "-", src, "-", "-", "-"});
  };
  EXPECT_EQ(r.rows[0].line, 2);
  EXPECT_EQ(r.rows[0].texts, texts("E1", "hello, world", "src"));
  EXPECT_EQ(r.rows[0].columns,
            std::vector<int>({1, 6, 11, 0, 0, 0, 26, 0, 0, 0}));
  EXPECT_EQ(r.rows[1].line, 3);
  EXPECT_EQ(r.rows[1].texts, texts("E2", "she said \"hi\"", "src"));
  EXPECT_EQ(r.rows[1].columns[6], 27);
  EXPECT_EQ(r.rows[2].line, 4);
  EXPECT_EQ(r.rows[2].texts, texts("E3", "two\r\nlines", "src"));
  EXPECT_EQ(r.rows[2].columns[2], 9);
  EXPECT_EQ(r.rows[2].columns[6], 8);  // in its own line, line 5
  EXPECT_EQ(r.rows[3].line, 6);
  EXPECT_EQ(r.rows[3].texts, texts("E4", "", "x"));
  EXPECT_EQ(r.rows[4].line, 7);
  EXPECT_EQ(r.rows[4].texts, texts("E5", "a\n\nb", "y"));
  EXPECT_EQ(r.rows[4].columns[6], 4);
  EXPECT_EQ(r.rows[5].line, 10);
  EXPECT_EQ(r.rows[5].texts, texts("\"", "a,\"b\",\nc", "z"));
  EXPECT_EQ(r.rows[6].line, 12);
  EXPECT_EQ(r.rows[6].texts, texts("E6", "plain", "z"));
  EXPECT_TRUE(r.end.ok());
}

TEST_F(DelimitedReaderTest, CsvQuoteInsideAnUnquotedFieldIsLiteral) {
  ReadResult r =
      Read("subject,predicate,object\n5\" screen,is,a\"b\"\n", Dialect::kCsv);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].texts, Spo("5\" screen", "is", "a\"b\""));
}

TEST_F(DelimitedReaderTest, CsvQuotedHeader) {
  ReadResult r =
      Read("\"subject\",\"Predicate\",object\na,b,c\n", Dialect::kCsv);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].texts, Spo("a", "b", "c"));
  EXPECT_EQ(HeaderError("\"subject\",\"predicat\",object\n", Dialect::kCsv),
            At(1, 12, "unknown column 'predicat'; did you mean 'predicate'?"));
}

TEST_F(DelimitedReaderTest, CsvTextAfterAClosingQuote) {
  ReadResult r =
      Read("subject,predicate,object\n\"abc\"x,p,o\na,\"b\" ,c\nd,e,f\n",
           Dialect::kCsv);
  EXPECT_EQ(r.errors, (std::vector<std::string>{
                          At(2, 6,
                             "expected ',' or end of line after a closing "
                             "quote, found 'x'"),
                          At(3, 6,
                             "expected ',' or end of line after a closing "
                             "quote, found ' '")}));
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].line, 4);
}

TEST_F(DelimitedReaderTest, CsvUnterminatedQuoteResumesAtTheNextLine) {
  ReadResult r = Read(
      "subject,predicate,object\n"
      "a,b,\"never closed\n"
      "c,d,e\n"
      "f,g,h\n",
      Dialect::kCsv);
  EXPECT_EQ(r.errors, (std::vector<std::string>{
                          At(2, 5,
                             "unterminated quoted field: no closing quote "
                             "before the end of the file")}));
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].line, 3);
  EXPECT_EQ(r.rows[0].texts, Spo("c", "d", "e"));
  EXPECT_EQ(r.rows[1].line, 4);
  EXPECT_TRUE(r.end.ok());
}

TEST_F(DelimitedReaderTest, CsvUnterminatedQuoteStopsAtTheLimit) {
  ReaderOptions options;
  options.max_line_bytes = 64;
  options.chunk_bytes = 16;
  std::string content = "subject,predicate,object\nx,y,\"z\n";
  for (int i = 0; i < 4; ++i) {
    absl::StrAppend(&content, "c", i, ",d,", std::string(20, 'e'), "\n");
  }
  ReadResult r = Read(content, Dialect::kCsv, options);
  EXPECT_EQ(r.errors, (std::vector<std::string>{
                          At(2, 5,
                             "unterminated quoted field: no closing quote "
                             "within 64 bytes")}));
  ASSERT_EQ(r.rows.size(), 4u);
  EXPECT_EQ(r.rows[0].line, 3);
  EXPECT_EQ(r.rows[0].texts, Spo("c0", "d", std::string(20, 'e')));
  EXPECT_EQ(r.rows[3].line, 6);
}

TEST_F(DelimitedReaderTest, CsvErrorsInsideMultilineRecords) {
  ReadResult r = Read(
      "subject,predicate,object\n"  // 1
      "a,\"x\ny\",c,d\n"            // 2-3: one field too many, on line 3
      "a,\"x\ny\"\n"                // 4-5: one too few, ends on line 5
      "a,\"x\ny\xC3\",c\n"          // 6-7: bad UTF-8 on line 7
      "g,h,i\n",                    // 8
      Dialect::kCsv);
  EXPECT_EQ(
      r.errors,
      (std::vector<std::string>{
          At(3, 6, "expected 3 fields (subject, predicate, object), found 4"),
          At(5, 3, "expected 3 fields (subject, predicate, object), found 2"),
          At(7, 2, "invalid UTF-8 at byte 0xC3 in field 'predicate'")}));
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].line, 8);
}

TEST_F(DelimitedReaderTest, CsvTrailingCommaIsAnExtraField) {
  ReadResult r = Read("subject,predicate,object\na,b,c,\n", Dialect::kCsv);
  EXPECT_EQ(r.errors, (std::vector<std::string>{
                          At(2, 7,
                             "expected 3 fields (subject, predicate, object), "
                             "found 4")}));
}

TEST_F(DelimitedReaderTest, CsvSameRowsForEveryChunkSize) {
  std::string content = "subject,predicate,object\r\n";
  std::vector<std::vector<std::string>> expected;
  std::vector<int64_t> lines;
  int64_t line = 2;
  for (int i = 0; i < 200; ++i) {
    std::string s = absl::StrCat("S", i);
    std::string o = absl::StrCat("O", std::string(i % 23, 'o'));
    std::string o_field = o;
    if (i % 4 == 1) {  // quoted, with quotes, commas and line breaks
      o = absl::StrCat("say \"", i, "\",\nnext\r\nlast");
      o_field = absl::StrCat("\"say \"\"", i, "\"\",\nnext\r\nlast\"");
    }
    absl::StrAppend(&content, s, ",p,", o_field, "\r\n");
    expected.push_back(Spo(s, "p", o));
    lines.push_back(line);
    line += i % 4 == 1 ? 3 : 1;
  }
  for (int chunk : {1, 2, 3, 7, 64, 1 << 20}) {
    SCOPED_TRACE(chunk);
    ReaderOptions options;
    options.chunk_bytes = chunk;
    ReadResult r = Read(content, Dialect::kCsv, options);
    EXPECT_TRUE(r.errors.empty());
    ASSERT_EQ(r.rows.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(r.rows[i].texts, expected[i]);
      EXPECT_EQ(r.rows[i].line, lines[i]);
    }
  }
}

// ------------------------------------------ format selection and helpers

TEST(ColumnNamesTest, RoundTripIgnoringCaseAndBlanks) {
  for (int i = 0; i < kColumnCount; ++i) {
    const Column c = static_cast<Column>(i);
    EXPECT_EQ(ColumnFromName(ColumnName(c)), i);
  }
  EXPECT_EQ(ColumnName(Column::kValidFrom), "valid_from");
  EXPECT_EQ(ColumnName(Column::kObjectType), "object_type");
  EXPECT_EQ(ColumnFromName("  Valid_From\t"),
            static_cast<int>(Column::kValidFrom));
  EXPECT_EQ(ColumnFromName("BY"), static_cast<int>(Column::kBy));
  EXPECT_EQ(ColumnFromName("valid from"), -1);
  EXPECT_EQ(ColumnFromName(""), -1);
  EXPECT_EQ(ColumnFromName("subjects"), -1);
}

TEST(ColumnNamesTest, Renames) {
  auto renames = ResolveColumnRenames(
      {{" start ", "valid_from"}, {"end", " VALID_TO "}, {"who", "by"}});
  ASSERT_TRUE(renames.ok()) << renames.status();
  ASSERT_EQ(renames->size(), 3u);
  EXPECT_EQ((*renames)[0].name, "start");
  EXPECT_EQ((*renames)[1].column, Column::kValidTo);
  int rename = 0;
  EXPECT_EQ(ColumnFromName("Start", *renames, &rename),
            static_cast<int>(Column::kValidFrom));
  EXPECT_EQ(rename, 0);
  EXPECT_EQ(ColumnFromName(" WHO", *renames, &rename),
            static_cast<int>(Column::kBy));
  EXPECT_EQ(rename, 2);
  EXPECT_EQ(ColumnFromName("valid_from", *renames, &rename),
            static_cast<int>(Column::kValidFrom));
  EXPECT_EQ(rename, -1);
  EXPECT_EQ(ColumnFromName("begin", *renames, nullptr), -1);
  EXPECT_EQ(ColumnFromName("subject", {}, nullptr),
            static_cast<int>(Column::kSubject));

  const std::vector<
      std::pair<std::vector<std::pair<std::string, std::string>>, std::string>>
      bad = {
          {{{"start", "valid_fro"}},
           "column mapping start:valid_fro: unknown column 'valid_fro'; did "
           "you mean 'valid_from'?"},
          {{{"start", "when"}},
           "column mapping start:when: unknown column 'when'; known columns "
           "are subject, predicate, object, valid_from, valid_to, "
           "recorded_at, source, by, confidence, object_type"},
          {{{" ", "valid_from"}},
           "column mapping  :valid_from: no name to map"},
          {{{"start", "valid_from"}, {"Start", "valid_to"}},
           "column mapping Start:valid_to: 'Start' is mapped twice"},
          {{{"start", "valid_from"}, {"begin", "valid_from"}},
           "column mapping begin:valid_from: 'start' is mapped to valid_from "
           "already"},
      };
  for (const auto& [columns, message] : bad) {
    auto r = ResolveColumnRenames(columns);
    ASSERT_FALSE(r.ok()) << message;
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().message(), message);
  }
}

TEST(ReaderUtilTest, SuggestionsAndSizes) {
  EXPECT_EQ(UnknownColumnMessage("column", "recordedat"),
            "unknown column 'recordedat'; did you mean 'recorded_at'?");
  EXPECT_EQ(UnknownColumnMessage("key", "obj"),
            "unknown key 'obj'; did you mean 'object'?");
  EXPECT_EQ(UnknownColumnMessage("column", "SUBJECT_"),
            "unknown column 'SUBJECT_'; did you mean 'subject'?");
  EXPECT_TRUE(absl::StrContains(UnknownColumnMessage("column", "id"),
                                "known columns are subject,"))
      << UnknownColumnMessage("column", "id");
  EXPECT_EQ(FormatByteSize(int64_t{64} << 20), "64 MiB");
  EXPECT_EQ(FormatByteSize(3072), "3 KiB");
  EXPECT_EQ(FormatByteSize(1000), "1000 bytes");
}

TEST(OpenRowReaderTest, PicksTheReaderByExtension) {
  const std::string tsv = "subject\tpredicate\tobject\na\tb\tc\n";
  const std::string csv = "subject,predicate,object\na,\"b,c\",d\n";
  const std::string jsonl = R"({"subject":"a","predicate":"b","object":"c"})";
  struct Case {
    std::string name;
    std::string content;
    std::string object;
  };
  for (const Case& c :
       {Case{"f.tsv", tsv, "c"}, Case{"f.TXT", tsv, "c"},
        Case{"f.csv", csv, "d"}, Case{"f.jsonl", jsonl, "c"},
        Case{"f.ndjson", jsonl, "c"}, Case{"f.json", jsonl, "c"}}) {
    SCOPED_TRACE(c.name);
    auto reader =
        OpenRowReader(WriteTempFile(c.name, c.content), LoadFormat::kAuto, {});
    ASSERT_TRUE(reader.ok()) << reader.status();
    RawRow row;
    ASSERT_TRUE((*reader)->Next(&row)) << (*reader)->status();
    EXPECT_EQ(row[Column::kObject].text, c.object);
  }
}

TEST(OpenRowReaderTest, FormatOverridesTheExtension) {
  const std::string path =
      WriteTempFile("data.dat", "subject,predicate,object\na,b,c\n");
  auto reader = OpenRowReader(path, LoadFormat::kCsv, {});
  ASSERT_TRUE(reader.ok()) << reader.status();
  RawRow row;
  ASSERT_TRUE((*reader)->Next(&row));
  EXPECT_EQ(row[Column::kPredicate].text, "b");

  auto unknown = OpenRowReader(path, LoadFormat::kAuto, {});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(unknown.status().message(),
            "cannot tell the format of '" + path +
                "' from its extension; use .tsv or .txt (TSV), .csv (CSV), "
                ".jsonl, .ndjson or .json (JSON Lines), .nt, .nq, .ttl or "
                ".trig (RDF), or give the format");
}

TEST(OpenRowReaderTest, ErrorsOfOpening) {
  const std::string missing = WriteTempFile("here.tsv", "") + ".gone.tsv";
  auto reader = OpenRowReader(missing, LoadFormat::kAuto, {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(reader.status().message(),
            "cannot open '" + missing + "': No such file or directory");

  const std::string bad_header =
      WriteTempFile("bad_header.csv", "subject,predicate\n");
  reader = OpenRowReader(bad_header, LoadFormat::kAuto, {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(
      absl::StrContains(reader.status().message(),
                        bad_header + ":1:1: missing required column 'object'"))
      << reader.status().message();

  ReaderOptions options;
  options.max_line_bytes = 0;
  reader =
      OpenRowReader(WriteTempFile("ok.jsonl", ""), LoadFormat::kAuto, options);
  EXPECT_EQ(reader.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace annals::load
