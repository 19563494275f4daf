// NameIndex: the nearest of many names to a misspelt word, in microseconds
// rather than a scan of every name. Behind "unknown name 'Germny'; did you
// mean 'Germany'?" and "new entity 'Rusia'; did you mean 'Russia'?".
//
// The names live in a trie over their folded characters (edit_distance.h:
// code points, ASCII case ignored); a chain that leads to a single name is
// kept as one node pointing into that name (a tail). A lookup walks the trie
// depth first, in the order of folded characters, with one row of the edit
// distance table per depth, and leaves a branch as soon as every cell of its
// row exceeds the distance still worth finding. At most 2 edits are allowed,
// so few branches survive their first characters.
//
// The answer is exactly the brute-force one (query/suggest.h's Suggester
// over the names sorted by folded form, then by bytes): the nearest name
// within SuggestionLimit, the first in that order among equally near ones.
//
// Not thread-safe: callers lock (engine/name_suggestions.h does).
#ifndef ANNALS_COMMON_NAME_INDEX_H_
#define ANNALS_COMMON_NAME_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals {

class NameIndex {
 public:
  struct Match {
    std::string name;
    size_t distance = 0;
  };

  // Adds `name` (again: no change). Empty names are ignored.
  void Add(std::string_view name);
  // Names added (those folding alike count once).
  size_t size() const { return names_; }
  // Trie nodes, for measuring.
  size_t nodes() const { return nodes_.size(); }

  // The nearest name to `word`, if any is close enough.
  std::optional<Match> Nearest(std::string_view word) const;

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Node {
    uint32_t label = 0;            // folded character
    uint32_t first_child = kNone;  // children in order of label
    uint32_t next_sibling = kNone;
    uint32_t name = kNone;  // the name ending here (or, tail: the name)
    uint32_t tail = kNone;  // tail: byte offset in `name` after `label`
  };
  struct Search;

  std::string_view Name(uint32_t n) const {
    return std::string_view(pool_).substr(offsets_[n],
                                          offsets_[n + 1] - offsets_[n]);
  }
  uint32_t AddName(std::string_view name);
  // The child of `parent` labelled `c`, made (a tail of `name` from `tail`)
  // when missing; *made says which.
  uint32_t Child(uint32_t parent, uint32_t c, uint32_t name, uint32_t tail,
                 bool* made);
  // Turns tail node `n` into an ordinary node with a tail child for the rest.
  void Burst(uint32_t n);
  // Where a name ends at `n`: keeps the smaller of two names folding alike.
  void EndAt(uint32_t n, uint32_t name);

  std::vector<Node> nodes_ = std::vector<Node>(1);  // [0]: the root
  std::string pool_;                                // every name's bytes
  std::vector<uint64_t> offsets_ = std::vector<uint64_t>(1, 0);
  size_t names_ = 0;
};

}  // namespace annals

#endif  // ANNALS_COMMON_NAME_INDEX_H_
