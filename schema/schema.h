// Schema: what may be claimed in a store. Entity types (with an optional
// parent), units grouped in dimensions with their conversions, predicates
// (value type, `one` or `many`, inverse name, description) and aliases (two
// names for one entity). Built by ParseSchema (schema/schema_parser.h) from
// the text format described in docs/schemas.md; checked against claims
// by schema/validator.h. No storage: the engine keeps the text.
//
// Immutable once built; thread-compatible.
#ifndef ANNALS_SCHEMA_SCHEMA_H_
#define ANNALS_SCHEMA_SCHEMA_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "annals/value.h"

namespace annals::schema {

struct TypeDef {
  std::string name;
  std::string parent;  // empty: a root type
  std::string description;
};

struct UnitDef {
  std::string name;       // `bcm/yr`
  std::string dimension;  // `flow_rate`
  // How many base units of the dimension one of this unit is (the base unit
  // itself: 1).
  double factor = 1;
};

struct PredicateDef {
  std::string name;
  // The object's kind: kEntity, kString, kInteger, kDecimal, kBoolean, kDate
  // or kQuantity.
  ValueKind kind = ValueKind::kEntity;
  std::string entity_type;  // kEntity: the declared type, empty for any
  std::string dimension;    // kQuantity: the units' dimension
  bool one = false;         // `one`: one value at a time; else `many`
  std::string inverse;      // empty: none
  std::string description;
};

class Schema {
 public:
  // nullptr when not declared.
  const PredicateDef* FindPredicate(std::string_view name) const;
  // The predicate whose `inverse` is `name`, or nullptr.
  const PredicateDef* FindInverse(std::string_view name) const;
  const TypeDef* FindType(std::string_view name) const;
  const UnitDef* FindUnit(std::string_view name) const;
  // The base unit of a declared dimension, or nullptr.
  const std::string* DimensionBase(std::string_view dimension) const;
  // The name `name` is an alias of, or `name` itself.
  std::string_view Canonical(std::string_view name) const;
  // For an entity, the entity its name stands for; any other value as it is.
  Value Canonical(const Value& v) const;
  // Whether `type` is `ancestor` or declared below it.
  bool IsA(std::string_view type, std::string_view ancestor) const;

  // "a quantity in flow_rate", "an entity of type Company", "an integer":
  // what the predicate's object must be, for messages.
  static std::string Describe(const PredicateDef& p);

  const std::map<std::string, PredicateDef, std::less<>>& predicates() const {
    return predicates_;
  }
  const std::map<std::string, TypeDef, std::less<>>& types() const {
    return types_;
  }
  const std::map<std::string, UnitDef, std::less<>>& units() const {
    return units_;
  }
  const std::map<std::string, std::string, std::less<>>& aliases() const {
    return aliases_;
  }

 private:
  friend class SchemaBuilder;
  std::map<std::string, PredicateDef, std::less<>> predicates_;
  std::map<std::string, TypeDef, std::less<>> types_;
  std::map<std::string, UnitDef, std::less<>> units_;
  std::map<std::string, std::string, std::less<>> dimensions_;  // -> base
  std::map<std::string, std::string, std::less<>> aliases_;     // alias -> name
};

}  // namespace annals::schema

#endif  // ANNALS_SCHEMA_SCHEMA_H_
