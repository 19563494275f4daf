// Hostile queries and files end with a clear error, or within the configured
// limits, in bounded memory: a 200 MB line in a TSV, a JSON Lines object
// nested 100,000 arrays deep, a 50 MB literal and 100,000 parentheses in a
// query (each through the real `annals` binary, whose peak RSS is measured),
// and a PATH search over a dense graph under a node limit and a timeout.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "annals/database.h"
#include "gtest/gtest.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr int64_t kMaxRssMb = 3000;  // the sanitizers' own shadow memory
#else
constexpr int64_t kMaxRssMb = 400;
#endif

using CliRun = test::CliResult;

class HostileInputsTest : public testing::Test {
 protected:
  // Runs `annals ARGS` in root_: its exit code, stderr and peak resident
  // memory.
  CliRun Cli(const std::vector<std::string>& args) {
    return test::RunCli(root_, args);
  }

  test::TempDir dir_{"annals_hostile"};
  std::string root_ = dir_.path();
};

TEST_F(HostileInputsTest, A200MegabyteTsvLineIsABadRowInBoundedMemory) {
  const std::string path = root_ + "/long.tsv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "subject\tpredicate\tobject\n"
        << "a\tb\t";
    std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 200; ++i) out << chunk;
    out << "\nc\td\te\n";
  }
  CliRun refused = Cli({"load", root_ + "/s.annals", path});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_TRUE(
      absl::StrContains(refused.err, "long.tsv:2:1: line longer than 64 MiB"))
      << refused.err;
  EXPECT_LT(refused.max_rss_mb, kMaxRssMb);
  CliRun skipped = Cli({"load", "--skip-bad", "--reject-file=" + root_ + "/rej",
                        root_ + "/s.annals", path});
  EXPECT_EQ(skipped.exit_code, 0) << skipped.err;
  EXPECT_LT(skipped.max_rss_mb, kMaxRssMb);
  fs::remove(path);
}

TEST_F(HostileInputsTest, DeeplyNestedJsonIsABadRow) {
  const std::string path = root_ + "/nested.jsonl";
  {
    std::ofstream out(path, std::ios::binary);
    out << R"({"subject":"a","predicate":"b","object":)"
        << std::string(100000, '[') << std::string(100000, ']') << "}\n";
  }
  CliRun run = Cli({"load", root_ + "/s.annals", path});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(
      run.err,
      "nested.jsonl:1:41: field 'object' must be a string, number or boolean"))
      << run.err;
  EXPECT_LT(run.max_rss_mb, kMaxRssMb);
}

TEST_F(HostileInputsTest, EnormousAndDeepQueriesAreRefusedClearly) {
  ASSERT_EQ(Cli({"init", root_ + "/s.annals"}).exit_code, 0);
  const std::string big = root_ + "/big.aq";
  {
    std::ofstream out(big, std::ios::binary);
    out << "FIND ?x WHERE ?x p \"" << std::string(50 << 20, 'a') << "\"\n";
  }
  CliRun run = Cli({"query", "--file=" + big, root_ + "/s.annals"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(
      absl::StrContains(run.err, "at most 1048576 bytes (1 MiB) are read"))
      << run.err.substr(0, 300);
  EXPECT_LT(run.max_rss_mb, kMaxRssMb);

  const std::string deep = root_ + "/deep.aq";
  std::ofstream(deep) << "FIND ?x WHERE ?x p ?y FILTER "
                      << std::string(100000, '(') << "?y = 1"
                      << std::string(100000, ')') << "\n";
  run = Cli({"query", "--file=" + deep, root_ + "/s.annals"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(
      absl::StrContains(run.err, "deep.aq:1:94: nesting deeper than 64"))
      << run.err.substr(0, 300);
}

// Two dense components of 600 entities, each linked to the next 40 of its
// own: a PATH from one to the other visits every node on both sides (the
// search runs from both ends), so the node limit ends it.
TEST_F(HostileInputsTest, PathOverADenseGraphStopsAtItsLimits) {
  const std::string path = root_ + "/dense.tsv";
  {
    std::ofstream out(path);
    out << "subject\tpredicate\tobject\n";
    for (const char* side : {"N", "M"}) {
      for (int i = 0; i < 600; ++i) {
        for (int k = 1; k <= 40; ++k) {
          out << side << i << "\tlinks\t" << side << (i + k) % 600 << "\n";
        }
      }
    }
  }
  auto db = Database::Open(root_ + "/dense.annals");
  ASSERT_TRUE(db.ok()) << db.status();
  ASSERT_TRUE(db->Load({path}).ok());
  QueryOptions limited;
  limited.max_path_nodes = 100;
  auto result = db->Query("PATH N0 TO M0", limited);
  absl::Status status = result.status();
  if (result.ok()) {
    std::vector<Row> rows;
    status = result->ReadAll(&rows);
  }
  EXPECT_TRUE(absl::IsResourceExhausted(status)) << status;
  EXPECT_TRUE(absl::StrContains(status.message(), "100")) << status;

  // Without a binding node limit: no path, found by visiting every node.
  auto unlimited = db->Query("PATH N0 TO M0");
  ASSERT_TRUE(unlimited.ok()) << unlimited.status();
  std::vector<Row> rows;
  ASSERT_TRUE(unlimited->ReadAll(&rows).ok());
  EXPECT_TRUE(rows.empty());
}

}  // namespace
}  // namespace annals
