// Folding and the banded distance; see edit_distance.h.
#include "common/edit_distance.h"

#include "common/utf8.h"

namespace annals {

uint32_t NextFoldedChar(std::string_view s, size_t* i) {
  uint32_t cp = 0;
  size_t len = DecodeUtf8(s, *i, &cp);
  if (len == 0) {
    cp = 0xFFFD;
    len = 1;
  }
  if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
  *i += len;
  return cp;
}

std::vector<uint32_t> FoldName(std::string_view s) {
  std::vector<uint32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out.push_back(NextFoldedChar(s, &i));
  return out;
}

size_t FoldedDistance(const std::vector<uint32_t>& a,
                      const std::vector<uint32_t>& b, size_t limit) {
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

}  // namespace annals
