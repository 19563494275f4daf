// PATH a TO b [VIA p, ...] [MAX n] [IN ORDER] [AT t | DURING x TO y
// [POSSIBLY]] [AS OF t]: binds the statement to a PathSpec and runs one of
// the searches of path_search.h, or explains it.
//
//   PATH: the shortest directed path whose every hop holds in the view (now
//     by default).
//   PATH ... IN ORDER: the shortest journey, hops taken one after another in
//     valid time; without AT or DURING over all valid time, from any time.
//
// Rows: one per hop, in order: hop, subject, predicate, object, claim, valid
// and, IN ORDER, taken (when the hop is taken; NULL for "at any time").
#ifndef ANNALS_QUERY_PATH_STATEMENT_H_
#define ANNALS_QUERY_PATH_STATEMENT_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "query/ast.h"
#include "query/query_result.h"
#include "query/statement_context.h"

namespace annals::query {

// Applies the default view, binds, and runs the search; or (ctx.explain)
// gives the search, its limits and the scan of each step, and with ANALYZE
// runs it and adds the levels grown, nodes reached and claims read.
absl::StatusOr<QueryResult> RunPath(const StatementContext& ctx,
                                    PathStatement path);

}  // namespace annals::query

#endif  // ANNALS_QUERY_PATH_STATEMENT_H_
