// Edit distance and nearest-name suggestions (see suggest.h).
#include "query/suggest.h"

#include <algorithm>

#include "common/edit_distance.h"

namespace annals::query {

size_t EditDistance(std::string_view a, std::string_view b, size_t limit) {
  return FoldedDistance(FoldName(a), FoldName(b), limit);
}

Suggester::Suggester(std::string_view word) : word_(FoldName(word)) {}

void Suggester::Consider(std::string_view candidate) {
  if (best_distance_ == 0) return;
  std::vector<uint32_t> c = FoldName(candidate);
  size_t allowed = SuggestionLimit(word_.size(), c.size());
  if (allowed == SIZE_MAX) return;
  // Close enough, and nearer than the best so far.
  size_t limit = std::min(allowed, best_distance_ - 1);
  size_t d = FoldedDistance(word_, c, limit);
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
