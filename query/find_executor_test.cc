// query/find_executor.h over datasets/tiny: the rows of a join, of OPTIONAL
// (unbound when unmatched) and NOT groups, FILTER, DISTINCT, ORDER BY and
// LIMIT/OFFSET, the same with the planner's passes off, rows counted per
// step for EXPLAIN ANALYZE, and the limits: QueryOptions::max_rows and
// timeout_ms end the stream with ResourceExhausted and DeadlineExceeded.
#include "query/find_executor.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "query/planner.h"
#include "tests/support/engine_store_test.h"

namespace annals::query {
namespace {

class FindExecutorTest : public test::TinyQueryTest {
 protected:
  std::unique_ptr<FindExecutor> Start(const std::string& text,
                                      const QueryOptions& options,
                                      const PlannerOptions& planner = {}) {
    auto bound = Bind(text);
    EXPECT_TRUE(bound.ok()) << bound.status();
    if (!bound.ok()) return nullptr;
    Plan plan = PlanFind(*bound, store_->counters(), planner);
    return std::make_unique<FindExecutor>(store_.get(), text, *bound,
                                          std::move(plan), options);
  }

  // The rows (cells joined by tabs) in the order they came, and the
  // status the stream ended with.
  std::vector<std::string> Rows(const std::string& text,
                                absl::Status* status = nullptr,
                                const QueryOptions& options = QueryOptions(),
                                const PlannerOptions& planner = {}) {
    std::vector<std::string> rows;
    auto executor = Start(text, options, planner);
    if (executor == nullptr) return rows;
    Row row;
    absl::Status ended;
    while (executor->Next(&row, &ended)) {
      std::vector<std::string> cells;
      for (const Cell& cell : row) cells.push_back(cell.ToString());
      rows.push_back(absl::StrJoin(cells, "\t"));
    }
    if (status != nullptr) {
      *status = ended;
    } else {
      EXPECT_TRUE(ended.ok()) << ended;
    }
    return rows;
  }

  std::vector<std::string> Sorted(std::vector<std::string> rows) {
    std::sort(rows.begin(), rows.end());
    return rows;
  }
};

TEST_F(FindExecutorTest, AJoinGivesEverySolution) {
  EXPECT_EQ(Sorted(Rows("FIND ?leader ?org WHERE ?leader president_of "
                        "?country, ?country member_of ?org")),
            (std::vector<std::string>{
                "Vladimir Putin\tShanghai Cooperation Organisation",
                "Xi Jinping\tShanghai Cooperation Organisation"}));
}

TEST_F(FindExecutorTest, EveryPlannerPassOffGivesTheSameRows) {
  const std::string query =
      "FIND ?leader ?org WHERE ?leader president_of ?country, "
      "?country member_of ?org FILTER ?leader != \"Xi Jinping\"";
  const std::vector<std::string> all = Sorted(Rows(query));
  EXPECT_EQ(all, (std::vector<std::string>{
                     "Vladimir Putin\tShanghai Cooperation Organisation"}));
  for (const char* pass :
       {"join_order", "index_choice", "filter_pushdown", "distinct_pushdown"}) {
    PlannerOptions off;
    off.disabled_passes = {pass};
    EXPECT_EQ(Sorted(Rows(query, nullptr, QueryOptions(), off)), all) << pass;
  }
}

TEST_F(FindExecutorTest, OptionalLeavesItsVariablesUnboundWhenUnmatched) {
  // India has no president in the data; China and Russia have.
  const std::vector<std::string> rows =
      Sorted(Rows("FIND ?country ?leader WHERE ?country member_of ?org, "
                  "OPTIONAL { ?leader president_of ?country }"));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], "China\tXi Jinping");
  EXPECT_TRUE(absl::StartsWith(rows[1], "India\t")) << rows[1];
  EXPECT_NE(rows[1], "India\tXi Jinping");
  EXPECT_EQ(rows[2], "Russia\tVladimir Putin");
}

TEST_F(FindExecutorTest, NotRemovesTheSolutionsItMatches) {
  EXPECT_EQ(Sorted(Rows("FIND ?country WHERE ?country member_of ?org, "
                        "NOT { ?leader president_of ?country }")),
            (std::vector<std::string>{"India"}));
}

TEST_F(FindExecutorTest, DistinctOrderLimitAndOffset) {
  EXPECT_EQ(Rows("FIND DISTINCT ?org WHERE ?country member_of ?org"),
            (std::vector<std::string>{"Shanghai Cooperation Organisation"}));
  EXPECT_EQ(Rows("FIND ?country WHERE ?country member_of ?org "
                 "ORDER BY ?country DESC"),
            (std::vector<std::string>{"Russia", "India", "China"}));
  EXPECT_EQ(Rows("FIND ?country WHERE ?country member_of ?org "
                 "ORDER BY ?country LIMIT 1 OFFSET 1"),
            (std::vector<std::string>{"India"}));
}

TEST_F(FindExecutorTest, ALiteralNoClaimMentionsGivesNoRows) {
  EXPECT_TRUE(Rows("FIND ?s WHERE ?s supply_term_years 31").empty());
}

TEST_F(FindExecutorTest, ActualRowsCountWhatEachStepPassedOn) {
  auto executor = Start(
      "FIND ?leader ?org WHERE ?leader president_of ?country, "
      "?country member_of ?org",
      QueryOptions());
  ASSERT_NE(executor, nullptr);
  Row row;
  absl::Status status;
  int rows = 0;
  while (executor->Next(&row, &status)) ++rows;
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(rows, 2);
  const ActualRows& actual = executor->actual_rows();
  ASSERT_EQ(actual.size(), 1u);
  ASSERT_EQ(actual[0].size(), 2u);
  EXPECT_EQ(actual[0].back(), 2);  // the last step passes on the rows
}

TEST_F(FindExecutorTest, MaxRowsEndsTheStreamWithResourceExhausted) {
  QueryOptions options;
  options.max_rows = 2;
  absl::Status status;
  std::vector<std::string> rows =
      Rows("FIND ?s ?p ?o WHERE ?s ?p ?o", &status, options);
  EXPECT_EQ(rows.size(), 2u);
  EXPECT_TRUE(absl::IsResourceExhausted(status)) << status;
  EXPECT_TRUE(absl::StrContains(status.message(), "QueryOptions::max_rows"))
      << status;
  // Gathered for ORDER BY: the same limit.
  rows = Rows("FIND ?s WHERE ?s ?p ?o ORDER BY ?s", &status, options);
  EXPECT_TRUE(absl::IsResourceExhausted(status)) << status;
  // Within the limit, no error.
  options.max_rows = 3;
  EXPECT_EQ(Rows("FIND ?c WHERE ?c member_of ?o", &status, options).size(), 3u);
  EXPECT_TRUE(status.ok()) << status;
}

TEST_F(FindExecutorTest, TimeoutEndsTheStreamWithDeadlineExceeded) {
  QueryOptions options;
  options.timeout_ms = 1;
  options.max_rows = 1 << 30;
  auto executor =
      Start("FIND ?a ?b ?c WHERE ?a ?p ?x, ?b ?q ?y, ?c ?r ?z", options);
  ASSERT_NE(executor, nullptr);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  Row row;
  absl::Status status;
  while (executor->Next(&row, &status)) {
  }
  EXPECT_TRUE(absl::IsDeadlineExceeded(status)) << status;
  EXPECT_TRUE(absl::StrContains(status.message(), "QueryOptions::timeout_ms"))
      << status;
}

}  // namespace
}  // namespace annals::query
