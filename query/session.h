// The query pipeline in one place: text -> lexer/parser (AST) -> binder (ids,
// variables, views) -> planner (named passes) -> executor (streaming rows).
// Reads run here; ASSERT and RETRACT are turned into ClaimInputs and claim
// ids for the Database to write through its one write path.
#ifndef ANNALS_QUERY_SESSION_H_
#define ANNALS_QUERY_SESSION_H_

#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "annals/claim.h"
#include "annals/result.h"
#include "engine/store.h"
#include "query/ast.h"

namespace annals::query {

// Runs a read statement (FIND, HISTORY, CHANGES, DIFF, DISPUTES, PATH) or
// EXPLAIN [ANALYZE] of one. InvalidArgument for ASSERT and RETRACT, which the
// Database runs and explains (it owns the write path).
absl::StatusOr<ResultSet> RunRead(engine::Store* store, std::string_view text,
                                  const Statement& statement,
                                  const QueryOptions& options);

// The claim an ASSERT statement describes, checked as Database::Assert
// would (InvalidArgument, or NotFound for a claim the store lacks), with
// the error pointing at the offending term.
absl::StatusOr<ClaimInput> BindAssert(engine::Store* store,
                                      std::string_view text,
                                      const AssertStatement& assert);
// The claim ids a RETRACT statement names.
absl::StatusOr<std::vector<ClaimId>> BindRetract(
    std::string_view text, const RetractStatement& retract);

// A result from rows computed up front (ASSERT, RETRACT, EXPLAIN, PATH).
ResultSet FixedResult(std::vector<std::string> columns, std::string view,
                      std::vector<Row> rows);

}  // namespace annals::query

#endif  // ANNALS_QUERY_SESSION_H_
