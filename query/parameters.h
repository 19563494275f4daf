// Parameters of prepared queries: every `$name` term of a parsed statement is
// replaced by the value bound to it before the statement is bound to the
// store, so the rest of the pipeline never sees a parameter. An entity value
// becomes a name; any other value a literal.
#ifndef ANNALS_QUERY_PARAMETERS_H_
#define ANNALS_QUERY_PARAMETERS_H_

#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "annals/value.h"
#include "query/ast.h"

namespace annals::query {

using Parameters = absl::flat_hash_map<std::string, Value>;

// Substitutes `parameters` into `statement`. InvalidArgument, pointing at
// the term, for a parameter without a value.
absl::Status SubstituteParameters(std::string_view text,
                                  const Parameters& parameters,
                                  Statement* statement);

}  // namespace annals::query

#endif  // ANNALS_QUERY_PARAMETERS_H_
