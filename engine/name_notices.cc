// Nearest names and the notices about names; see name_notices.h.
#include "engine/name_notices.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "common/edit_distance.h"
#include "common/name_index.h"
#include "engine/dictionary.h"

namespace annals::engine {
namespace {

std::string WithHint(std::string text, const std::optional<std::string>& hint,
                     bool* near) {
  if (near != nullptr) *near = hint.has_value();
  if (hint) absl::StrAppend(&text, "; did you mean '", *hint, "'?");
  return text;
}

// Whether a new name is near enough to a known one to be taken for a
// misspelling of it. Stricter than a read's suggestion (which only hints):
// between short names (four characters or fewer) one edit only, so a new
// `Wang` is not taken for `Ann`, nor `Vic` for `Ivy`.
bool NearEnoughForAWrite(std::string_view name, std::string_view known) {
  std::vector<uint32_t> a = FoldName(name), b = FoldName(known);
  size_t limit = std::min(a.size(), b.size()) <= 4 ? 1 : kMaxSuggestionDistance;
  return FoldedDistance(a, b, limit) <= limit;
}

}  // namespace

std::optional<std::string> NearestEntity(Store* store, std::string_view word) {
  absl::StatusOr<std::optional<std::string>> nearest =
      store->name_suggestions().NearestEntity(word, store->schema().schema);
  return nearest.ok() ? *nearest : std::nullopt;
}

std::optional<std::string> NearestPredicate(Store* store,
                                            std::string_view word) {
  NameIndex names;
  for (const auto& [pid, count] : store->counters().predicate_counts) {
    absl::StatusOr<Value> name = store->dictionary().Lookup(pid, nullptr);
    if (name.ok()) names.Add(name->text());
  }
  for (const auto& [name, def] : store->schema().schema->predicates()) {
    names.Add(name);
    if (!def.inverse.empty()) names.Add(def.inverse);
  }
  std::optional<NameIndex::Match> m = names.Nearest(word);
  if (!m) return std::nullopt;
  return m->name;
}

std::string UnknownNameNotice(Store* store, std::string_view name,
                              bool predicate) {
  return WithHint(
      absl::StrCat("unknown ", predicate ? "predicate" : "name", " '",
                   AbslView(name), "'"),
      predicate ? NearestPredicate(store, name) : NearestEntity(store, name),
      nullptr);
}

std::string NewNameNotice(Store* store, std::string_view name, bool predicate,
                          bool* near) {
  std::optional<std::string> hint =
      predicate ? NearestPredicate(store, name) : NearestEntity(store, name);
  if (hint && !NearEnoughForAWrite(name, *hint)) hint.reset();
  return WithHint(absl::StrCat("new ", predicate ? "predicate" : "entity", " '",
                               AbslView(name), "'"),
                  hint, near);
}

std::string StrictRefusal(Store* store, std::string_view predicate) {
  return WithHint(absl::StrCat("new predicate '", AbslView(predicate),
                               "' is not in the schema (strict: nothing "
                               "written)"),
                  NearestPredicate(store, predicate), nullptr);
}

bool PredicateInUse(Store* store, std::string_view name) {
  absl::StatusOr<uint64_t> id =
      store->dictionary().Find(Value::Entity(std::string(name)), nullptr);
  return id.ok() && store->counters().predicate_counts.contains(*id);
}

}  // namespace annals::engine
