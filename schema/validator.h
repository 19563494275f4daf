// Checks one claim against a Schema: the object of a declared predicate must
// be of the predicate's value type, and a quantity's unit must be declared in
// the predicate's dimension. Predicates the schema does not declare accept
// anything, as does an empty schema.
#ifndef ANNALS_SCHEMA_VALIDATOR_H_
#define ANNALS_SCHEMA_VALIDATOR_H_

#include <string_view>

#include "absl/status/status.h"
#include "annals/value.h"
#include "schema/schema.h"

namespace annals::schema {

// OK, or InvalidArgument naming the predicate, what it expects and what was
// found: "predicate `founded` expects a date, found the integer 1989".
absl::Status ValidateClaim(const Schema& schema, std::string_view predicate,
                           const Value& object);

}  // namespace annals::schema

#endif  // ANNALS_SCHEMA_VALIDATOR_H_
