// Debian 12's Abseil is built with its own absl::string_view, distinct from
// std::string_view. Annals speaks std::string_view; Sv() hands one to Abseil
// (StrCat, SimpleAtoi, hash-map lookups) without copying.
#ifndef ANNALS_SCHEMA_SV_H_
#define ANNALS_SCHEMA_SV_H_

#include <string_view>

#include "absl/strings/string_view.h"

namespace annals {

inline absl::string_view Sv(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}
inline std::string_view Sv(absl::string_view s) {
  return std::string_view(s.data(), s.size());
}

}  // namespace annals

#endif  // ANNALS_SCHEMA_SV_H_
