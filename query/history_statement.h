// HISTORY s [p] [DURING a TO b] [AS OF t]: every claim of s (and p) over all
// valid time (or what certainly holds in the DURING window), as recorded, by
// predicate then valid_from. Planned and run as the one-pattern FIND
// `?claim: s p ?value` (or `s ?predicate ?value`), so EXPLAIN shows that
// FIND's scan, estimate and (ANALYZE) actual rows.
#ifndef ANNALS_QUERY_HISTORY_STATEMENT_H_
#define ANNALS_QUERY_HISTORY_STATEMENT_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "query/ast.h"
#include "query/query_result.h"
#include "query/statement_context.h"

namespace annals::query {

// Applies the default AS OF, binds, plans, and runs or (ctx.explain)
// explains.
absl::StatusOr<QueryResult> RunHistory(const StatementContext& ctx,
                                       HistoryStatement history);

}  // namespace annals::query

#endif  // ANNALS_QUERY_HISTORY_STATEMENT_H_
