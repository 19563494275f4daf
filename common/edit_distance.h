// The edit distance behind every "did you mean" of Annals: the optimal string
// alignment distance (insertions, deletions, substitutions and swaps of two
// adjacent characters, each costing 1) over code points, ignoring ASCII case.
// query/suggest.h offers keywords and names with it; name_index.h finds the
// nearest of a million names with it.
#ifndef ANNALS_COMMON_EDIT_DISTANCE_H_
#define ANNALS_COMMON_EDIT_DISTANCE_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace annals {

// A suggestion is at most this many edits away...
inline constexpr size_t kMaxSuggestionDistance = 2;

// ...and fewer edits away than the shorter word has characters (so `x` never
// suggests `AT`): the most edits allowed between words of these lengths (in
// code points); SIZE_MAX when either is empty (nothing is allowed).
inline size_t SuggestionLimit(size_t a_length, size_t b_length) {
  size_t shorter = std::min(a_length, b_length);
  if (shorter == 0) return SIZE_MAX;
  return std::min(kMaxSuggestionDistance, shorter - 1);
}

// One character at s[*i], ASCII letters folded to lower case, an invalid
// byte as U+FFFD; advances *i past it. REQUIRES: *i < s.size().
uint32_t NextFoldedChar(std::string_view s, size_t* i);

// The code points of `s`, folded as NextFoldedChar folds them.
std::vector<uint32_t> FoldName(std::string_view s);

// The distance between two folded words, or `limit + 1` if it is more than
// `limit` (then computed in a band, in time proportional to the length).
size_t FoldedDistance(const std::vector<uint32_t>& a,
                      const std::vector<uint32_t>& b, size_t limit);

}  // namespace annals

#endif  // ANNALS_COMMON_EDIT_DISTANCE_H_
