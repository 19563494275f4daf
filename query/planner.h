// The planner: a bound FIND becomes chains of index scans, one step per
// pattern, each probed with what the steps before it have bound. The WHERE
// list is one chain (chains[0]); each NOT group is a chain of its own, run
// for its existence check once the group it is written in has a complete
// solution. In a chain, a group's steps are its own patterns, then, in query
// order, the steps of the OPTIONAL groups written in it (recursively), so
// every OPTIONAL group is a contiguous run of steps inside its parent's.
//
// Named passes, in order (each can be switched off, for tests and EXPLAIN
// comparisons):
//   join_order   - greedy, within each group's own patterns: next the one
//                  with the fewest estimated rows given the variables bound
//                  so far (counts the store keeps: claims per predicate);
//   index_choice - with a valid-time window and only the subject or only the
//                  predicate bound, the time index; otherwise the ordering
//                  whose key starts with the bound positions;
//   filter_pushdown - each FILTER right after the step of its own group
//                  that binds its last variable for certain, instead of
//                  once its group's solution is complete;
//   distinct_pushdown - in a DISTINCT query, a step of the WHERE list's own
//                  patterns keeps one row per combination of the variables
//                  read after it.
// Temporal views are part of every scan (scan.h), so they always filter
// inside the index scan.
#ifndef ANNALS_QUERY_PLANNER_H_
#define ANNALS_QUERY_PLANNER_H_

#include <cstdint>
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
  // The OPTIONAL group whose first step this is, or -1: when its scan ends
  // without the group having matched, one pass goes on past the group's
  // steps with its variables unbound.
  int optional_start = -1;
};

// Steps run as one nested loop, depth first: the WHERE list's solutions, or
// a NOT group's (the first one found answers its existence check).
struct Chain {
  int group = 0;  // the WHERE list or a NOT group
  std::vector<PlanStep> steps;
  // By step index, 0 to steps.size(): the groups whose steps end right
  // before it, innermost first. They are complete when the search gets
  // there, and their checks (GroupPlan) run.
  std::vector<std::vector<int>> completes_at;
};

// Where a group's steps are and what is checked once its solution is
// complete.
struct GroupPlan {
  int chain = 0;
  int first = 0;                // its steps are [first, end) of its chain:
  int own_end = 0;              // its own patterns' [first, own_end), then its
  int end = 0;                  // OPTIONAL groups'
  std::vector<int> filters;     // FILTERs not pushed down to a step
  std::vector<int> not_groups;  // NOT groups written in it: none may match
};

struct Plan {
  std::vector<Chain> chains;      // chains[0] is the WHERE list's
  std::vector<GroupPlan> groups;  // by BoundFind::groups
};

struct PlannerOptions {
  std::set<std::string> disabled_passes;  // "join_order", ...
};

Plan PlanFind(const BoundFind& find, const engine::Counters& counters,
              const PlannerOptions& options = PlannerOptions());

// Rows each step passed on, by chain and step (EXPLAIN ANALYZE).
using ActualRows = std::vector<std::vector<int64_t>>;

// The plan as EXPLAIN prints it: one line per step with its index, bound
// positions, estimate (and actual rows, when given), filters and dedupe;
// an OPTIONAL group's steps in an indented `OPTIONAL { ... }` block, its
// group's checks as `then filter N` and `then no match of NOT { ... }`.
std::string ExplainPlan(const BoundFind& find, const Plan& plan,
                        const ActualRows* actual_rows = nullptr);

}  // namespace annals::query

#endif  // ANNALS_QUERY_PLANNER_H_
