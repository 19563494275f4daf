// Helpers shared by the file readers (see reader_util.h).
#include "load/reader_util.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "load/raw_row.h"

namespace annals::load {
namespace {

// Optimal-string-alignment distance (Levenshtein plus adjacent swaps), on
// lower-cased ASCII.
int EditDistance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      const char ai = absl::ascii_tolower(a[i - 1]);
      const char bj = absl::ascii_tolower(b[j - 1]);
      const int cost = ai == bj ? 0 : 1;
      d[i][j] =
          std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && ai == absl::ascii_tolower(b[j - 2]) &&
          absl::ascii_tolower(a[i - 2]) == bj) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

}  // namespace

std::string UnknownColumnMessage(std::string_view what, std::string_view name) {
  std::string message =
      absl::StrCat("unknown ", AbslView(what), " '", AbslView(name), "'");
  // Suggest the nearest name when it is close (a third of the letters
  // wrong) or when `name` is an abbreviation of it ("obj" for "object").
  int best = -1, best_distance = 0;
  for (int i = 0; i < kColumnCount; ++i) {
    const std::string_view known = ColumnName(static_cast<Column>(i));
    const int d = EditDistance(name, known);
    const bool abbreviation =
        name.size() >= 3 && name.size() < known.size() &&
        EditDistance(name, known.substr(0, name.size())) == 0;
    const bool close = d <= std::max<int>(1, static_cast<int>(name.size()) / 3);
    if ((close || abbreviation) && (best < 0 || d < best_distance)) {
      best = i;
      best_distance = d;
    }
  }
  if (best >= 0) {
    absl::StrAppend(&message, "; did you mean '",
                    AbslView(ColumnName(static_cast<Column>(best))), "'?");
  } else {
    absl::StrAppend(&message, "; known columns are");
    for (int i = 0; i < kColumnCount; ++i) {
      absl::StrAppend(&message, i == 0 ? " " : ", ",
                      AbslView(ColumnName(static_cast<Column>(i))));
    }
  }
  return message;
}

std::string UnknownFileColumnMessage(std::string_view what,
                                     std::string_view name) {
  std::string message = UnknownColumnMessage(what, name);
  if (!absl::StrContains(message, "; did you mean")) {
    absl::StrAppend(&message, "; to load '", AbslView(name),
                    "' as one of them, map it with --columns=", AbslView(name),
                    ":COLUMN");
  }
  return message;
}

std::string DescribeByteAt(std::string_view s, size_t i) {
  if (i >= s.size()) return "end of line";
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c >= 0x20 && c < 0x7F)
    return absl::StrCat("'", std::string(1, s[i]), "'");
  return absl::StrFormat("byte 0x%02X", c);
}

std::string FormatByteSize(int64_t bytes) {
  constexpr int64_t kKiB = 1024, kMiB = 1024 * 1024;
  if (bytes > 0 && bytes % kMiB == 0) return absl::StrCat(bytes / kMiB, " MiB");
  if (bytes > 0 && bytes % kKiB == 0) return absl::StrCat(bytes / kKiB, " KiB");
  return absl::StrCat(bytes, " bytes");
}

}  // namespace annals::load
