// Edit distance and nearest-name suggestions (see suggest.h).
#include "query/suggest.h"

#include <algorithm>

#include "common/utf8.h"

namespace annals::query {
namespace {

// Code points with ASCII letters folded to lower case; invalid bytes count as
// one character each.
std::vector<uint32_t> Fold(std::string_view s) {
  std::vector<uint32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = 0;
    size_t len = DecodeUtf8(s, i, &cp);
    if (len == 0) {
      cp = 0xFFFD;
      len = 1;
    }
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    out.push_back(cp);
    i += len;
  }
  return out;
}

size_t Distance(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b,
                size_t limit) {
  const size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  const size_t over = limit + 1;
  // Three rows of the table: i-2, i-1 and i. Cells outside the band
  // |i - j| <= limit are `over`.
  std::vector<size_t> before(m + 1, over), prev(m + 1, over), row(m + 1, over);
  for (size_t j = 0; j <= m; ++j) prev[j] = std::min(j, over);
  for (size_t i = 1; i <= n; ++i) {
    std::fill(row.begin(), row.end(), over);
    size_t lo = i > limit ? i - limit : 0;
    size_t hi = std::min(m, i + limit);
    if (lo == 0) row[0] = std::min(i, over);
    size_t row_min = row[0];
    for (size_t j = std::max<size_t>(lo, 1); j <= hi; ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t d = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, before[j - 2] + 1);
      }
      row[j] = std::min(d, over);
      row_min = std::min(row_min, row[j]);
    }
    if (row_min >= over) return over;
    std::swap(before, prev);
    std::swap(prev, row);
  }
  return std::min(prev[m], over);
}

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b, size_t limit) {
  return Distance(Fold(a), Fold(b), limit);
}

Suggester::Suggester(std::string_view word) : word_(Fold(word)) {}

void Suggester::Consider(std::string_view candidate) {
  if (best_distance_ == 0) return;
  std::vector<uint32_t> c = Fold(candidate);
  size_t shorter = std::min(word_.size(), c.size());
  if (shorter == 0) return;
  // Close enough: at most kMaxSuggestionDistance and below `shorter`; and
  // nearer than the best so far.
  size_t limit =
      std::min({kMaxSuggestionDistance, shorter - 1, best_distance_ - 1});
  size_t d = Distance(word_, c, limit);
  if (d > limit) return;
  best_distance_ = d;
  best_ = std::string(candidate);
}

std::optional<std::string> NearestName(
    std::string_view word, const std::vector<std::string_view>& candidates) {
  Suggester suggester(word);
  for (std::string_view c : candidates) suggester.Consider(c);
  return suggester.best();
}

std::optional<std::string> NearestName(
    std::string_view word, const std::vector<std::string>& candidates) {
  Suggester suggester(word);
  for (const std::string& c : candidates) suggester.Consider(c);
  return suggester.best();
}

}  // namespace annals::query
