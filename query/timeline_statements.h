// The statements about change over time, each a scan of one subject (and
// predicate), or of everything when none is given, with its rows sorted by
// time:
//   CHANGES [s [p]] BETWEEN a AND b [AS OF t] - claims that began, ended or
//     were retracted from the start of a to the end of b;
//   DIFF [s [p]] AS OF a AND b - what was recorded or retracted after the end
//     of a, up to the end of b (what we learned in between);
//   DISPUTES s [p] [time] - pairs of claims on the same subject and predicate
//     with different objects, overlapping in valid time, said by different
//     sources (or people), side by side with their provenance; never of a
//     predicate the schema declares `many` (its values do not exclude each
//     other).
// EXPLAIN of each shows its scan (index, positions, the view it reads) and
// what it makes of the claims; EXPLAIN ANALYZE runs it and adds the claims
// read and the rows made.
#ifndef ANNALS_QUERY_TIMELINE_STATEMENTS_H_
#define ANNALS_QUERY_TIMELINE_STATEMENTS_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "query/ast.h"
#include "query/query_result.h"
#include "query/statement_context.h"

namespace annals::query {

// Each applies the default view its statement takes, binds it, and runs it
// or (ctx.explain) explains it.
absl::StatusOr<QueryResult> RunChanges(const StatementContext& ctx,
                                       ChangesStatement changes);
absl::StatusOr<QueryResult> RunDiff(const StatementContext& ctx,
                                    const DiffStatement& diff);
absl::StatusOr<QueryResult> RunDisputes(const StatementContext& ctx,
                                        DisputesStatement disputes);

}  // namespace annals::query

#endif  // ANNALS_QUERY_TIMELINE_STATEMENTS_H_
