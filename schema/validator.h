// Checks one claim against a Schema: the object of a declared predicate must
// be of the predicate's value type, and a quantity's unit must be declared in
// the predicate's dimension, and an entity of a declared type must not have
// only other types. Predicates the schema does not declare accept anything,
// as does an empty schema.
#ifndef ANNALS_SCHEMA_VALIDATOR_H_
#define ANNALS_SCHEMA_VALIDATOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "annals/value.h"
#include "schema/schema.h"

namespace annals::schema {

// Entity types are claims `Gazprom type Company`: when the schema declares
// types (and no predicate of this name), the object of a `type` claim must
// be a declared type.
inline constexpr std::string_view kTypePredicate = "type";

// Whether ValidateClaim of `predicate` needs the object's types: its object
// is an entity of a declared type.
bool NeedsObjectTypes(const Schema& schema, std::string_view predicate);

// OK, or InvalidArgument naming the predicate, what it expects and what was
// found: "predicate `founded` expects a date, found the integer 1989".
// `object_types` are the types of the object entity (the objects of its live
// `type` claims), for a predicate NeedsObjectTypes; an entity without types
// is accepted, one with types needs one that is the expected type or below
// it. nullptr: not checked.
absl::Status ValidateClaim(
    const Schema& schema, std::string_view predicate, const Value& object,
    const std::vector<std::string>* object_types = nullptr);

}  // namespace annals::schema

#endif  // ANNALS_SCHEMA_VALIDATOR_H_
