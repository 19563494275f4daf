// Parameters of prepared queries: every `$name` term of a parsed statement is
// replaced by the value bound to it before the statement is bound to the
// store, so the rest of the pipeline never sees a parameter. An entity value
// becomes a name; any other value a literal.
#ifndef ANNALS_QUERY_PARAMETERS_H_
#define ANNALS_QUERY_PARAMETERS_H_

#include <functional>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "annals/value.h"
#include "query/ast.h"

namespace annals::query {

using Parameters = absl::flat_hash_map<std::string, Value>;

// Substitutes `parameters` into `statement`. InvalidArgument, pointing at
// the term, for a parameter without a value.
absl::Status SubstituteParameters(std::string_view text,
                                  const Parameters& parameters,
                                  Statement* statement);

// RDF prefixes (name -> namespace IRI), as loads stored them.
using PrefixMap = absl::flat_hash_map<std::string, std::string>;

// Expands every prefixed name (`wd:Q7747`) of `statement` with the prefixes
// `prefixes` gives (called once, and only when there is one). A prefix it
// lacks is InvalidArgument pointing at the name, unless `is_name` says the
// store has that name as it is written.
absl::Status ExpandPrefixedNames(
    std::string_view text,
    const std::function<absl::StatusOr<PrefixMap>()>& prefixes,
    const std::function<bool(std::string_view)>& is_name, Statement* statement);

}  // namespace annals::query

#endif  // ANNALS_QUERY_PARAMETERS_H_
