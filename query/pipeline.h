// A statement's life, in the order it happens:
//
//   text -> parse (parser.h) -> parameters (parameters.h) -> the statement
//   kind, dispatched once, to its Run* function, which applies the default
//   view (default_view.h), binds (binder.h), plans (planner.h) and executes
//   (find_executor.h, ...) or explains
//
// Reads see one snapshot; ASSERT and RETRACT write through the ClaimWriter
// (claim_writer.h) the Database implements. Database::Query is Prepare then
// Execute; a PreparedQuery keeps the parsed statement for many Executes.
#ifndef ANNALS_QUERY_PIPELINE_H_
#define ANNALS_QUERY_PIPELINE_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "annals/result.h"
#include "engine/store.h"
#include "query/ast.h"
#include "query/claim_writer.h"
#include "query/parameters.h"
#include "query/query_result.h"

namespace annals::query {

// A statement parsed once, with the text its positions point into.
struct PreparedStatement {
  std::string text;
  Statement statement;
};

// Parses `text` (InvalidArgument with line, column and a caret for a syntax
// error; names are resolved when it runs).
absl::StatusOr<PreparedStatement> Prepare(std::string_view text);

// Runs `prepared` with `parameters` for its `$name`s, reading `store` and
// writing through `writer`, within the limits of `options`. Without a
// writer, ASSERT and RETRACT are refused (InvalidArgument). CancelledError
// when options.cancel is cancelled, before or while it runs (limits.h).
absl::StatusOr<QueryResult> Execute(const PreparedStatement& prepared,
                                    const Parameters& parameters,
                                    engine::Store* store, ClaimWriter* writer,
                                    const QueryOptions& options);

}  // namespace annals::query

#endif  // ANNALS_QUERY_PIPELINE_H_
