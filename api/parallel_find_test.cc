// A FIND with DISTINCT or ORDER BY whose first pattern matches many claims
// gathers its rows on several threads (QueryOptions::threads): the same
// rows in the same order as on one thread, for DISTINCT by variables and
// by values, ORDER BY, FILTER, OPTIONAL and NOT groups in the later steps,
// and the same EXPLAIN ANALYZE counts; an error in a later step, max_rows
// and cancellation end it the same way.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "annals/database.h"
#include "gtest/gtest.h"
#include "tests/support/store.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

class ParallelFindTest : public testing::Test {
 protected:
  // A hub H that knows 600 people; person i likes 1 to 5 of 97 things and
  // has an age. Some of H's ties end before 2010-06-15; some likes start
  // after it.
  void SetUp() override {
    const std::string file = dir_.Join("hub.tsv");
    FILE* out = std::fopen(file.c_str(), "w");
    ASSERT_NE(out, nullptr);
    std::fputs("subject\tpredicate\tobject\tvalid_from\tvalid_to\tsource\n",
               out);
    for (int i = 0; i < 600; ++i) {
      std::fprintf(out, "H\tknows\tP%d\t2000-01-01\t%s\ts\n", i,
                   i % 7 == 0 ? "2005-01-01" : "");
      for (int j = 0; j <= i % 5; ++j) {
        std::fprintf(out, "P%d\tlikes\tT%d\t%d-03-01\t%s\ts\n", i,
                     (i * 7 + j * 13) % 97, 1980 + (i + j) % 40,
                     j == 2 ? "2030-01-01" : "");
      }
      if (i % 3 != 0)
        std::fprintf(out, "P%d\tage\t%d\t2000-01-01\t\ts\n", i, i % 50);
      if (i % 11 == 0)
        std::fprintf(out, "P%d\tbanned\tyes\t2001-01-01\t\ts\n", i);
    }
    std::fclose(out);
    auto db = test::OpenDatabase(dir_.Join("store.annals"));
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(db).value();
    auto loaded = db_->Load({file});
    ASSERT_TRUE(loaded.ok()) << loaded.status();
  }

  // The rows, cells joined by tabs, in the order they came; or the error.
  std::vector<std::string> Rows(const std::string& text, int threads,
                                absl::Status* status = nullptr,
                                QueryOptions options = QueryOptions()) {
    options.threads = threads;
    std::vector<std::string> out;
    auto result = db_->Query(text, options);
    std::vector<Row> rows;
    absl::Status s = result.ok() ? result->ReadAll(&rows) : result.status();
    if (status != nullptr) {
      *status = s;
    } else {
      EXPECT_TRUE(s.ok()) << s << " in " << text;
    }
    for (const Row& row : rows) {
      std::vector<std::string> cells;
      for (const Cell& cell : row) cells.push_back(cell.ToString());
      out.push_back(absl::StrJoin(cells, "\t"));
    }
    return out;
  }

  test::TempDir dir_{"annals_parallel_find", test::TempDir::Keep::kOnFailure};
  std::unique_ptr<Database> db_;
};

TEST_F(ParallelFindTest, SeveralThreadsGiveTheRowsOfOneInItsOrder) {
  const std::vector<std::string> queries = {
      "FIND DISTINCT ?y WHERE H ?p ?x, ?x ?q ?y AT 2010-06-15",
      "FIND DISTINCT ?y WHERE H knows ?x, ?x likes ?y",
      "FIND ?x ?y WHERE H knows ?x, ?x likes ?y ORDER BY ?y DESC",
      "FIND DISTINCT ?q ?y WHERE H knows ?x, ?x ?q ?y AT 2010-06-15 "
      "ORDER BY ?q",
      // DISTINCT by values (a claim's start, not a variable).
      "FIND DISTINCT from(?c) WHERE H knows ?x, ?c: ?x likes ?y",
      "FIND DISTINCT ?y WHERE H knows ?x, ?x likes ?y, ?x age ?a "
      "FILTER ?a > 20",
      "FIND DISTINCT ?y ?a WHERE H knows ?x, ?x likes ?y "
      "OPTIONAL { ?x age ?a }",
      "FIND DISTINCT ?y WHERE H knows ?x, ?x likes ?y "
      "NOT { ?x banned ?b }",
  };
  for (const std::string& q : queries) {
    const std::vector<std::string> one = Rows(q, 1);
    EXPECT_GT(one.size(), 10u) << q;
    for (int threads : {2, 3, 8}) {
      EXPECT_EQ(Rows(q, threads), one) << q << " on " << threads << " threads";
    }
  }
}

TEST_F(ParallelFindTest, ExplainAnalyzeCountsTheSameAndSaysHowItGathered) {
  const std::string q =
      "EXPLAIN ANALYZE FIND DISTINCT ?y WHERE H knows ?x, ?x likes ?y "
      "AT 2010-06-15";
  std::vector<std::string> one = Rows(q, 1);
  std::vector<std::string> four = Rows(q, 4);
  ASSERT_EQ(four.size(), one.size() + 1);
  EXPECT_EQ(four.back(),
            "\"gathered on up to 4 threads: the first step's 514 rows in "
            "33 parts\"");
  four.pop_back();
  EXPECT_EQ(four, one);
  EXPECT_TRUE(absl::StrContains(absl::StrJoin(one, "\n"), "actual 514"))
      << absl::StrJoin(one, "\n");
}

TEST_F(ParallelFindTest, FewFirstRowsStayOnOneThread) {
  // P5's 1 like: nothing to share out.
  const std::vector<std::string> plan =
      Rows("EXPLAIN ANALYZE FIND DISTINCT ?y WHERE P5 ?p ?x, ?x ?q ?y", 4);
  for (const std::string& line : plan) {
    EXPECT_FALSE(absl::StartsWith(line, "gathered")) << line;
  }
}

TEST_F(ParallelFindTest, ErrorsMaxRowsAndCancellationEndItAsOnOneThread) {
  const std::string q = "FIND ?x ?y WHERE H knows ?x, ?x likes ?y ORDER BY ?y";
  for (int threads : {1, 4}) {
    QueryOptions options;
    options.max_rows = 100;
    absl::Status status;
    Rows(q, threads, &status, options);
    EXPECT_TRUE(absl::IsResourceExhausted(status)) << status;
    EXPECT_TRUE(absl::StrContains(status.message(), "more than 100 rows"))
        << status;

    // An error a later step meets: the same on any number of threads.
    Rows(
        "FIND DISTINCT ?y WHERE H knows ?x, ?x likes ?y "
        "FILTER ?y OVERLAPS 2020",
        threads, &status);
    EXPECT_TRUE(absl::IsInvalidArgument(status)) << status;
    EXPECT_TRUE(absl::StrContains(status.message(), "found T")) << status;

    QueryOptions cancelled;
    cancelled.cancel.Cancel();
    Rows(q, threads, &status, cancelled);
    EXPECT_TRUE(absl::IsCancelled(status)) << status;
  }
}

}  // namespace
}  // namespace annals
