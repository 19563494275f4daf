// Unit conversion within a dimension; see units.h.
#include "schema/units.h"

#include <cmath>
#include <cstdio>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/absl_view.h"

namespace annals::schema {
namespace {
constexpr int kDigits = 15;
}  // namespace

double RoundSignificant(double x) {
  if (x == 0 || !std::isfinite(x)) return x;
  double rounded = 0;
  std::string text = absl::StrFormat("%.*g", kDigits, x);
  return absl::SimpleAtod(text, &rounded) ? rounded : x;
}

std::string DecimalText(double x, int digits) {
  if (!std::isfinite(x)) x = 0;
  double rounded = 0;
  if (x != 0 &&
      absl::SimpleAtod(absl::StrFormat("%.*g", digits, x), &rounded)) {
    x = rounded;
  }
  // Digits after the point: enough for `digits` significant ones.
  int exponent =
      x == 0 ? 0 : static_cast<int>(std::floor(std::log10(std::fabs(x))));
  int decimals = std::max(1, digits - 1 - exponent);
  std::string text = absl::StrFormat("%.*f", decimals, x);
  size_t dot = text.find('.');
  while (text.size() > dot + 2 && text.back() == '0') text.pop_back();
  if (text == "-0.0") text = "0.0";
  return text;
}

std::string UnitMismatch(const Schema& schema, std::string_view a,
                         std::string_view b) {
  if (a == b) return "";
  if (schema.units().empty()) return "the schema declares no units";
  const UnitDef* ua = schema.FindUnit(a);
  const UnitDef* ub = schema.FindUnit(b);
  if (ua == nullptr && ub == nullptr) {
    return absl::StrCat("the schema declares neither ", AbslView(a), " nor ",
                        AbslView(b));
  }
  if (ua == nullptr || ub == nullptr) {
    return absl::StrCat("the schema does not declare ",
                        AbslView(ua == nullptr ? a : b));
  }
  if (ua->dimension != ub->dimension) {
    return absl::StrCat(AbslView(a), " measures ", ua->dimension, ", ",
                        AbslView(b), " ", ub->dimension);
  }
  return "";
}

}  // namespace annals::schema
