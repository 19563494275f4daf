// Parsing, inference and printing of typed values. Implements
// include/annals/value.h.
#include "annals/value.h"

#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/absl_view.h"

namespace annals {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// `-?[0-9]+`
bool IsIntegerLiteral(std::string_view s) {
  size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i) {
    if (!IsDigit(s[i])) return false;
  }
  return true;
}

// `-?[0-9]+\.[0-9]+`
bool IsDecimalLiteral(std::string_view s) {
  size_t dot = s.find('.');
  if (dot == std::string_view::npos) return false;
  std::string_view frac = s.substr(dot + 1);
  if (frac.empty()) return false;
  for (char c : frac) {
    if (!IsDigit(c)) return false;
  }
  return IsIntegerLiteral(s.substr(0, dot));
}

bool IsNumberLiteral(std::string_view s) {
  return IsIntegerLiteral(s) || IsDecimalLiteral(s);
}

// Canonical decimal: no superfluous leading zeros, trailing zeros of the
// fraction removed (`01.50` -> `1.5`, `2.0` -> `2.0` keeps one digit).
std::string CanonicalDecimal(std::string_view s) {
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view frac =
      dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  while (whole.size() > 1 && whole[0] == '0') whole.remove_prefix(1);
  while (frac.size() > 1 && frac.back() == '0') frac.remove_suffix(1);
  if (frac.empty()) frac = "0";
  bool zero = whole == "0" && frac == "0";
  return absl::StrCat(negative && !zero ? "-" : "", AbslView(whole), ".",
                      AbslView(frac));
}

// `056` -> `56`, `-0` -> `0`.
std::string CanonicalInteger(std::string_view s) {
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  while (s.size() > 1 && s[0] == '0') s.remove_prefix(1);
  return absl::StrCat(negative && s != "0" ? "-" : "", AbslView(s));
}

bool IsUnitToken(std::string_view u) {
  if (u.empty() || IsDigit(u[0]) || u[0] == '-' || u[0] == '.') return false;
  for (char c : u) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

std::string_view ValueKindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::kClaim:
      return "claim";
    case ValueKind::kEntity:
      return "entity";
    case ValueKind::kString:
      return "string";
    case ValueKind::kInteger:
      return "integer";
    case ValueKind::kDecimal:
      return "decimal";
    case ValueKind::kBoolean:
      return "boolean";
    case ValueKind::kDate:
      return "date";
    case ValueKind::kQuantity:
      return "quantity";
  }
  return "unknown";
}

absl::StatusOr<ValueKind> ParseValueKind(std::string_view name) {
  for (int k = 0; k <= 7; ++k) {
    auto kind = static_cast<ValueKind>(k);
    if (absl::EqualsIgnoreCase(AbslView(name), AbslView(ValueKindName(kind))))
      return kind;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown value type '", AbslView(name),
      "' (expected entity, string, integer, decimal, boolean, date, "
      "quantity or claim)"));
}

Value Value::Entity(std::string name) {
  Value v;
  v.kind_ = ValueKind::kEntity;
  v.text_ = std::move(name);
  return v;
}

Value Value::String(std::string text) {
  Value v;
  v.kind_ = ValueKind::kString;
  v.text_ = std::move(text);
  return v;
}

Value Value::Integer(int64_t i) {
  Value v;
  v.kind_ = ValueKind::kInteger;
  v.int_ = i;
  return v;
}

absl::StatusOr<Value> Value::Decimal(std::string_view text) {
  if (!IsNumberLiteral(text)) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", AbslView(text), "' is not a decimal number"));
  }
  Value v;
  v.kind_ = ValueKind::kDecimal;
  v.text_ = CanonicalDecimal(text);
  return v;
}

Value Value::Boolean(bool b) {
  Value v;
  v.kind_ = ValueKind::kBoolean;
  v.int_ = b ? 1 : 0;
  return v;
}

Value Value::Date(TimePoint t) {
  Value v;
  v.kind_ = ValueKind::kDate;
  v.date_ = t;
  return v;
}

absl::StatusOr<Value> Value::Quantity(std::string_view number,
                                      std::string_view unit) {
  if (!IsNumberLiteral(number)) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", AbslView(number), "' is not a number"));
  }
  if (!IsUnitToken(unit)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "'", AbslView(unit), "' is not a unit (one word, e.g. bcm/yr)"));
  }
  Value v;
  v.kind_ = ValueKind::kQuantity;
  v.text_ = IsIntegerLiteral(number) ? CanonicalInteger(number)
                                     : CanonicalDecimal(number);
  v.unit_ = std::string(unit);
  return v;
}

Value Value::Claim(uint64_t claim_id) {
  Value v;
  v.kind_ = ValueKind::kClaim;
  v.int_ = static_cast<int64_t>(claim_id);
  return v;
}

