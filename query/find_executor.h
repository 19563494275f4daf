// Executes a planned FIND as a stream: nested index scans over one snapshot,
// one per plan step, each probed with the variables the steps before it
// bound (index nested-loop join, depth first), FILTERs where the planner put
// them, then projection. Without ORDER BY, DISTINCT or aggregates the first
// row comes back as soon as it is found; with them the solutions are
// gathered first (within QueryOptions::max_rows).
#ifndef ANNALS_QUERY_FIND_EXECUTOR_H_
#define ANNALS_QUERY_FIND_EXECUTOR_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "annals/result.h"
#include "engine/scan.h"
#include "engine/store.h"
#include "query/binder.h"
#include "query/limits.h"
#include "query/planner.h"

namespace annals::query {

class FindExecutor : public ResultSet::Source {
 public:
  FindExecutor(engine::Store* store, BoundFind find, Plan plan,
               const QueryOptions& options);

  bool Next(Row* row, absl::Status* status) override;
  // Rows each plan step produced so far (for EXPLAIN ANALYZE).
  const std::vector<int64_t>& actual_rows() const { return actual_; }

 private:
  // Advances to the next solution of the patterns and filters.
  bool NextSolution(absl::Status* status);
  // Goes on from level `from` to level `next`; true when that completes a
  // solution (every NOT group unmatched, the final filters passed).
  absl::StatusOr<bool> Advance(int next, int from);
  absl::StatusOr<bool> Exists(const NotGroup& group, size_t k);
  void OpenLevel(int depth, int parent);
  bool Match(const BoundPattern& p, const engine::ClaimRow& row,
             std::vector<int>* newly_bound);
  absl::StatusOr<bool> Test(const BoundExpr& e);
  absl::StatusOr<Cell> Evaluate(const Operand& op);
  absl::Status EvaluateInto(const Operand& op, Cell* out);
  absl::Status Project(Row* row);
  // Gathers every solution for ORDER BY, DISTINCT and aggregates.
  absl::Status Materialize();
  absl::Status CheckLimits();
  // The ids of `vars` (0 for unbound) as one string, for DISTINCT.
  std::string IdsKey(const std::vector<int>& vars) const;

  struct Level {
    std::unique_ptr<engine::ClaimScan> scan;
    std::vector<int> newly_bound;
    int parent = -1;         // the level to go back to when this one is done
    bool null_pass = false;  // an OPTIONAL group's unmatched pass was made
    // With PlanStep::dedupe: the distinct_vars' ids passed on so far, over
    // the whole query (not reset when the level reopens).
    absl::flat_hash_set<std::string> passed;
  };

  engine::Store* store_;
  BoundFind find_;
  Plan plan_;
  QueryOptions options_;
  engine::Snapshot snapshot_;
  Deadline deadline_;
  std::vector<Level> levels_;
  int depth_ = -1;
  bool started_ = false;
  bool done_ = false;
  std::vector<uint64_t> ids_;  // by variable: its term id, when bound
  std::vector<bool> bound_;
  std::vector<engine::ClaimRow> claims_;  // by claim variable
  std::vector<int64_t> actual_;
  std::vector<bool> group_matched_;  // by group: matched since it opened
  int64_t scanned_ = 0;
  // Materialized output, for ORDER BY, DISTINCT and aggregates.
  bool materialize_ = false;
  bool materialized_ = false;
  std::vector<Row> rows_;
  size_t next_row_ = 0;
  int64_t skipped_ = 0, emitted_ = 0;
};

}  // namespace annals::query

#endif  // ANNALS_QUERY_FIND_EXECUTOR_H_
