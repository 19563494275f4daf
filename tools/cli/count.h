// Counts in words, singular or plural as the number asks: "1 claim",
// "2 claims", "0 rows".
#ifndef ANNALS_TOOLS_CLI_COUNT_H_
#define ANNALS_TOOLS_CLI_COUNT_H_

#include <cstdint>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace annals::cli {

// "1 claim", "3 claims"; `plural` when adding an s will not do ("1 entry",
// "2 entries").
inline std::string Count(int64_t n, absl::string_view singular,
                         absl::string_view plural = {}) {
  if (n == 1) return absl::StrCat(n, " ", singular);
  if (plural.empty()) return absl::StrCat(n, " ", singular, "s");
  return absl::StrCat(n, " ", plural);
}

}  // namespace annals::cli

#endif  // ANNALS_TOOLS_CLI_COUNT_H_
