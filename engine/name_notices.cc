// Nearest names and the notices about names; see name_notices.h.
#include "engine/name_notices.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
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
  return WithHint(
      absl::StrCat("new ", predicate ? "predicate" : "entity", " '",
                   AbslView(name), "'"),
      predicate ? NearestPredicate(store, name) : NearestEntity(store, name),
      near);
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
