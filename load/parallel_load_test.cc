// Loads of files big enough to be parsed in two parts at once: errors keep
// their file line numbers, rejects stay in file order, and the store ends up
// exactly as a one-part parse (CSV is never split) makes it.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "annals/claim.h"
#include "annals/database.h"
#include "annals/options.h"
#include "annals/value.h"
#include "gtest/gtest.h"
#include "load/row_reader.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

constexpr int kRows = 120000;  // about 5.5 MB: above the split threshold

// Line 1 is the header; row r (0-based) is on line r + 2. `bad_lines` get an
// unparseable valid_from.
std::string Rows(char sep, const std::vector<int>& bad_lines = {}) {
  std::ostringstream out;
  out << "subject" << sep << "predicate" << sep << "object" << sep
      << "valid_from" << sep << "valid_to" << sep << "source\n";
  for (int r = 0; r < kRows; ++r) {
    int line = r + 2;
    bool bad =
        std::find(bad_lines.begin(), bad_lines.end(), line) != bad_lines.end();
    out << "E" << r % 997 << sep << "p" << r % 7 << sep << "E" << r % 1013
        << sep << (bad ? "2021-13-01" : "2021-01-01") << sep << "2022-0"
        << 1 + r % 9 << "-01" << sep << "src" << r % 50 << "\n";
  }
  return out.str();
}

std::string Write(const std::string& dir, const std::string& name,
                  const std::string& text) {
  std::string path = dir + "/" + name;
  std::ofstream(path) << text;
  return path;
}

int64_t ClaimCount(const Database& db) {
  auto stats = db.Stats();
  return stats.ok() ? stats->claims : -1;
}

TEST(ParallelLoadTest, LineFilesAreSplitAndCsvIsNot) {
  test::TempDir temp("annals_parallel");
  const std::string dir = temp.path();
  for (auto [name, sep, parts] :
       {std::tuple{"facts.tsv", '\t', 2}, std::tuple{"facts.csv", ',', 1}}) {
    std::string file = Write(dir, name, Rows(sep));
    auto readers =
        load::OpenRowReaders(file, LoadFormat::kAuto, load::ReaderOptions(), 2);
    ASSERT_TRUE(readers.ok()) << readers.status();
    ASSERT_EQ(readers->size(), static_cast<size_t>(parts)) << name;
    // Together the parts read every row once.
    int64_t rows = 0;
    load::RawRow row;
    for (auto& reader : *readers) {
      while (reader->Next(&row)) ++rows;
      EXPECT_TRUE(reader->status().ok()) << reader->status();
    }
    EXPECT_EQ(rows, kRows) << name;
  }
}

TEST(ParallelLoadTest, BadRowInTheSecondPartKeepsItsLineNumber) {
  test::TempDir temp("annals_parallel");
  const std::string dir = temp.path();
  std::string file = Write(dir, "facts.tsv", Rows('\t', {90001}));
  auto db = Database::Open(dir + "/store");
  ASSERT_TRUE(db.ok());
  auto result = db->Load({file});
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(absl::StartsWith(result.status().message(),
                               absl::StrCat(file, ":90001:")))
      << result.status();
  EXPECT_EQ(ClaimCount(*db), 0);
}

TEST(ParallelLoadTest, FirstErrorInFileOrderWins) {
  test::TempDir temp("annals_parallel");
  const std::string dir = temp.path();
  std::string file = Write(dir, "facts.tsv", Rows('\t', {20, 95000}));
  auto db = Database::Open(dir + "/store");
  ASSERT_TRUE(db.ok());
  auto result = db->Load({file});
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(
      absl::StartsWith(result.status().message(), absl::StrCat(file, ":20:")))
      << result.status();
}

