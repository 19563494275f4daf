// Claim validation against a schema; see validator.h.
#include "schema/validator.h"

#include "absl/strings/str_cat.h"
#include "schema/sv.h"

namespace annals::schema {
namespace {

// "the integer 1989", "the entity Gazprom", "the quantity 56 kg".
std::string Found(const Value& v) {
  return absl::StrCat("the ", Sv(ValueKindName(v.kind())), " ", v.ToString());
}

}  // namespace

absl::Status ValidateClaim(const Schema& schema, std::string_view predicate,
                           const Value& object) {
  const PredicateDef* def = schema.FindPredicate(predicate);
  if (def == nullptr) return absl::OkStatus();
  auto refuse = [&](std::string_view why) {
    return absl::InvalidArgumentError(absl::StrCat(
        "predicate `", Sv(predicate), "` expects ", Schema::Describe(*def),
        ", found ", Found(object), Sv(why)));
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
  return absl::OkStatus();
}

}  // namespace annals::schema
