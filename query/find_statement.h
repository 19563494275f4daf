// FIND: the statement the others are built on. Applies the default view,
// binds names to ids (binder.h), plans the scans (planner.h), and streams
// the rows (find_executor.h); or, under EXPLAIN, gives the plan, with
// ANALYZE after running it to count each step's rows.
#ifndef ANNALS_QUERY_FIND_STATEMENT_H_
#define ANNALS_QUERY_FIND_STATEMENT_H_

#include "absl/status/statusor.h"
#include "query/ast.h"
#include "query/binder.h"
#include "query/planner.h"
#include "query/query_result.h"
#include "query/statement_context.h"

namespace annals::query {

absl::StatusOr<QueryResult> RunFind(const StatementContext& ctx,
                                    FindStatement find);

// The rows of a bound and planned FIND, streamed (HISTORY's too).
QueryResult StreamFind(const StatementContext& ctx, BoundFind find, Plan plan);

}  // namespace annals::query

#endif  // ANNALS_QUERY_FIND_STATEMENT_H_
