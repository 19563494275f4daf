// `annals export` through the real binary: CSV written by --format or by
// --output's extension, read back by `annals load` (the same bytes again)
// and by Python's csv module and pandas (/usr/bin/python3), and the usage
// error for an --output whose extension names no format.
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

using test::ReadFile;

class ExportCliTest : public test::TinyStoreTest {
 protected:
  test::CliResult Run(const std::vector<std::string>& args) {
    return test::TinyStoreTest::Run(args, "");
  }
  std::string Path(const std::string& name) const { return root_ + "/" + name; }
  // The tiny store plus a claim whose fields need CSV quoting.
  void AddAwkwardClaim() {
    test::CliResult r = Run({"query", store_,
                             R"(ASSERT Gazprom note "a, \"b\"\nnext line" )"
                             R"(SOURCE "report, page 3" BY "Miller, A.")"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
};

TEST_F(ExportCliTest, CsvByExtensionLoadsBackToTheSameBytes) {
  AddAwkwardClaim();
  test::CliResult r = Run({"export", "--output=claims.csv", store_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.err, "Exported 38 claims to claims.csv"))
      << r.err;
  const std::string csv = ReadFile(Path("claims.csv"));
  EXPECT_TRUE(absl::StartsWith(
      csv,
      "subject,predicate,object,object_type,valid_from,valid_to,recorded_at,"
      "source,by,confidence\r\n"))
      << csv.substr(0, 200);
  EXPECT_TRUE(
      absl::StrContains(csv, "Gazprom,note,\"a, \"\"b\"\"\nnext line\",,,,"))
      << csv;
  EXPECT_TRUE(absl::StrContains(csv, ",\"report, page 3\",\"Miller, A.\","))
      << csv;
  EXPECT_TRUE(absl::EndsWith(csv, "\r\n"));

  r = Run({"load", "copy.annals", "claims.csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "38 claims added")) << r.out;
  r = Run({"export", "--output=again.csv", "copy.annals"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(Path("again.csv")), csv);

  // --format wins over the extension; standard output is TSV by default.
  r = Run({"export", "--format=csv", "--output=claims.txt", store_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(Path("claims.txt")), csv);
  r = Run({"export", "--format=CSV", store_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, csv);
  r = Run({"export", store_});
  EXPECT_TRUE(absl::StartsWith(r.out, "#escapes=backslash\nsubject\t"))
      << r.out.substr(0, 100);
}

TEST_F(ExportCliTest, EachExtensionGivesItsFormat) {
  struct Case {
    const char* file;
    const char* starts;
  };
  for (const Case& c :
       {Case{"a.tsv", "subject\tpredicate\t"},
        Case{"a.TXT", "subject\tpredicate\t"},
        Case{"a.csv", "subject,predicate,"}, Case{"a.jsonl", "{\"subject\":"},
        Case{"a.ndjson", "{\"subject\":"}, Case{"a.json", "{\"subject\":"}}) {
    test::CliResult r =
        Run({"export", std::string("--output=") + c.file, store_});
    ASSERT_EQ(r.exit_code, 0) << c.file << ": " << r.err;
    EXPECT_TRUE(absl::StartsWith(ReadFile(Path(c.file)), c.starts)) << c.file;
    r = Run({"load", std::string("copy_") + c.file + ".annals", c.file});
    EXPECT_EQ(r.exit_code, 0) << c.file << ": " << r.err;
    EXPECT_TRUE(absl::StrContains(r.out, "37 claims added")) << r.out;
  }
}

TEST_F(ExportCliTest, GraphmlByExtensionOfAView) {
  test::CliResult r = Run({"export", "--all", "--output=all.graphml", store_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.err, "Exported 37 claims (edges between "))
      << r.err;
  const std::string all = ReadFile(Path("all.graphml"));
  EXPECT_TRUE(absl::StartsWith(all, "<?xml version=\"1.0\"")) << all;
  EXPECT_TRUE(absl::EndsWith(all, "</graphml>\n"));
  // The default view is what holds now: fewer claims than --all.
  r = Run({"export", "--format=graphml", store_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StartsWith(r.out, "<?xml")) << r.out.substr(0, 100);
  EXPECT_LT(r.out.size(), all.size());
  r = Run({"export", "--at=2025-09-01", "--format=graphml", store_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "<data key=\"predicate\">held_in<"))
      << r.out;
}

TEST_F(ExportCliTest, ViewOptionsThatConflictAreUsageErrors) {
  struct Case {
    std::vector<std::string> args;
    const char* message;
  };
  const std::vector<Case> cases = {
      {{"--at=2025", "--all"}, "--at and --all: give one"},
      {{"--all=yes"}, "--all takes no value"},
      {{"--at=someday"}, "--at: "},
      {{"--all", "QUERY"}, "--all and a QUERY"},
      {{"--at=2025", "QUERY"}, "--at and a QUERY"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"export"};
    for (const std::string& a : c.args) {
      if (a != "QUERY") args.push_back(a);
    }
    args.push_back(store_);
    if (c.args.back() == "QUERY") args.push_back("FIND ?c WHERE ?c: ?s ?p ?o");
    test::CliResult r = Run(args);
    EXPECT_EQ(r.exit_code, 2) << c.message;
    EXPECT_TRUE(absl::StrContains(r.err, c.message)) << r.err;
  }
}

TEST_F(ExportCliTest, AnExtensionWithoutAFormatIsAUsageError) {
  for (const char* file : {"claims.xlsx", "claims", "out.d/claims"}) {
    test::CliResult r =
        Run({"export", std::string("--output=") + file, store_});
    EXPECT_EQ(r.exit_code, 2) << file;
    EXPECT_TRUE(absl::StrContains(
        r.err, std::string("annals: cannot tell the export format from '") +
                   file +
                   "': name it .tsv, .csv, .jsonl or .graphml, or give "
                   "--format=tsv|csv|jsonl|graphml"))
        << r.err;
    EXPECT_TRUE(absl::StrContains(r.err, "Usage: annals export")) << r.err;
    EXPECT_FALSE(std::filesystem::exists(Path(file))) << file;
    EXPECT_FALSE(std::filesystem::exists(Path(file) + ".partial")) << file;
  }
  test::CliResult r = Run({"export", "--format=xml", store_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(
      r.err, "unknown export format 'xml' (tsv, csv, jsonl or graphml)"))
      << r.err;
}

// Python's own readers take the file as it is: the same rows, the quoted
// fields whole.
TEST_F(ExportCliTest, PythonCsvAndPandasReadIt) {
  if (!std::filesystem::exists("/usr/bin/python3")) {
    GTEST_SKIP() << "no /usr/bin/python3";
  }
  AddAwkwardClaim();
  ASSERT_EQ(Run({"export", "--output=claims.csv", store_}).exit_code, 0);
  test::WriteFileIn(root_, "read.py", R"PY(
import csv, sys
with open("claims.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
assert len(rows) == 38, len(rows)
note = [r for r in rows if r["predicate"] == "note"]
assert len(note) == 1, note
assert note[0]["object"] == 'a, "b"\nnext line', repr(note[0]["object"])
assert note[0]["source"] == "report, page 3", note[0]
assert note[0]["by"] == "Miller, A.", note[0]
print("csv ok", len(rows))
try:
    import pandas
except ImportError:
    print("no pandas")
    sys.exit(0)
df = pandas.read_csv("claims.csv", keep_default_na=False, dtype=str)
assert list(df.columns) == ["subject", "predicate", "object", "object_type",
    "valid_from", "valid_to", "recorded_at", "source", "by", "confidence"], \
    list(df.columns)
assert len(df) == 38, len(df)
got = df[df.predicate == "note"].iloc[0]
assert got.object == 'a, "b"\nnext line', repr(got.object)
assert got.source == "report, page 3", got.source
print("pandas ok", len(df))
)PY");
  test::RunOptions options;
  options.dir = root_;
  test::CliResult r =
      test::RunProgram({"/usr/bin/python3", "read.py"}, options);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "csv ok 38")) << r.out;
  if (!absl::StrContains(r.out, "no pandas")) {
    EXPECT_TRUE(absl::StrContains(r.out, "pandas ok 38")) << r.out;
  }
}

}  // namespace
}  // namespace annals