Value Value::TaggedString(std::string_view lexical, std::string_view language,
                          std::string_view datatype) {
  Value v;
  v.kind_ = ValueKind::kString;
  v.text_ = std::string(lexical);
  if (!language.empty()) {
    absl::StrAppend(&v.text_, "\xFF@", AbslView(language));
  } else if (!datatype.empty()) {
    absl::StrAppend(&v.text_, "\xFF^^", AbslView(datatype));
  }
  return v;
}

std::string_view Value::lexical() const {
  std::string_view t = text_;
  if (kind_ != ValueKind::kString) return t;
  return t.substr(0, t.find('\xFF'));
}

std::string_view Value::language() const {
  std::string_view t = text_;
  size_t tag = t.find('\xFF');
  if (kind_ != ValueKind::kString || tag == std::string_view::npos ||
      t.substr(tag + 1, 1) != "@") {
    return {};
  }
  return t.substr(tag + 2);
}

std::string_view Value::datatype() const {
  std::string_view t = text_;
  size_t tag = t.find('\xFF');
  if (kind_ != ValueKind::kString || tag == std::string_view::npos ||
      t.substr(tag + 1, 2) != "^^") {
    return {};
  }
  return t.substr(tag + 3);
}

absl::StatusOr<Value> Value::Parse(std::string_view text, ValueKind kind) {
  auto bad = [&](std::string_view expected) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", AbslView(text), "' is not ", AbslView(expected)));
  };
  switch (kind) {
    case ValueKind::kEntity:
      if (text.empty()) return bad("an entity name (empty)");
      return Entity(std::string(text));
    case ValueKind::kString:
      return String(std::string(text));
    case ValueKind::kInteger: {
      int64_t i;
      if (!IsIntegerLiteral(text) || !absl::SimpleAtoi(AbslView(text), &i)) {
        return bad("an integer (64-bit)");
      }
      return Integer(i);
    }
    case ValueKind::kDecimal:
      return Decimal(text);
    case ValueKind::kBoolean:
      if (text == "true") return Boolean(true);
      if (text == "false") return Boolean(false);
      return bad("a boolean (true or false)");
    case ValueKind::kDate: {
      auto t = TimePoint::Parse(text);
      if (!t.ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat("not a date: ", t.status().message()));
      }
      return Date(*t);
    }
    case ValueKind::kQuantity: {
      size_t space = text.find(' ');
      if (space == std::string_view::npos) {
        return bad("a quantity (a number, a space and a unit: 56 bcm/yr)");
      }
      auto q = Quantity(text.substr(0, space), text.substr(space + 1));
      if (!q.ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat("not a quantity: ", q.status().message()));
      }
      return q;
    }
    case ValueKind::kClaim: {
      uint64_t id;
      if (text.size() < 3 || text.substr(0, 2) != "#c" ||
          !IsIntegerLiteral(text.substr(2)) || text[2] == '-' ||
          !absl::SimpleAtoi(AbslView(text.substr(2)), &id)) {
        return bad("a claim id (#c42)");
      }
      return Claim(id);
    }
  }
  return bad("a known value type");
}

Value Value::Infer(std::string_view text) {
  int64_t i;
  if (IsIntegerLiteral(text) && absl::SimpleAtoi(AbslView(text), &i))
    return Integer(i);
  if (IsDecimalLiteral(text)) return *Decimal(text);
  size_t space = text.find(' ');
  if (space != std::string_view::npos &&
      IsNumberLiteral(text.substr(0, space)) &&
      IsUnitToken(text.substr(space + 1))) {
    return *Quantity(text.substr(0, space), text.substr(space + 1));
  }
  if (text.size() > 2 && text[0] == '#' && text[1] == 'c') {
    auto claim = Parse(text, ValueKind::kClaim);
    if (claim.ok()) return *std::move(claim);
  }
  return Entity(std::string(text));
}

double Value::number() const {
  switch (kind_) {
    case ValueKind::kInteger:
      return static_cast<double>(int_);
    case ValueKind::kDecimal:
    case ValueKind::kQuantity:
      return std::strtod(text_.c_str(), nullptr);
    default:
      return 0;
  }
}

std::string Value::ToString() const {
  switch (kind_) {
    case ValueKind::kClaim:
      return absl::StrCat("#c", claim_id());
    case ValueKind::kEntity:
    case ValueKind::kDecimal:
      return text_;
    case ValueKind::kString:
      if (!language().empty()) {
        return absl::StrCat("\"", AbslView(lexical()), "\"@",
                            AbslView(language()));
      }
      if (!datatype().empty()) {
        return absl::StrCat("\"", AbslView(lexical()), "\"^^<",
                            AbslView(datatype()), ">");
      }
      return absl::StrCat("\"", text_, "\"");
    case ValueKind::kInteger:
      return absl::StrCat(int_);
    case ValueKind::kBoolean:
      return int_ ? "true" : "false";
    case ValueKind::kDate:
      return date_.ToString();
    case ValueKind::kQuantity:
      return absl::StrCat(text_, " ", unit_);
  }
  return text_;
}

}  // namespace annals