TEST(ParallelLoadTest, RejectsAreInFileOrder) {
  test::TempDir temp("annals_parallel");
  const std::string dir = temp.path();
  std::string file = Write(dir, "facts.tsv", Rows('\t', {10, 60000, 110000}));
  auto db = Database::Open(dir + "/store");
  ASSERT_TRUE(db.ok());
  LoadOptions options;
  options.skip_bad = true;
  options.reject_file = dir + "/rejects.txt";
  auto result = db->Load({file}, options);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->rows, kRows);
  EXPECT_EQ(result->rejected, 3);
  EXPECT_EQ(result->claims_added, kRows - 3);
  std::ifstream in(options.reject_file);
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  size_t a = text.find(absl::StrCat(file, ":10:"));
  size_t b = text.find(absl::StrCat(file, ":60000:"));
  size_t c = text.find(absl::StrCat(file, ":110000:"));
  ASSERT_NE(a, std::string::npos) << text;
  ASSERT_NE(b, std::string::npos) << text;
  ASSERT_NE(c, std::string::npos) << text;
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
}

// A column mapping and dates with unknown digits hold in the second part
// too, whose reader does not see the header.
TEST(ParallelLoadTest, ColumnMappingAndUnknownDigitsInBothParts) {
  test::TempDir temp("annals_parallel");
  const std::string dir = temp.path();
  std::string text = Rows('\t', {90001});
  text.replace(text.find("valid_from"), 10, "start");
  text.replace(text.find("valid_to"), 8, "end");
  for (size_t at = 0; (at = text.find("2021-01-01", at)) != std::string::npos;
       at += 10) {
    text.replace(at, 10, "2021-##-##");
  }
  std::string file = Write(dir, "facts.tsv", text);
  auto db = Database::Open(dir + "/store");
  ASSERT_TRUE(db.ok());
  LoadOptions options;
  options.columns = {{"start", "valid_from"}, {"end", "valid_to"}};
  options.dates = DateFormat::kUnknownDigits;
  auto result = db->Load({file}, options);
  ASSERT_FALSE(result.ok());
  EXPECT_TRUE(absl::StartsWith(result.status().message(),
                               absl::StrCat(file,
                                            ":90001:14: valid_from: "
                                            "invalid time '2021-13-01': "
                                            "month out of range")))
      << result.status();
  options.skip_bad = true;
  options.reject_file = dir + "/rejects.txt";
  result = db->Load({file}, options);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->rejected, 1);
  EXPECT_EQ(result->claims_added, kRows - 1);
  ClaimPattern pattern;
  pattern.subject = Value::Entity("E5");
  auto claims = db->Find(pattern, TimeView::AllTime());
  ASSERT_TRUE(claims.ok()) << claims.status();
  ASSERT_GT(claims->size(), 100u);
  for (const Claim& c : *claims) {
    ASSERT_TRUE(c.valid.from.has_value());
    EXPECT_EQ(c.valid.from->ToString(), "2021") << c.row;
  }
}

TEST(ParallelLoadTest, SameStoreAsOnePartParse) {
  test::TempDir temp("annals_parallel");
  const std::string dir = temp.path();
  // The same rows as TSV (split in two parts) and as CSV (never split).
  std::string tsv = Write(dir, "facts.tsv", Rows('\t'));
  std::string csv = Write(dir, "facts.csv", Rows(','));
  auto split = Database::Open(dir + "/split");
  auto whole = Database::Open(dir + "/whole");
  ASSERT_TRUE(split.ok() && whole.ok());
  auto a = split->Load({tsv});
  auto b = whole->Load({csv});
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_EQ(a->claims_added, b->claims_added);
  EXPECT_EQ(a->terms_added, b->terms_added);
  EXPECT_EQ(a->duplicates, b->duplicates);
  for (ClaimId id : {ClaimId{1}, ClaimId{2}, ClaimId{49999}, ClaimId{50001},
                     ClaimId{kRows - 1}}) {
    auto x = split->Get(id);
    auto y = whole->Get(id);
    ASSERT_TRUE(x.ok() && y.ok()) << id;
    EXPECT_EQ(x->subject, y->subject) << id;
    EXPECT_EQ(x->predicate, y->predicate) << id;
    EXPECT_EQ(x->object, y->object) << id;
    EXPECT_EQ(x->valid, y->valid) << id;
    EXPECT_EQ(x->source, y->source) << id;
    EXPECT_EQ(x->row, y->row) << id;
  }
  auto check = split->Check();
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->ok());
}

}  // namespace
}  // namespace annals
