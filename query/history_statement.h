// HISTORY s [p] [DURING a TO b] [AS OF t]: every claim of s (and p) over all
// valid time (or what certainly holds in the DURING window), as recorded, by
// predicate then valid_from. Planned and run as the one-pattern FIND
// `?claim: s p ?value` (or `s ?predicate ?value`), so EXPLAIN shows that
// FIND's scan, estimate and (ANALYZE) actual rows.
#ifndef ANNALS_QUERY_HISTORY_STATEMENT_H_
#define ANNALS_QUERY_HISTORY_STATEMENT_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "annals/result.h"
#include "engine/store.h"
#include "query/ast.h"

namespace annals::query {

absl::StatusOr<ResultSet> RunHistory(engine::Store* store,
                                     std::string_view text,
                                     const HistoryStatement& history,
                                     const QueryOptions& options);

absl::StatusOr<ResultSet> ExplainHistory(engine::Store* store,
                                         std::string_view text,
                                         const HistoryStatement& history,
                                         ExplainMode mode,
                                         const QueryOptions& options);

}  // namespace annals::query

#endif  // ANNALS_QUERY_HISTORY_STATEMENT_H_
