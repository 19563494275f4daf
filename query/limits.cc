// Query limits; see limits.h.
#include "query/limits.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace annals::query {

Deadline::Deadline(const QueryOptions& options)
    : at_(options.timeout_ms > 0
              ? absl::Now() + absl::Milliseconds(options.timeout_ms)
              : absl::InfiniteFuture()),
      timeout_ms_(options.timeout_ms) {}

absl::Status Deadline::Check() const {
  if (absl::Now() <= at_) return absl::OkStatus();
  return absl::DeadlineExceededError(
      absl::StrCat("query ran longer than its time limit (", timeout_ms_,
                   " ms; QueryOptions::timeout_ms)"));
}

absl::Status CheckPathNodes(int64_t visited, const QueryOptions& options) {
  if (visited <= options.max_path_nodes) return absl::OkStatus();
  return absl::ResourceExhaustedError(absl::StrCat(
      "PATH visited more than ", options.max_path_nodes,
      " nodes (QueryOptions::max_path_nodes) without reaching the target; "
      "narrow it with VIA, MAX or a time"));
}

}  // namespace annals::query
