// Edit distance and "did you mean" for the command line; see suggest.h.
#include "tools/cli/suggest.h"

#include <algorithm>

namespace annals::cli {
namespace {

char Fold(char c) { return c == '_' ? '-' : c; }

bool FlagChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

}  // namespace

int EditDistance(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  // Three rows of the optimal-string-alignment table.
  std::vector<int> before(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= m; ++j) {
      const int cost = Fold(a[i - 1]) == Fold(b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], before[j - 2] + 1);
      }
    }
    before.swap(prev);
    prev.swap(cur);
  }
  return prev[m];
}

std::string Nearest(std::string_view word,
                    const std::vector<std::string>& candidates) {
  std::string best;
  int best_distance = 3;  // at most 2 edits
  for (const std::string& c : candidates) {
    const int d = EditDistance(word, c);
    const int longer = static_cast<int>(std::max(word.size(), c.size()));
    if (d < best_distance && 2 * d < longer) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

std::vector<std::string> FlagsInHelp(std::string_view help) {
  std::vector<std::string> flags;
  for (size_t at = help.find("--"); at != std::string_view::npos;
       at = help.find("--", at + 2)) {
    size_t end = at + 2;
    while (end < help.size() && FlagChar(help[end])) ++end;
    if (end == at + 2) continue;
    std::string flag(help.substr(at + 2, end - at - 2));
    if (std::find(flags.begin(), flags.end(), flag) == flags.end()) {
      flags.push_back(std::move(flag));
    }
    at = end - 2;
  }
  return flags;
}

bool FlagTakesValue(std::string_view flag, std::string_view help) {
  if (flag.empty()) return false;
  const std::string written = "--" + std::string(flag) + "=";
  return help.find(written) != std::string_view::npos;
}

std::string UnknownOptionMessage(std::string_view flag, std::string_view help) {
  std::string message = "unknown option --" + std::string(flag);
  const std::string near = Nearest(flag, FlagsInHelp(help));
  if (!near.empty()) message += "; did you mean --" + near + "?";
  return message;
}

}  // namespace annals::cli
