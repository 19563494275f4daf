// Debian 12's Abseil is built with its own absl::string_view, distinct from
// std::string_view. Annals speaks std::string_view; AbslView() hands one to
// Abseil (StrCat, SimpleAtoi, hash-map lookups) and StdView() takes one back
// (StrSplit's pieces), neither copying.
#ifndef ANNALS_COMMON_ABSL_VIEW_H_
#define ANNALS_COMMON_ABSL_VIEW_H_

#include <string_view>

#include "absl/strings/string_view.h"

namespace annals {

inline absl::string_view AbslView(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}
inline std::string_view StdView(absl::string_view s) {
  return std::string_view(s.data(), s.size());
}

}  // namespace annals

#endif  // ANNALS_COMMON_ABSL_VIEW_H_
