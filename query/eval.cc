// Value and period comparisons; see eval.h.
#include "query/eval.h"

#include "absl/strings/str_cat.h"
#include "schema/units.h"

namespace annals::query {
namespace {

bool IsNumber(const Value& v) {
  return v.kind() == ValueKind::kInteger || v.kind() == ValueKind::kDecimal ||
         v.kind() == ValueKind::kQuantity;
}

bool IsText(const Value& v) {
  return v.kind() == ValueKind::kEntity || v.kind() == ValueKind::kString;
}

// Where a value's kind sorts. Numbers of every kind share one place (the
// integers'), so that mixed columns still sort consistently: 5 km < 7 < true,
// and the reverse with DESC.
int OrderRank(const Value& v) {
  return static_cast<int>(IsNumber(v) ? ValueKind::kInteger : v.kind());
}

// A date, or an integer read as a year, as its first second.
bool AsTime(const Value& v, int64_t* seconds) {
  if (v.kind() == ValueKind::kDate) {
    *seconds = v.date().seconds;
    return true;
  }
  if (v.kind() == ValueKind::kInteger) {
    *seconds = TimePoint::FromCivil(v.integer()).seconds;
    return true;
  }
  return false;
}

// The number a value sorts and compares by: a quantity of a declared unit in
// its dimension's base unit, any other number as it is.
double Magnitude(const Value& v, const schema::Schema& schema) {
  if (v.kind() == ValueKind::kQuantity) {
    if (const schema::UnitDef* u = schema.FindUnit(v.unit())) {
      return schema::RoundSignificant(v.number() * u->factor);
    }
  }
  return v.number();
}

template <class T>
bool Apply(const T& a, CompareOp op, const T& b) {
  switch (op) {
    case CompareOp::kEq:
      return a == b;
    case CompareOp::kNe:
      return !(a == b);
    case CompareOp::kLt:
      return a < b;
    case CompareOp::kLe:
      return !(b < a);
    case CompareOp::kGt:
      return b < a;
    case CompareOp::kGe:
      return !(a < b);
  }
  return false;
}

}  // namespace

absl::StatusOr<bool> CompareValues(const Value& a, CompareOp op, const Value& b,
                                   const schema::Schema& schema) {
  if (IsNumber(a) && IsNumber(b)) {
    bool qa = a.kind() == ValueKind::kQuantity,
         qb = b.kind() == ValueKind::kQuantity;
    if (!qa || !qb || a.unit() == b.unit()) {
      return Apply(a.number(), op, b.number());
    }
    std::string why = schema::UnitMismatch(schema, a.unit(), b.unit());
    if (!why.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "cannot compare ", a.ToString(), " with ", b.ToString(), ": units ",
          a.unit(), " and ", b.unit(), " differ (", why, ")"));
    }
    return Apply(Magnitude(a, schema), op, Magnitude(b, schema));
  }
  int64_t ta, tb;
  if ((a.kind() == ValueKind::kDate || b.kind() == ValueKind::kDate) &&
      AsTime(a, &ta) && AsTime(b, &tb)) {
    return Apply(ta, op, tb);
  }
  if (IsText(a) && IsText(b)) return Apply(a.text(), op, b.text());
  if (a.kind() == b.kind()) return Apply(a.integer(), op, b.integer());
  return op == CompareOp::kNe;  // unrelated kinds: unequal, unordered
}

int OrderValues(const Value& a, const Value& b, const schema::Schema& schema) {
  if (IsNumber(a) && IsNumber(b)) {
    double x = Magnitude(a, schema), y = Magnitude(b, schema);
    return x < y ? -1 : y < x ? 1 : 0;
  }
  if (OrderRank(a) != OrderRank(b)) return OrderRank(a) < OrderRank(b) ? -1 : 1;
  switch (a.kind()) {
    case ValueKind::kDate:
      return a.date().seconds < b.date().seconds   ? -1
             : b.date().seconds < a.date().seconds ? 1
                                                   : 0;
    case ValueKind::kEntity:
    case ValueKind::kString:
      return a.text().compare(b.text());
    default:
      return a.integer() < b.integer() ? -1 : b.integer() < a.integer() ? 1 : 0;
  }
}

}  // namespace annals::query
