// Schema lookups (see schema.h).
#include "schema/schema.h"

#include "absl/strings/str_cat.h"
#include "common/absl_view.h"

namespace annals::schema {

const PredicateDef* Schema::FindPredicate(std::string_view name) const {
  auto it = predicates_.find(name);
  return it == predicates_.end() ? nullptr : &it->second;
}

const PredicateDef* Schema::FindInverse(std::string_view name) const {
  for (const auto& [predicate, def] : predicates_) {
    if (def.inverse == name) return &def;
  }
  return nullptr;
}

const TypeDef* Schema::FindType(std::string_view name) const {
  auto it = types_.find(name);
  return it == types_.end() ? nullptr : &it->second;
}

const UnitDef* Schema::FindUnit(std::string_view name) const {
  auto it = units_.find(name);
  return it == units_.end() ? nullptr : &it->second;
}

const std::string* Schema::DimensionBase(std::string_view dimension) const {
  auto it = dimensions_.find(dimension);
  return it == dimensions_.end() ? nullptr : &it->second;
}

std::string_view Schema::Canonical(std::string_view name) const {
  auto it = aliases_.find(name);
  return it == aliases_.end() ? name : std::string_view(it->second);
}

Value Schema::Canonical(const Value& v) const {
  if (!v.is_entity()) return v;
  auto it = aliases_.find(v.text());
  return it == aliases_.end() ? v : Value::Entity(it->second);
}

bool Schema::IsA(std::string_view type, std::string_view ancestor) const {
  // The parser refuses cycles; the bound guards against a Schema built
  // otherwise.
  for (size_t steps = 0; steps <= types_.size() && !type.empty(); ++steps) {
    if (type == ancestor) return true;
    const TypeDef* def = FindType(type);
    if (def == nullptr) return false;
    type = def->parent;
  }
  return false;
}

std::string Schema::Describe(const PredicateDef& p) {
  switch (p.kind) {
    case ValueKind::kEntity:
      return p.entity_type.empty()
                 ? std::string("an entity")
                 : absl::StrCat("an entity of type ", p.entity_type);
    case ValueKind::kQuantity:
      return absl::StrCat("a quantity in ", p.dimension);
    case ValueKind::kInteger:
      return "an integer";
    default:
      return absl::StrCat("a ", AbslView(ValueKindName(p.kind)));
  }
}

}  // namespace annals::schema
