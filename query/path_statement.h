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
#include "annals/result.h"
#include "engine/store.h"
#include "query/ast.h"

namespace annals::query {

absl::StatusOr<ResultSet> RunPath(engine::Store* store, std::string_view text,
                                  const PathStatement& path,
                                  const QueryOptions& options);

// EXPLAIN [ANALYZE] PATH: the search, its limits and the scan of each step;
// ANALYZE runs it and adds the levels grown, nodes reached and claims read.
absl::StatusOr<ResultSet> ExplainPath(engine::Store* store,
                                      std::string_view text,
                                      const PathStatement& path,
                                      ExplainMode mode,
                                      const QueryOptions& options);

}  // namespace annals::query

#endif  // ANNALS_QUERY_PATH_STATEMENT_H_
