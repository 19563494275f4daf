// TermTable: a load's own numbering of the terms it has seen (term bytes ->
// 0, 1, 2... in order of first appearance). Each parsing thread fills its own;
// the bulk loader merges them in file order, so the numbering, and with it
// the dictionary ids a load assigns, does not depend on the thread count.
//
// Not thread-safe.
#ifndef ANNALS_ENGINE_TERM_TABLE_H_
#define ANNALS_ENGINE_TERM_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "common/absl_view.h"

namespace annals::engine {

class TermTable {
 public:
  // The number of `term`, adding it if new.
  uint32_t Intern(std::string_view term) {
    auto it = numbers_.find(AbslView(term));
    if (it != numbers_.end()) return it->second;
    uint32_t n = static_cast<uint32_t>(terms_.size());
    terms_.emplace_back(term);
    numbers_.emplace(terms_.back(), n);
    return n;
  }
  // Starts loading the memory a later Intern(term) reads, so that the cache
  // misses of several terms overlap.
  void Prefetch(std::string_view term) const {
    numbers_.prefetch(AbslView(term));
  }
  // The number of `term`, or -1 when it is not here.
  int64_t Find(std::string_view term) const {
    auto it = numbers_.find(AbslView(term));
    return it == numbers_.end() ? int64_t{-1} : int64_t{it->second};
  }
  uint32_t size() const { return static_cast<uint32_t>(terms_.size()); }
  const std::string& term(uint32_t n) const { return terms_[n]; }

 private:
  absl::flat_hash_map<std::string, uint32_t> numbers_;
  std::vector<std::string> terms_;
};

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_TERM_TABLE_H_
