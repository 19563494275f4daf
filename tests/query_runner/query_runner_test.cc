// Runs every tests/queries/**/*.test file (the format of
// tests/queries/README.md) as one test case, named after the file:
// Files/QueryFileTest.Run/find_basic for tests/queries/find/basic.test.
// Each file gets a fresh store in a temporary directory, loaded with its
// dataset; its blocks run in order against that store. A mismatch names the
// file and line of the block, the statement, and the expected and actual
// rows or error; later blocks still run.
//
//   ./tests/annals_tests --gtest_filter='*QueryFileTest*temporal*'
#include <stdlib.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "annals/database.h"
#include "annals/result.h"
#include "gtest/gtest.h"
#include "tests/query_runner/test_file.h"
#include "tests/support/temp_dir.h"

namespace annals::test {
namespace {

namespace fs = std::filesystem;

fs::path QueriesDir() {
  return fs::path(ANNALS_SOURCE_DIR) / "tests" / "queries";
}

// Every *.test file under tests/queries/, relative to it, sorted.
std::vector<std::string> TestFiles() {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(QueriesDir(), ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".test") {
      files.push_back(it->path().lexically_relative(QueriesDir()).string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// `find/basic.test` -> `find_basic`.
std::string TestName(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param.substr(0, info.param.rfind(".test"));
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

// Cells as Cell::ToString prints them, tab-separated. Null cells (an unbound
// variable, an open end) print as NULL, so that no expected row ends in an
// invisible tab. `plain_text`: strings without their quotes (plan lines).
std::string RenderRow(const Row& row, bool plain_text) {
  std::vector<std::string> cells;
  for (const Cell& cell : row) {
    if (cell.kind == Cell::Kind::kNull) {
      cells.push_back("NULL");
    } else if (plain_text && cell.kind == Cell::Kind::kValue &&
               cell.value.kind() == ValueKind::kString) {
      cells.push_back(cell.value.text());
    } else {
      cells.push_back(cell.ToString());
    }
  }
  return absl::StrJoin(cells, "\t");
}

std::string Indented(const std::vector<std::string>& rows) {
  if (rows.empty()) return "  (no rows)\n";
  std::string out;
  for (const std::string& row : rows) absl::StrAppend(&out, "  ", row, "\n");
  return out;
}

bool StartsWithExplain(const std::string& statement) {
  size_t i = statement.find_first_not_of(" \t\n");
  if (i == std::string::npos || statement.size() - i < 7) return false;
  std::string word = statement.substr(i, 7);
  for (char& c : word) c = static_cast<char>(std::toupper(c));
  return word == "EXPLAIN";
}

// What one statement gave.
struct Outcome {
  absl::Status status;
  std::vector<std::string> columns;
  std::string view;
  std::vector<std::string> notices;
  std::vector<std::string> rows;
};

class QueryFileTest : public testing::TestWithParam<std::string> {
 protected:
  void TearDown() override { db_.reset(); }

  absl::Status Open() {
    db_.reset();
    auto db = Database::Open(root_ + "/store.annals");
    if (!db.ok()) return db.status();
    db_.emplace(std::move(db).value());
    return absl::OkStatus();
  }

  Outcome Run(const std::string& statement, bool plain_text) {
    Outcome out;
    absl::StatusOr<ResultSet> result = db_->Query(statement);
    if (!result.ok()) {
      out.status = result.status();
      return out;
    }
    out.columns = result->columns();
    out.view = result->view();
    out.notices = result->notices();
    std::vector<Row> rows;
    out.status = result->ReadAll(&rows);
    for (const Row& row : rows) out.rows.push_back(RenderRow(row, plain_text));
    return out;
  }

  void RunStep(const std::string& file, const TestStep& step) {
    const std::string where = absl::StrCat(
        file, ":", step.line, ": ", step.directive, "\n", step.statement, "\n");
    if (step.kind == TestStep::Kind::kRestart) {
      absl::Status s = Open();
      EXPECT_TRUE(s.ok()) << where << "reopening the store: " << s;
      return;
    }
    if (!db_) {
      ADD_FAILURE() << where << "no store (reopening failed)";
      return;
    }
    if (step.kind == TestStep::Kind::kSchema) {
      absl::StatusOr<SchemaVersion> set = db_->SetSchema(
          step.statement, absl::StrCat("schema block at line ", step.line));
      EXPECT_TRUE(set.ok()) << where << set.status();
      return;
    }
    if (step.kind == TestStep::Kind::kLoad) {
      std::string path = absl::StrCat(root_, "/load-", step.line, ".tsv");
      std::ofstream(path, std::ios::binary) << step.statement;
      absl::StatusOr<LoadResult> loaded = db_->Load({path});
      EXPECT_TRUE(loaded.ok()) << where << loaded.status();
      return;
    }
    const bool explain = step.kind == TestStep::Kind::kExplain;
    std::string statement = step.statement;
    if (explain && !StartsWithExplain(statement)) {
      statement = "EXPLAIN " + statement;
    }
    Outcome out = Run(statement, explain);
    if (step.kind == TestStep::Kind::kStatementError) {
      if (out.status.ok()) {
        ADD_FAILURE() << where << "expected an error, but it succeeded with "
                      << out.rows.size() << " rows:\n"
                      << Indented(out.rows);
        return;
      }
      std::string message = out.status.ToString();
      for (const std::string& fragment : step.error_fragments) {
        if (message.find(fragment) == std::string::npos) {
          ADD_FAILURE() << where << "expected the error to contain:\n"
                        << fragment << "\nactual error:\n"
                        << message;
        }
      }
      return;
    }
    if (!out.status.ok()) {
      ADD_FAILURE() << where << "unexpected error:\n" << out.status;
      return;
    }
    if (step.kind == TestStep::Kind::kStatementOk) return;
    if (step.view) {
      EXPECT_EQ(out.view, *step.view) << where << "view differs";
    }
    // A query's notices are what its `notice` lines say: none without.
    if (step.kind == TestStep::Kind::kQuery) {
      EXPECT_EQ(absl::StrJoin(out.notices, "\n"),
                absl::StrJoin(step.notices, "\n"))
          << where << "notices differ";
    }
    if (step.columns) {
      EXPECT_EQ(absl::StrJoin(out.columns, "\t"),
                absl::StrJoin(*step.columns, "\t"))
          << where << "columns differ";
    }
    std::vector<std::string> expected = step.expected;
    std::vector<std::string> actual = out.rows;
    bool ordered = step.ordered || explain;
    if (!ordered) {
      std::sort(expected.begin(), expected.end());
      std::sort(actual.begin(), actual.end());
    }
    if (expected != actual) {
      ADD_FAILURE() << where << "expected " << expected.size() << " rows"
                    << (ordered ? "" : " (sorted)") << ":\n"
                    << Indented(expected) << "actual " << actual.size()
                    << " rows" << (ordered ? "" : " (sorted)") << ":\n"
                    << Indented(actual);
    }
  }

  test::TempDir temp_{"annals_query", test::TempDir::Keep::kOnFailure};
  std::string root_ = temp_.path();
  std::optional<Database> db_;
};

TEST_P(QueryFileTest, Run) {
  const std::string relative = GetParam();
  absl::StatusOr<TestFile> file =
      ReadTestFile((QueriesDir() / relative).string());
  ASSERT_TRUE(file.ok()) << file.status();
  const std::string name = "tests/queries/" + relative;
  absl::Status opened = Open();
  ASSERT_TRUE(opened.ok()) << opened;
  if (!file->dataset.empty()) {
    std::string tsv = absl::StrCat(ANNALS_SOURCE_DIR, "/datasets/",
                                   file->dataset, "/claims.tsv");
    absl::StatusOr<LoadResult> loaded = db_->Load({tsv});
    ASSERT_TRUE(loaded.ok())
        << name << ": loading " << tsv << ": " << loaded.status();
  }
  for (const TestStep& step : file->steps) RunStep(name, step);
}

INSTANTIATE_TEST_SUITE_P(Files, QueryFileTest, testing::ValuesIn(TestFiles()),
                         TestName);

TEST(QueryFileListTest, FindsTestFiles) {
  EXPECT_FALSE(TestFiles().empty()) << "no *.test under " << QueriesDir();
}

// The format itself.

TEST(QueryTestFormatTest, ReadsEveryDirective) {
  constexpr std::string_view kText =
      "# a comment\n"
      "dataset tiny\n"
      "\n"
      "statement ok\n"
      "ASSERT a b c\n"
      "\n"
      "statement error did you mean\n"
      "FIND ?x\n"
      "WHERE a b ?x\n"
      "----\n"
      "  FIND ?x\n"
      "  ^\n"
      "\n"
      "query ordered\n"
      "view valid now, as currently recorded\n"
      "columns ?x\t?y\n"
      "notice unknown name 'a'\n"
      "notice unknown predicate 'p'\n"
      "FIND ?x ?y WHERE ?x p ?y\n"
      "----\n"
      "a\tb\n"
      "#c1\tNULL\n"
      "\n"
      "# between blocks\n"
      "explain\n"
      "FIND ?x WHERE ?x p ?y\n"
      "----\n"
      "scan pos\n"
      "\n"
      "restart\n"
      "\n"
      "query\n"
      "FIND ?x WHERE ?x p q\n"
      "----\n";
  absl::StatusOr<TestFile> file = ParseTestFile("t.test", kText);
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->dataset, "tiny");
  ASSERT_EQ(file->steps.size(), 6u);
  const auto& s = file->steps;
  EXPECT_EQ(s[0].kind, TestStep::Kind::kStatementOk);
  EXPECT_EQ(s[0].line, 4);
  EXPECT_EQ(s[0].statement, "ASSERT a b c");
  EXPECT_EQ(s[1].kind, TestStep::Kind::kStatementError);
  EXPECT_EQ(s[1].statement, "FIND ?x\nWHERE a b ?x");
  EXPECT_EQ(s[1].error_fragments,
            (std::vector<std::string>{"did you mean", "  FIND ?x\n  ^"}));
  EXPECT_EQ(s[2].kind, TestStep::Kind::kQuery);
  EXPECT_TRUE(s[2].ordered);
  EXPECT_EQ(s[2].view, "valid now, as currently recorded");
  EXPECT_EQ(s[2].columns, (std::vector<std::string>{"?x", "?y"}));
  EXPECT_EQ(s[2].notices, (std::vector<std::string>{"unknown name 'a'",
                                                    "unknown predicate 'p'"}));
  EXPECT_EQ(s[2].expected, (std::vector<std::string>{"a\tb", "#c1\tNULL"}));
  EXPECT_EQ(s[3].kind, TestStep::Kind::kExplain);
  EXPECT_EQ(s[3].expected, std::vector<std::string>{"scan pos"});
  EXPECT_EQ(s[4].kind, TestStep::Kind::kRestart);
  EXPECT_EQ(s[5].kind, TestStep::Kind::kQuery);
  EXPECT_FALSE(s[5].ordered);
  EXPECT_TRUE(s[5].expected.empty());
}

TEST(QueryTestFormatTest, ReadsSchemaAndLoadBlocks) {
  absl::StatusOr<TestFile> file =
      ParseTestFile("t.test",
                    "schema\n# a comment line of the schema\nalias a = b\n\n"
                    "load\nsubject\tpredicate\tobject\na\tp\tc\n");
  ASSERT_TRUE(file.ok()) << file.status();
  ASSERT_EQ(file->steps.size(), 2u);
  EXPECT_EQ(file->steps[0].kind, TestStep::Kind::kSchema);
  EXPECT_EQ(file->steps[0].statement,
            "# a comment line of the schema\nalias a = b\n");
  EXPECT_EQ(file->steps[1].kind, TestStep::Kind::kLoad);
  EXPECT_EQ(file->steps[1].line, 5);
  EXPECT_EQ(file->steps[1].statement, "subject\tpredicate\tobject\na\tp\tc\n");
}

struct BadFile {
  const char* text;
  const char* message;
};

class QueryTestFormatErrorTest : public testing::TestWithParam<BadFile> {};

TEST_P(QueryTestFormatErrorTest, SaysWhereAndWhy) {
  absl::StatusOr<TestFile> file = ParseTestFile("t.test", GetParam().text);
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().message(), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, QueryTestFormatErrorTest,
    testing::Values(
        BadFile{"querry\nFIND ?x WHERE ?x p ?y\n",
                "t.test:1: unknown directive `querry`; expected dataset, "
                "statement ok, statement error, query, query ordered, explain, "
                "restart, schema or load"},
        BadFile{"schema\n\nquery\nFIND ?x\n----\n",
                "t.test:1: `schema` needs its lines"},
        BadFile{"load\n", "t.test:1: `load` needs its lines"},
        BadFile{"query\nFIND ?x WHERE ?x p ?y\n",
                "t.test:1: expected `----` and the expected rows after the "
                "statement"},
        BadFile{"statement error\nFIND ?x WHERE ?x p ?y\n",
                "t.test:1: `statement error` needs the expected message, on "
                "its line or after `----`"},
        BadFile{"statement ok\n\n", "t.test:1: the block has no statement"},
        BadFile{"statement ok\nASSERT a b c\n----\n#c1\n",
                "t.test:1: `statement ok` takes no `----`; use `query` to "
                "check rows"},
        BadFile{"restart\nFIND ?x\n",
                "t.test:2: `restart` stands alone in its block"},
        BadFile{"restart\n\ndataset tiny\n",
                "t.test:3: `dataset` must come once, before any block"}));

}  // namespace
}  // namespace annals::test
