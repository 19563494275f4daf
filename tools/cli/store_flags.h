// The options that say how a command opens its store and bounds its
// statements, parsed in one place for query, shell and export (and serve
// later): --read-only, --max-rows=N and --timeout=DURATION; and the parsers
// of their values, which the shell's .maxrows and .timeout share.
#ifndef ANNALS_TOOLS_CLI_STORE_FLAGS_H_
#define ANNALS_TOOLS_CLI_STORE_FLAGS_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "annals/result.h"

namespace annals::cli {

struct StoreFlags {
  bool read_only = false;  // --read-only: never take the writer lock
  QueryOptions limits;     // timeout_ms and max_rows, defaults unless given
};

// Takes the flag `name` (without dashes) with `value` when it is one of
// the above: true, and `*flags` set; InvalidArgument naming the flag for a
// bad value; false when `name` is none of them. `limits` false: only
// --read-only is taken (a command whose reads have no limits).
absl::StatusOr<bool> ParseStoreFlag(absl::string_view name,
                                    absl::string_view value, bool limits,
                                    StoreFlags* flags);

// A time limit in milliseconds: "1500" (milliseconds), "30s", "500ms",
// "2m", "1h", "1.5s"; "0" for none. InvalidArgument for anything else
// (negative, empty, a unit it does not know).
absl::StatusOr<int64_t> ParseTimeout(absl::string_view text);
// A row limit: "5000"; "0" for none (the largest number). InvalidArgument
// for anything else.
absl::StatusOr<int64_t> ParseMaxRows(absl::string_view text);
// How a limit reads back: "30s", "1500ms", "none"; "1000000", "none".
std::string TimeoutText(int64_t timeout_ms);
std::string MaxRowsText(int64_t max_rows);

// A statement's error message with the API's names of the limits
// (QueryOptions::max_rows, QueryOptions::timeout_ms) replaced by the way a
// user of `annals` raises them: `--max-rows` and `--timeout`, or in the
// shell `.maxrows` and `.timeout`.
std::string NameLimitFlags(absl::string_view message, bool shell);

}  // namespace annals::cli

#endif  // ANNALS_TOOLS_CLI_STORE_FLAGS_H_
