// The trie of names and its bounded depth-first search; see name_index.h.
#include "common/name_index.h"

#include <algorithm>

#include "common/edit_distance.h"

namespace annals {

uint32_t NameIndex::AddName(std::string_view name) {
  pool_.append(name);
  offsets_.push_back(pool_.size());
  return static_cast<uint32_t>(offsets_.size() - 2);
}

uint32_t NameIndex::Child(uint32_t parent, uint32_t c, uint32_t name,
                          uint32_t tail, bool* made) {
  *made = false;
  uint32_t prev = kNone;
  uint32_t at = nodes_[parent].first_child;
  while (at != kNone && nodes_[at].label < c) {
    prev = at;
    at = nodes_[at].next_sibling;
  }
  if (at != kNone && nodes_[at].label == c) return at;
  Node node;
  node.label = c;
  node.next_sibling = at;
  node.name = name;
  node.tail = tail;
  const uint32_t n = static_cast<uint32_t>(nodes_.size());
  nodes_.push_back(node);
  if (prev == kNone) {
    nodes_[parent].first_child = n;
  } else {
    nodes_[prev].next_sibling = n;
  }
  *made = true;
  return n;
}

void NameIndex::Burst(uint32_t n) {
  const uint32_t name = nodes_[n].name;
  size_t at = nodes_[n].tail;
  nodes_[n].tail = kNone;
  const std::string_view text = Name(name);
  if (at == text.size()) return;  // the name ends here: a plain end
  nodes_[n].name = kNone;
  const uint32_t c = NextFoldedChar(text, &at);
  bool made;
  const uint32_t child = Child(n, c, name, static_cast<uint32_t>(at), &made);
  if (at == text.size()) nodes_[child].tail = kNone;
}

void NameIndex::EndAt(uint32_t n, uint32_t name) {
  const uint32_t old = nodes_[n].name;
  if (old == kNone) {
    nodes_[n].name = name;
    ++names_;
  } else if (Name(name) < Name(old)) {
    nodes_[n].name = name;
  }
}

void NameIndex::Add(std::string_view text) {
  if (text.empty()) return;
  const uint32_t name = AddName(text);
  const std::string_view s = Name(name);
  uint32_t node = 0;
  size_t i = 0;
  while (i < s.size()) {
    const uint32_t c = NextFoldedChar(s, &i);
    bool made;
    const uint32_t child =
        Child(node, c, name, static_cast<uint32_t>(i), &made);
    if (made) {
      // A new branch: the rest of the name is its tail (none: it ends here).
      if (i == s.size()) nodes_[child].tail = kNone;
      ++names_;
      return;
    }
    if (nodes_[child].tail != kNone) Burst(child);
    node = child;
  }
  EndAt(node, name);
}

// One lookup: the word, the rows of the table along the current path, and
// the best match so far.
struct NameIndex::Search {
  const NameIndex& index;
  std::vector<uint32_t> word;
  size_t m;
  size_t cap;                  // the most edits any match may have
  std::vector<size_t> rows;    // row d at [d * (m + 1)]
  std::vector<uint32_t> path;  // path[d]: the character at depth d
  size_t best = SIZE_MAX;
  uint32_t best_name = kNone;

  Search(const NameIndex& i, std::string_view w)
      : index(i), word(FoldName(w)), m(word.size()) {
    cap = m == 0 ? 0 : std::min(kMaxSuggestionDistance, m - 1);
    rows.resize(m + 1);
    for (size_t j = 0; j <= m; ++j) rows[j] = std::min(j, cap + 1);
    path.resize(1);
  }

  // Edits a match may still have: at most `cap`, and fewer than the best.
  size_t Limit() const { return best == SIZE_MAX ? cap : best - 1; }

  // Fills row d for character c; returns its smallest cell.
  size_t Step(size_t d, uint32_t c) {
    const size_t width = m + 1, over = cap + 1;
    if (rows.size() < (d + 1) * width) rows.resize((d + 1) * width);
    if (path.size() <= d) path.resize(d + 1);
    path[d] = c;
    size_t* row = &rows[d * width];
    const size_t* prev = row - width;
    const size_t* before = d >= 2 ? prev - width : nullptr;
    row[0] = std::min(d, over);
    size_t smallest = row[0];
    for (size_t j = 1; j <= m; ++j) {
      size_t cost = word[j - 1] == c ? 0 : 1;
      size_t v = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost});
      if (before != nullptr && j > 1 && c == word[j - 2] &&
          path[d - 1] == word[j - 1]) {
        v = std::min(v, before[j - 2] + 1);
      }
      row[j] = std::min(v, over);
      smallest = std::min(smallest, row[j]);
    }
    return smallest;
  }

  // A name of `length` characters ends at depth `length`.
  void Consider(uint32_t name, size_t length) {
    size_t allowed = SuggestionLimit(m, length);
    if (allowed == SIZE_MAX) return;
    size_t d = rows[length * (m + 1) + m];
    if (d <= std::min(allowed, Limit())) {
      best = d;
      best_name = name;
    }
  }

  // Node n, whose row is row d.
  void Walk(uint32_t n, size_t d) {
    const Node& node = index.nodes_[n];
    if (node.tail != kNone) {
      const std::string_view s = index.Name(node.name);
      size_t i = node.tail, depth = d;
      while (i < s.size()) {
        const uint32_t c = NextFoldedChar(s, &i);
        if (Step(++depth, c) > Limit()) return;
      }
      Consider(node.name, depth);
      return;
    }
    if (node.name != kNone) Consider(node.name, d);
    for (uint32_t child = node.first_child; child != kNone;
         child = index.nodes_[child].next_sibling) {
      if (best == 0) return;
      if (Step(d + 1, index.nodes_[child].label) > Limit()) continue;
      Walk(child, d + 1);
    }
  }
};

std::optional<NameIndex::Match> NameIndex::Nearest(
    std::string_view word) const {
  Search search(*this, word);
  if (search.m == 0) return std::nullopt;
  search.Walk(0, 0);
  if (search.best_name == kNone) return std::nullopt;
  return Match{std::string(Name(search.best_name)), search.best};
}

}  // namespace annals
