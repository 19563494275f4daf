// The planner: a bound FIND becomes a left-deep chain of index scans, one per
// pattern, each probed with what the steps before it have bound. Named passes,
// in order (each can be switched off, for tests and EXPLAIN comparisons):
//   join_order   - greedy: next the pattern with the fewest estimated rows
//                  given the variables bound so far (counts the store keeps:
//                  claims per predicate);
//   index_choice - with a valid-time window and only the subject or only the
//                  predicate bound, the time index; otherwise the ordering
//                  whose key starts with the bound positions;
//   filter_pushdown - each FILTER right after the step that binds its last
//                  variable, instead of at the end;
//   distinct_pushdown - in a DISTINCT query, a step keeps one row per
//                  combination of the variables read after it.
// Temporal views are part of every scan (scan.h), so they always filter
// inside the index scan.
#ifndef ANNALS_QUERY_PLANNER_H_
#define ANNALS_QUERY_PLANNER_H_

#include <set>
#include <string>
#include <vector>

#include "engine/scan.h"
#include "engine/store.h"
#include "query/binder.h"

namespace annals::query {

struct PlanStep {
  int pattern = 0;  // index into BoundFind::patterns
  engine::IndexChoice index{engine::Family::kSpo, 0};
  double estimate = 0;       // rows per probe
  std::vector<int> filters;  // FILTERs to run after this step
  // distinct_pushdown: pass on only the first row of each combination of
  // these variables' values (the ones read after this step).
  bool dedupe = false;
  std::vector<int> distinct_vars;
  // Steps of an OPTIONAL group come after the main ones, in query order:
  // when the group has no match, one pass goes on with its variables
  // unbound.
  int optional_group = -1;
  bool group_first = false, group_last = false;
};

// A NOT { } group: checked once a solution is complete; any match rejects
// it.
struct NotGroup {
  std::vector<int> patterns;  // in query order
  std::vector<int> filters;
};

struct Plan {
  std::vector<PlanStep> steps;
  std::vector<NotGroup> not_groups;
  std::vector<int> final_filters;  // run once a solution is complete
};

struct PlannerOptions {
  std::set<std::string> disabled_passes;  // "join_order", ...
};

Plan PlanFind(const BoundFind& find, const engine::Counters& counters,
              const PlannerOptions& options = PlannerOptions());

// The plan as EXPLAIN prints it: one line per step with its index, bound
// positions, estimate (and actual rows, when given) and filters.
std::string ExplainPlan(const BoundFind& find, const Plan& plan,
                        const std::vector<int64_t>* actual_rows = nullptr);

}  // namespace annals::query

#endif  // ANNALS_QUERY_PLANNER_H_
