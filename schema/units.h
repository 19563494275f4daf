// Quantities across units: converting a number between two units of one
// dimension, as a schema declares them (`unit bcm/yr flow_rate`,
// `unit bcm/day = 365 bcm/yr`), and saying why two units do not convert.
// Numbers are doubles: they compare and print with 15 significant digits, and
// a converted quantity's text keeps as many digits (15 to 17) as a round
// trip (bcm/yr -> bcm/day -> bcm/yr) needs to give the number back.
#ifndef ANNALS_SCHEMA_UNITS_H_
#define ANNALS_SCHEMA_UNITS_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "annals/value.h"
#include "schema/schema.h"

namespace annals::schema {

// `x` rounded to 15 significant digits (what a double holds exactly enough
// to survive a conversion and back).
double RoundSignificant(double x);

// `x` as decimal text for Value::Decimal / Value::Quantity: `digits`
// significant digits at most, never an exponent, trailing zeros of the
// fraction dropped but one kept (`56.0`, `0.153424657534247`, `-2.5`,
// `0.00001`).
std::string DecimalText(double x, int digits = 15);

// Why quantities in `a` and `b` do not convert under `schema`, or "" when
// they do (the same unit, or two declared units of one dimension):
// "the schema declares no units", "the schema does not declare percent",
// "km measures length, bcm/yr flow_rate".
std::string UnitMismatch(const Schema& schema, std::string_view a,
                         std::string_view b);

// `number` in unit `from`, expressed in unit `to` (the double as computed;
// RoundSignificant it to compare). InvalidArgument with UnitMismatch's
// reason when they do not convert.
absl::StatusOr<double> ConvertNumber(const Schema& schema, double number,
                                     std::string_view from,
                                     std::string_view to);

// The quantity `q` in `unit`: `0.2 bcm/day` in bcm/yr is `73.0 bcm/yr`;
// `56 bcm/yr` in bcm/day is `0.1534246575342466 bcm/day` (16 digits, which
// convert back to `56.0 bcm/yr`). InvalidArgument if `q` is not a quantity
// or the units do not convert.
absl::StatusOr<Value> ConvertQuantity(const Schema& schema, const Value& q,
                                      std::string_view unit);

}  // namespace annals::schema

#endif  // ANNALS_SCHEMA_UNITS_H_
