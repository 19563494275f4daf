// Value: what a claim's subject or object is. An entity (a named node), a claim
// (so that claims can be talked about: `#c42 confirmed_by China`), or a typed
// literal: string, integer, decimal, boolean, date, or a quantity with a unit.
//
// Values are plain, immutable-by-convention data: cheap to move,
// thread-compatible.
#ifndef ANNALS_VALUE_H_
#define ANNALS_VALUE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "annals/time.h"

namespace annals {

// DO NOT CHANGE THESE VALUES: they are stored on disk (the low 3 bits of every
// dictionary id, see engine/FORMAT.md).
enum class ValueKind : uint8_t {
  kClaim = 0,
  kEntity = 1,
  kString = 2,
  kInteger = 3,
  kDecimal = 4,
  kBoolean = 5,
  kDate = 6,
  kQuantity = 7,
};

std::string_view ValueKindName(ValueKind kind);  // "entity", "string", ...
// Accepts the names ValueKindName gives; InvalidArgument otherwise.
absl::StatusOr<ValueKind> ParseValueKind(std::string_view name);

class Value {
 public:
  Value() = default;  // the entity with the empty name: not a valid claim term
  static Value Entity(std::string name);
  static Value String(std::string text);
  static Value Integer(int64_t v);
  // `text` is the decimal as written, canonicalised (`1.50` -> `1.5`).
  static absl::StatusOr<Value> Decimal(std::string_view text);
  static Value Boolean(bool v);
  static Value Date(TimePoint t);
  // `number` is an integer or decimal literal; `unit` a non-empty token
  // without spaces (`bcm/yr`, `percent`).
  static absl::StatusOr<Value> Quantity(std::string_view number,
                                        std::string_view unit);
  static Value Claim(uint64_t claim_id);
  // An RDF literal with a language tag or a datatype Annals has no type for
  // (docs/rdf.md): a string whose text is `lexical`, the byte 0xFF (never in
  // UTF-8), then `@` and `language`, or `^^` and the `datatype` IRI. Give
  // one of language and datatype (language wins); with neither it is
  // String(lexical).
  static Value TaggedString(std::string_view lexical, std::string_view language,
                            std::string_view datatype);

  // Parses `text` as a value of `kind` (InvalidArgument naming the kind on
  // failure). For kQuantity the text is `<number> <unit>`; for kClaim `#c42`.
  static absl::StatusOr<Value> Parse(std::string_view text, ValueKind kind);
  // The type a bare load-file field gets: an integer if it is one (`56`), a
  // decimal (`0.5`), a quantity (`56 bcm/yr`), a claim (`#c42`), and
  // otherwise an entity name. Strings, booleans and dates are never inferred:
  // say them with an object_type column.
  static Value Infer(std::string_view text);

  ValueKind kind() const { return kind_; }
  bool is_entity() const { return kind_ == ValueKind::kEntity; }

  // Entity name, string text, decimal digits, or a quantity's number.
  const std::string& text() const { return text_; }
  // Integer value, boolean (0/1) or claim id.
  int64_t integer() const { return int_; }
  uint64_t claim_id() const { return static_cast<uint64_t>(int_); }
  bool boolean() const { return int_ != 0; }
  const TimePoint& date() const { return date_; }
  const std::string& unit() const { return unit_; }
  // Strings: the text without its RDF tag (see TaggedString), and the tag's
  // language or datatype IRI ("" when it has none).
  std::string_view lexical() const;
  std::string_view language() const;
  std::string_view datatype() const;
  // Numeric value of an integer, decimal or quantity (0 otherwise).
  double number() const;

  // Human-readable form: `Gazprom`, `"a string"`, `56`, `0.5`, `true`,
  // `2025-09-02`, `56 bcm/yr`, `#c42`. Entity names print bare. A tagged
  // string prints `"chat"@en` or
  // `"5"^^<http://www.w3.org/2001/XMLSchema#byte>`.
  std::string ToString() const;

  friend bool operator==(const Value& a, const Value& b) {
    return a.kind_ == b.kind_ && a.text_ == b.text_ && a.int_ == b.int_ &&
           a.date_ == b.date_ && a.unit_ == b.unit_;
  }
  friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }

 private:
  ValueKind kind_ = ValueKind::kEntity;
  std::string text_;
  int64_t int_ = 0;
  TimePoint date_;
  std::string unit_;
};

}  // namespace annals

#endif  // ANNALS_VALUE_H_
