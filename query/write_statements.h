// ASSERT and RETRACT: the statement's terms checked and turned into a claim
// (or claim ids) pointing at the term at fault, then written through the
// ClaimWriter the Database gives; under EXPLAIN, staged as they would run
// and described, with nothing written (EXPLAIN ANALYZE of a write is an
// error: it would write).
#ifndef ANNALS_QUERY_WRITE_STATEMENTS_H_
#define ANNALS_QUERY_WRITE_STATEMENTS_H_

#include "absl/status/statusor.h"
#include "query/ast.h"
#include "query/query_result.h"
#include "query/statement_context.h"

namespace annals::query {

// Rows `claim change`: the claim, then each claim it superseded and each
// closed copy, with what happened to it.
absl::StatusOr<QueryResult> RunAssert(const StatementContext& ctx,
                                      const AssertStatement& assert);
// Rows `retracted`: each claim, in order, one atomic write each.
absl::StatusOr<QueryResult> RunRetract(const StatementContext& ctx,
                                       const RetractStatement& retract);

}  // namespace annals::query

#endif  // ANNALS_QUERY_WRITE_STATEMENTS_H_
