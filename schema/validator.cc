// Claim validation against a schema; see validator.h.
#include "schema/validator.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/absl_view.h"

namespace annals::schema {
namespace {

// "the integer 1989", "the entity Gazprom", "the quantity 56 kg".
std::string Found(const Value& v) {
  return absl::StrCat("the ", AbslView(ValueKindName(v.kind())), " ",
                      v.ToString());
}

}  // namespace

bool NeedsObjectTypes(const Schema& schema, std::string_view predicate) {
  const PredicateDef* def = schema.FindPredicate(predicate);
  return def != nullptr && def->kind == ValueKind::kEntity &&
         !def->entity_type.empty();
}

absl::Status ValidateClaim(const Schema& schema, std::string_view predicate,
                           const Value& object,
                           const std::vector<std::string>* object_types) {
  const PredicateDef* def = schema.FindPredicate(predicate);
  if (def == nullptr) {
    if (predicate != kTypePredicate || schema.types().empty() ||
        (object.is_entity() && schema.FindType(object.text()) != nullptr)) {
      return absl::OkStatus();
    }
    return absl::InvalidArgumentError(
        absl::StrCat("predicate `", AbslView(predicate),
                     "` expects a declared type, found ", Found(object)));
  }
  auto refuse = [&](std::string_view why) {
    return absl::InvalidArgumentError(absl::StrCat(
        "predicate `", AbslView(predicate), "` expects ",
        Schema::Describe(*def), ", found ", Found(object), AbslView(why)));
  };
  if (object.kind() != def->kind) return refuse("");
  if (def->kind == ValueKind::kQuantity) {
    const UnitDef* unit = schema.FindUnit(object.unit());
    if (unit == nullptr) {
      return refuse(
          absl::StrCat(" (unit `", object.unit(), "` is not declared)"));
    }
    if (unit->dimension != def->dimension) {
      return refuse(absl::StrCat(" (unit `", object.unit(), "` is in ",
                                 unit->dimension, ")"));
    }
  }
  if (object_types != nullptr && !object_types->empty() &&
      !def->entity_type.empty()) {
    for (const std::string& type : *object_types) {
      if (schema.IsA(type, def->entity_type)) return absl::OkStatus();
    }
    return refuse(
        absl::StrCat(" (of type ", absl::StrJoin(*object_types, ", "), ")"));
  }
  return absl::OkStatus();
}

}  // namespace annals::schema
