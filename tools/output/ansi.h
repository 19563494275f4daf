// ANSI colours for terminal output; each printer takes "colour on/off" and
// uses these only when on.
#ifndef ANNALS_TOOLS_OUTPUT_ANSI_H_
#define ANNALS_TOOLS_OUTPUT_ANSI_H_

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace annals::output {

inline constexpr absl::string_view kReset = "\x1b[0m";
inline constexpr absl::string_view kBold = "\x1b[1m";
inline constexpr absl::string_view kDim = "\x1b[2m";
inline constexpr absl::string_view kRed = "\x1b[31m";
inline constexpr absl::string_view kGreen = "\x1b[32m";
inline constexpr absl::string_view kYellow = "\x1b[33m";
inline constexpr absl::string_view kCyan = "\x1b[36m";

// `text` in `colour` when `on`, else as is.
inline std::string Paint(absl::string_view text, absl::string_view colour,
                         bool on) {
  if (!on || text.empty()) return std::string(text);
  return absl::StrCat(colour, text, kReset);
}

}  // namespace annals::output

#endif  // ANNALS_TOOLS_OUTPUT_ANSI_H_
