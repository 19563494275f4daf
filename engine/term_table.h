// TermTable: a load's own numbering of the terms it has seen (term bytes ->
// 0, 1, 2... in order of first appearance). Each parsing thread fills its own;
// the bulk loader merges them in file order, so the numbering, and with it
// the dictionary ids a load assigns, does not depend on the thread count.
//
// Not thread-safe.
#ifndef ANNALS_ENGINE_TERM_TABLE_H_
#define ANNALS_ENGINE_TERM_TABLE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "schema/sv.h"

namespace annals::engine {

class TermTable {
 public:
  TermTable()
      : terms_(std::make_unique<std::vector<std::string>>()),
        numbers_(0, Hash{terms_.get()}, Eq{terms_.get()}) {}
  TermTable(TermTable&&) = default;
  TermTable& operator=(TermTable&&) = default;

  // The number of `term`, adding it if new.
  uint32_t Intern(std::string_view term) {
    auto it = numbers_.find(term);
    if (it != numbers_.end()) return *it;
    uint32_t n = size();
    terms_->emplace_back(term);
    numbers_.insert(n);
    return n;
  }
  // Adds `other`'s terms; returns, for each number of `other`, its number
  // here.
  std::vector<uint32_t> Merge(const TermTable& other) {
    std::vector<uint32_t> map(other.size());
    for (uint32_t i = 0; i < other.size(); ++i) map[i] = Intern(other.term(i));
    return map;
  }
  // The number of `term`, or -1 when it is not here.
  int64_t Find(std::string_view term) const {
    auto it = numbers_.find(term);
    return it == numbers_.end() ? int64_t{-1} : int64_t{*it};
  }
  uint32_t size() const { return static_cast<uint32_t>(terms_->size()); }
  const std::string& term(uint32_t n) const { return (*terms_)[n]; }

 private:
  // The set holds numbers only (4 bytes a slot, so that it stays in cache
  // longer than a map of strings would); it hashes and compares them by
  // their terms, and looks strings up directly.
  using Terms = std::vector<std::string>;
  struct Hash {
    using is_transparent = void;
    const Terms* terms;
    size_t operator()(std::string_view s) const {
      return absl::Hash<std::string_view>{}(s);
    }
    size_t operator()(uint32_t n) const { return (*this)((*terms)[n]); }
  };
  struct Eq {
    using is_transparent = void;
    const Terms* terms;
    bool operator()(uint32_t a, uint32_t b) const { return a == b; }
    bool operator()(uint32_t a, std::string_view b) const {
      return (*terms)[a] == b;
    }
    bool operator()(std::string_view a, uint32_t b) const {
      return a == (*terms)[b];
    }
  };
  // On the heap, so that moving the table leaves Hash and Eq pointing at it.
  std::unique_ptr<Terms> terms_;
  absl::flat_hash_set<uint32_t, Hash, Eq> numbers_;
};

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_TERM_TABLE_H_
