// Quantities across units of one dimension, as a schema declares them
// (`unit bcm/yr flow_rate`, `unit bcm/day = 365 bcm/yr`): saying why two
// units do not convert, and the rounding and decimal text of converted
// numbers. Numbers are doubles: they compare and print with 15 significant
// digits.
#ifndef ANNALS_SCHEMA_UNITS_H_
#define ANNALS_SCHEMA_UNITS_H_

#include <string>
#include <string_view>

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

}  // namespace annals::schema

#endif  // ANNALS_SCHEMA_UNITS_H_
