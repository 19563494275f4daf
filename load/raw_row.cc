// Names of the load-file columns: ColumnName() for messages and
// ColumnFromName() to map a header name or JSON key (case-insensitive,
// surrounding whitespace ignored) to its Column.
#include "load/raw_row.h"

#include <array>
#include <string_view>

#include "absl/strings/ascii.h"

namespace annals::load {
namespace {

constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "subject",     "predicate", "object", "valid_from", "valid_to",
    "recorded_at", "source",    "by",     "confidence", "object_type"};

}  // namespace

std::string_view ColumnName(Column c) {
  const int i = static_cast<int>(c);
  if (i < 0 || i >= kColumnCount) return "?";
  return kColumnNames[i];
}

int ColumnFromName(std::string_view header_name) {
  size_t b = 0, e = header_name.size();
  while (b < e && absl::ascii_isspace(header_name[b])) ++b;
  while (e > b && absl::ascii_isspace(header_name[e - 1])) --e;
  const std::string_view name = header_name.substr(b, e - b);
  for (int i = 0; i < kColumnCount; ++i) {
    const std::string_view known = kColumnNames[i];
    if (known.size() != name.size()) continue;
    bool equal = true;
    for (size_t k = 0; k < name.size() && equal; ++k) {
      equal = absl::ascii_tolower(name[k]) == known[k];
    }
    if (equal) return i;
  }
  return -1;
}

}  // namespace annals::load
