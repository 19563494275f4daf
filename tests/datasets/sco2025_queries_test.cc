// The example queries of datasets/sco2025 (queries.aq and the demo's
// tour.aq) against the dataset itself: each statement, ended by `;`, is
// followed by its expected rows as `--> a | b | c` comment lines (cells as
// Cell::ToString prints them, NULL for none; `--> (no rows)` for none). The
// rows are compared as multisets, so the tutorial cannot drift from what the
// engine does.

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "annals/database.h"
#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

const std::string kDir = std::string(ANNALS_SOURCE_DIR) + "/datasets/sco2025";

struct Example {
  int line = 0;  // of the statement's first line
  std::string statement;
  std::vector<std::string> rows;  // expected
};

using test::ReadFile;

// Statements (lines up to one ending with `;`) and the `-->` lines after
// each.
std::vector<Example> ReadExamples(const std::string& path) {
  std::vector<Example> examples;
  Example current;
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(ReadFile(path), '\n')) {
    ++line_no;
    absl::string_view trimmed = absl::StripAsciiWhitespace(line);
    if (absl::ConsumePrefix(&trimmed, "-->")) {
      EXPECT_FALSE(examples.empty()) << path << ":" << line_no;
      if (!examples.empty() && trimmed != " (no rows)") {
        examples.back().rows.emplace_back(
            absl::StripLeadingAsciiWhitespace(trimmed));
      }
      continue;
    }
    if (trimmed.empty() || absl::StartsWith(trimmed, "--")) continue;
    if (current.statement.empty()) current.line = line_no;
    absl::StrAppend(&current.statement, current.statement.empty() ? "" : "\n",
                    line);
    if (absl::EndsWith(trimmed, ";")) {
      current.statement.pop_back();
      examples.push_back(std::move(current));
      current = Example();
    }
  }
  EXPECT_TRUE(current.statement.empty()) << path << ": a statement without `;`";
  return examples;
}

class Sco2025Test : public testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kDir + "/claims.tsv")) {
      GTEST_SKIP() << kDir << " is missing";
    }
    auto db = Database::Open(root_ + "/store");
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::make_unique<Database>(std::move(*db));
    auto schema = db_->SetSchema(ReadFile(kDir + "/sco2025.schema"),
                                 kDir + "/sco2025.schema");
    ASSERT_TRUE(schema.ok()) << schema.status();
    auto loaded = db_->Load({kDir + "/claims.tsv"});
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    ASSERT_EQ(loaded->rejected, 0);
  }

  void RunExamples(const std::string& file, size_t at_least) {
    std::vector<Example> examples = ReadExamples(kDir + "/" + file);
    EXPECT_GE(examples.size(), at_least) << file;
    for (const Example& e : examples) {
      SCOPED_TRACE(absl::StrCat(file, ":", e.line, ": ", e.statement));
      EXPECT_FALSE(e.rows.empty()) << "no `-->` rows (write `--> (no rows)`)";
      absl::StatusOr<ResultSet> result = db_->Query(e.statement);
      ASSERT_TRUE(result.ok()) << result.status();
      std::vector<Row> rows;
      ASSERT_TRUE(result->ReadAll(&rows).ok());
      std::vector<std::string> actual;
      for (const Row& row : rows) {
        std::vector<std::string> cells;
        for (const Cell& cell : row) {
          cells.push_back(cell.kind == Cell::Kind::kNull ? "NULL"
                                                         : cell.ToString());
        }
        actual.push_back(absl::StrJoin(cells, " | "));
      }
      std::vector<std::string> expected = e.rows;
      std::sort(actual.begin(), actual.end());
      std::sort(expected.begin(), expected.end());
      EXPECT_EQ(actual, expected)
          << "actual rows:\n--> " << absl::StrJoin(actual, "\n--> ");
    }
  }

  test::TempDir dir_{"annals_sco"};
  std::string root_ = dir_.path();
  std::unique_ptr<Database> db_;
};

TEST_F(Sco2025Test, TheExampleQueriesAnswerAsWritten) {
  RunExamples("queries.aq", 15);
}

TEST_F(Sco2025Test, TheDemoTourAnswersAsWritten) { RunExamples("tour.aq", 4); }

TEST_F(Sco2025Test, TheDatasetChecksAndFollowsItsSchema) {
  auto check = db_->Check();
  ASSERT_TRUE(check.ok()) << check.status();
  EXPECT_TRUE(check->ok());
  EXPECT_TRUE(check->schema_violations.empty());
}

}  // namespace
}  // namespace annals
