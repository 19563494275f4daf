// ParseSchema: the schema text format (docs/schemas.md) into a Schema.
//
//   type Organisation
//   type Company : Organisation "A business"
//   unit bcm/yr flow_rate
//   unit bcm/day = 365 bcm/yr
//   predicate ceo_of : Company one inverse has_ceo "Chief executive"
//   predicate gas_flow_bcm : quantity flow_rate one
//   alias "PoS-2" = "Power of Siberia 2"
//
// Errors are InvalidArgument "FILE:LINE:COLUMN: what was expected or what is
// wrong", then the line and a caret under the column.
#ifndef ANNALS_SCHEMA_SCHEMA_PARSER_H_
#define ANNALS_SCHEMA_SCHEMA_PARSER_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "schema/schema.h"

namespace annals::schema {

// `file` names the text in messages (a path, or e.g. "schema" for one read
// back from a store).
absl::StatusOr<Schema> ParseSchema(std::string_view text,
                                   std::string_view file);

}  // namespace annals::schema

#endif  // ANNALS_SCHEMA_SCHEMA_PARSER_H_
