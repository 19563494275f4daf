// The limits of QueryOptions that the executors share: one interrupt for
// the statement (engine/interrupt.h), which trips on QueryOptions::cancel
// ("statement cancelled") and on the time limit (QueryOptions::timeout_ms)
// and is ticked by each unit of work, index entries read included; and the
// nodes a PATH search may visit (QueryOptions::max_path_nodes).
#ifndef ANNALS_QUERY_LIMITS_H_
#define ANNALS_QUERY_LIMITS_H_

#include <cstdint>

#include "absl/status/status.h"
#include "annals/result.h"
#include "engine/interrupt.h"

namespace annals::query {

// The statement's interrupt, its time limit running from now (none when
// timeout_ms is 0). CancelledError "statement cancelled" once
// options.cancel is cancelled; DeadlineExceeded naming the limit.
engine::Interrupt StatementInterrupt(const QueryOptions& options);

// ResourceExhausted when a PATH search has visited more than
// options.max_path_nodes nodes (`visited` counts both ends).
absl::Status CheckPathNodes(int64_t visited, const QueryOptions& options);

}  // namespace annals::query

#endif  // ANNALS_QUERY_LIMITS_H_
