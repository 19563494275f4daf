// What the endpoints share to run statements: a request's limits and
// default view (?timeout_ms=, ?max_rows=, ?at=, ?as_of=) as QueryOptions,
// a statement run with named parameters, and a result as the API's JSON
// {"columns": [...], "rows": [[...]], "notices": [...], "view": "..."}.
#ifndef ANNALS_TOOLS_SERVE_STATEMENTS_H_
#define ANNALS_TOOLS_SERVE_STATEMENTS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "annals/database.h"
#include "tools/serve/api_types.h"
#include "tools/serve/json_values.h"
#include "tools/serve/routes.h"

namespace annals::serve {

using Params = std::vector<std::pair<std::string, Value>>;

// The server's limits, lowered by the request's ?timeout_ms= and
// ?max_rows= (never raised: asking for more gets the server's), and its
// ?at= and ?as_of= as the default view. InvalidArgument naming a bad
// parameter.
absl::StatusOr<QueryOptions> RequestOptions(const ServeContext& ctx,
                                            const ApiRequest& req);

// Prepares `text`, binds `params` and runs it.
absl::StatusOr<ResultSet> RunStatement(const ServeContext& ctx,
                                       std::string_view text,
                                       const Params& params,
                                       const QueryOptions& options);

// "columns", "notices" and "view" of a result, before its rows.
Json ResultHead(const ResultSet& result);
// The whole result: its head and every row.
absl::StatusOr<Json> ResultJson(ResultSet& result);

// The response of a GET endpoint that runs one statement for the caller:
// the result's JSON (an unknown name, as in the query language, is an empty
// answer with a notice), or the error.
ApiResponse StatementResponse(const ServeContext& ctx, std::string_view text,
                              const Params& params,
                              const QueryOptions& options);

// The most claims a DISPUTES run by the server may compare: DISPUTES pairs
// every two claims of a predicate and holds the pairs in memory, so a
// subject with tens of thousands of claims would take minutes and
// gigabytes, beyond the reach of the time limit.
inline constexpr int64_t kMaxDisputeClaims = 5000;

// OK when `DISPUTES name [predicate]` compares at most kMaxDisputeClaims
// claims (all valid time, as currently recorded); else ResourceExhausted
// (422) saying so.
absl::Status CheckDisputesSize(const ServeContext& ctx, const std::string& name,
                               const std::string& predicate);

}  // namespace annals::serve

#endif  // ANNALS_TOOLS_SERVE_STATEMENTS_H_
