// Suggestions for misspelt words: "; did you mean `WHERE`?". The parser
// offers keywords and function names; the binder offers predicate and entity
// names.
//
// Distance is the optimal string alignment distance (insertions, deletions,
// substitutions and swaps of two adjacent characters, each costing 1) over
// code points, ignoring ASCII case. A candidate is close enough when it is at
// most 2 edits away and fewer edits away than the shorter word has
// characters (so `x` never suggests `AT`).
#ifndef ANNALS_QUERY_SUGGEST_H_
#define ANNALS_QUERY_SUGGEST_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/edit_distance.h"

namespace annals::query {

using ::annals::kMaxSuggestionDistance;

// The distance between `a` and `b`, or `limit + 1` if it is more than
// `limit` (then computed in a band, in time proportional to the length).
size_t EditDistance(std::string_view a, std::string_view b,
                    size_t limit = SIZE_MAX / 2);

// Finds the candidate nearest to a word among many, one at a time (for large
// sets such as every entity name). The first of equally near candidates wins.
class Suggester {
 public:
  explicit Suggester(std::string_view word);

  void Consider(std::string_view candidate);
  // The nearest candidate that is close enough, if any.
  const std::optional<std::string>& best() const { return best_; }

 private:
  std::vector<uint32_t> word_;  // folded code points
  size_t best_distance_ = kMaxSuggestionDistance + 1;
  std::optional<std::string> best_;
};

std::optional<std::string> NearestName(
    std::string_view word, const std::vector<std::string_view>& candidates);
std::optional<std::string> NearestName(
    std::string_view word, const std::vector<std::string>& candidates);

}  // namespace annals::query

#endif  // ANNALS_QUERY_SUGGEST_H_
