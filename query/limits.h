// The limits of QueryOptions that the executors share: the time limit
// (QueryOptions::timeout_ms) as a deadline checked between units of work,
// and the nodes a PATH search may visit (QueryOptions::max_path_nodes).
#ifndef ANNALS_QUERY_LIMITS_H_
#define ANNALS_QUERY_LIMITS_H_

#include <cstdint>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "annals/result.h"

namespace annals::query {

class Deadline {
 public:
  // Starts the clock: the limit runs from now (none when timeout_ms is 0).
  explicit Deadline(const QueryOptions& options);
  // DeadlineExceeded once the time limit has passed, naming it.
  absl::Status Check() const;

 private:
  absl::Time at_;
  int64_t timeout_ms_;
};

// ResourceExhausted when a PATH search has visited more than
// options.max_path_nodes nodes (`visited` counts both ends).
absl::Status CheckPathNodes(int64_t visited, const QueryOptions& options);

}  // namespace annals::query

#endif  // ANNALS_QUERY_LIMITS_H_
