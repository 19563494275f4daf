// Comparing values and periods, for FILTER and ORDER BY: numbers across
// integer, decimal and quantity (quantities in two units of one dimension
// after converting them with the store's schema, schema/units.h; units that
// do not convert are an error naming both), dates by their first instant (a
// bare integer meets a date as a year), text by its bytes.
#ifndef ANNALS_QUERY_EVAL_H_
#define ANNALS_QUERY_EVAL_H_

#include "absl/status/statusor.h"
#include "annals/value.h"
#include "query/ast.h"
#include "schema/schema.h"

namespace annals::query {

// Applies `op`. Quantities of two units of one dimension compare in the
// dimension's base unit, each rounded to 15 significant digits (so
// `0.2 bcm/day = 73 bcm/yr`). InvalidArgument for quantities whose units do
// not convert under `schema` (another dimension, a unit it does not declare,
// no schema): "cannot compare A with B: units a and b differ (why)". Values
// of unrelated kinds are unequal and unordered (every ordering comparison is
// false).
absl::StatusOr<bool> CompareValues(const Value& a, CompareOp op, const Value& b,
                                   const schema::Schema& schema);

// A total order for sorting: by kind, then numerically / chronologically /
// bytewise. A quantity whose unit `schema` declares sorts by its value in the
// dimension's base unit, any other number by its number. Returns <0, 0, >0.
int OrderValues(const Value& a, const Value& b, const schema::Schema& schema);

}  // namespace annals::query

#endif  // ANNALS_QUERY_EVAL_H_
