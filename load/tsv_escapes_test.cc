// TSV files that start with `#escapes=backslash` (as `annals export` writes
// them when a field holds a tab or a line break): the escapes decode, a bad
// escape is a bad row with its place, the header and line numbers follow the
// directive line, and a file split into parts for parallel parsing decodes
// its later parts too.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "load/delimited_reader.h"
#include "load/reader_test_util.h"
#include "load/row_reader.h"

namespace annals::load {
namespace {

using test_util::ReadAll;
using test_util::ReadResult;
using test_util::WriteTempFile;

ReadResult ReadTsv(const std::string& name, const std::string& content,
                   int parts = 1) {
  const std::string path = WriteTempFile(name, content);
  auto readers = OpenRowReaders(path, LoadFormat::kTsv, ReaderOptions(), parts);
  EXPECT_TRUE(readers.ok()) << readers.status();
  ReadResult all;
  if (!readers.ok()) return all;
  for (auto& reader : *readers) {
    ReadResult r = ReadAll(*reader);
    all.rows.insert(all.rows.end(), r.rows.begin(), r.rows.end());
    all.errors.insert(all.errors.end(), r.errors.begin(), r.errors.end());
  }
  return all;
}

std::vector<std::string> Spo(const test_util::RowValues& row) {
  return {row.texts[0], row.texts[1], row.texts[2]};
}

TEST(TsvEscapes, DecodeTabLineBreaksAndBackslash) {
  ReadResult r = ReadTsv("escapes.tsv",
                         "#escapes=backslash\n"
                         "subject\tpredicate\tobject\n"
                         "a\\tb\tp\\\\q\tline\\none\\r\\n\n"
                         "plain\t\\\\\t x \n");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(Spo(r.rows[0]),
            (std::vector<std::string>{"a\tb", "p\\q", "line\none\r\n"}));
  EXPECT_EQ(r.rows[0].line, 3);
  EXPECT_EQ(r.rows[0].columns[2], 11);  // columns count the escaped bytes
  EXPECT_EQ(Spo(r.rows[1]), (std::vector<std::string>{"plain", "\\", " x "}));
}

TEST(TsvEscapes, WithoutTheFirstLineBackslashesAreLiteral) {
  ReadResult r = ReadTsv("literal.tsv",
                         "subject\tpredicate\tobject\n"
                         "a\\tb\tp\t\\n\n");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(Spo(r.rows[0]), (std::vector<std::string>{"a\\tb", "p", "\\n"}));
}

TEST(TsvEscapes, UnknownOrTrailingBackslashIsABadRow) {
  ReadResult r = ReadTsv("bad.tsv",
                         "#escapes=backslash\n"
                         "subject\tpredicate\tobject\n"
                         "a\tb\\q\tc\n"
                         "a\tb\tc\\\n"
                         "ok\tp\to\n");
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_NE(r.errors[0].find("bad.tsv:3:4: unknown escape: a backslash "
                             "before 'q'"),
            std::string::npos)
      << r.errors[0];
  EXPECT_NE(r.errors[1].find("bad.tsv:4:6: unknown escape: a backslash "
                             "before the end of the field"),
            std::string::npos)
      << r.errors[1];
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].texts[0], "ok");
}

TEST(TsvEscapes, OnlyTheFirstLineIsTheDirective) {
  const std::string path = WriteTempFile(
      "late.tsv", "subject\tpredicate\tobject\n#escapes=backslash\tp\to\\t\n");
  auto reader = OpenRowReader(path, LoadFormat::kTsv, ReaderOptions());
  ASSERT_TRUE(reader.ok());
  ReadResult r = ReadAll(**reader);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(Spo(r.rows[0]),
            (std::vector<std::string>{"#escapes=backslash", "p", "o\\t"}));
}

TEST(TsvEscapes, LaterPartsOfASplitFileDecodeToo) {
  std::string content = "#escapes=backslash\nsubject\tpredicate\tobject\n";
  const int kRows = 120000;  // about 5 MiB: more than one part
  for (int i = 0; i < kRows; ++i) {
    content += "s" + std::to_string(i) +
               "\\tx\tp\\\\\tline\\nbreak "
               "padding padding\n";
  }
  ReadResult r = ReadTsv("split.tsv", content, /*parts=*/2);
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.rows.size(), static_cast<size_t>(kRows));
  EXPECT_EQ(Spo(r.rows.back()),
            (std::vector<std::string>{"s119999\tx", "p\\",
                                      "line\nbreak padding padding"}));
  EXPECT_EQ(r.rows.back().line, kRows + 2);
}

}  // namespace
}  // namespace annals::load
