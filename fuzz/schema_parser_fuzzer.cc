// Fuzzes the schema parser (schema/schema_parser.h): any text must give a
// Schema or an InvalidArgument, never a crash. A schema that parses is then
// asked what the validator and binder ask of it (type ancestry, aliases,
// inverses, units), which must neither crash nor loop.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "annals/value.h"
#include "schema/schema_parser.h"
#include "schema/validator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto schema = annals::schema::ParseSchema(text, "fuzz.schema");
  if (!schema.ok()) {
    // Errors are documented as InvalidArgument.
    if (schema.status().code() != absl::StatusCode::kInvalidArgument) {
      std::abort();
    }
    return 0;
  }
  for (const auto& [name, type] : schema->types()) {
    for (const auto& [other, unused] : schema->types()) {
      schema->IsA(name, other);
    }
    schema->IsA(name, type.parent);
  }
  // One object of each kind, and the declared types as an entity's types.
  std::vector<std::string> types;
  for (const auto& [name, unused] : schema->types()) types.push_back(name);
  const annals::Value objects[] = {
      annals::Value::Entity("x"),     annals::Value::String("x"),
      annals::Value::Integer(1),      annals::Value::Boolean(true),
      *annals::Value::Decimal("0.5"), *annals::Value::Quantity("56", "bcm/yr")};
  for (const auto& [name, predicate] : schema->predicates()) {
    annals::schema::Schema::Describe(predicate);
    annals::schema::NeedsObjectTypes(*schema, name);
    for (const annals::Value& object : objects) {
      annals::schema::ValidateClaim(*schema, name, object, &types)
          .IgnoreError();
    }
    schema->FindInverse(name);
    schema->Canonical(name);
  }
  for (const auto& [name, unit] : schema->units()) {
    schema->DimensionBase(unit.dimension);
    schema->FindUnit(name);
  }
  for (const auto& [alias, target] : schema->aliases()) {
    schema->Canonical(alias);
    schema->Canonical(annals::Value::Entity(target));
  }
  return 0;
}
