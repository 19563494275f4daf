// Query limits; see limits.h.
#include "query/limits.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

namespace annals::query {

engine::Interrupt StatementInterrupt(const QueryOptions& options) {
  if (options.timeout_ms <= 0) {
    return engine::Interrupt(options.cancel, "statement cancelled");
  }
  return engine::Interrupt(
      options.cancel, "statement cancelled",
      absl::Now() + absl::Milliseconds(options.timeout_ms),
      absl::StrCat("query ran longer than its time limit (", options.timeout_ms,
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
