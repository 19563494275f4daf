// PATH a TO b [VIA p, ...] [MAX n] [AT t | DURING x TO y] [AS OF t]: the
// shortest directed path of claims from a to b whose every hop holds in the
// view, found by a bidirectional breadth-first search that stops where the
// two sides meet. Rows: one per hop, in order. Within QueryOptions::
// max_path_nodes visited nodes (ResourceExhausted beyond).
#ifndef ANNALS_QUERY_PATH_STATEMENT_H_
#define ANNALS_QUERY_PATH_STATEMENT_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "annals/result.h"
#include "engine/store.h"
#include "query/ast.h"

namespace annals::query {

inline constexpr int64_t kDefaultMaxHops = 6;

absl::StatusOr<ResultSet> RunPath(engine::Store* store, std::string_view text,
                                  const PathStatement& path,
                                  const QueryOptions& options);

}  // namespace annals::query

#endif  // ANNALS_QUERY_PATH_STATEMENT_H_
