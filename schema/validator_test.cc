// Tests of claim validation: every value type accepted and refused with the
// predicate, the expected and the found type; units in and out of the
// dimension; undeclared predicates and the empty schema accept anything.
#include "schema/validator.h"

#include <string>

#include "gtest/gtest.h"
#include "schema/schema_parser.h"

namespace annals::schema {
namespace {

Schema Sco() {
  absl::StatusOr<Schema> s = ParseSchema(
      "type Company\n"
      "unit bcm/yr flow_rate\n"
      "unit bcm/day = 365 bcm/yr\n"
      "unit percent share\n"
      "predicate ceo_of : Company one\n"
      "predicate signed : entity\n"
      "predicate flow : quantity flow_rate one\n"
      "predicate founded : date\n"
      "predicate name : string\n"
      "predicate employees : integer\n"
      "predicate rate : decimal\n"
      "predicate listed : boolean\n",
      "sco.schema");
  EXPECT_TRUE(s.ok()) << s.status();
  return s.ok() ? *std::move(s) : Schema();
}

std::string Refusal(const Schema& s, std::string_view p, const Value& v,
                    const std::vector<std::string>* types = nullptr) {
  absl::Status status = ValidateClaim(s, p, v, types);
  EXPECT_FALSE(status.ok()) << p << " " << v.ToString();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  return std::string(status.message());
}

TEST(ValidatorTest, AcceptsEachValueType) {
  Schema s = Sco();
  EXPECT_TRUE(ValidateClaim(s, "ceo_of", Value::Entity("Gazprom")).ok());
  EXPECT_TRUE(ValidateClaim(s, "signed", Value::Entity("PoS-2")).ok());
  EXPECT_TRUE(ValidateClaim(s, "flow", *Value::Quantity("56", "bcm/yr")).ok());
  EXPECT_TRUE(
      ValidateClaim(s, "flow", *Value::Quantity("0.1", "bcm/day")).ok());
  EXPECT_TRUE(
      ValidateClaim(s, "founded", Value::Date(*TimePoint::Parse("1989"))).ok());
  EXPECT_TRUE(ValidateClaim(s, "name", Value::String("Gazprom")).ok());
  EXPECT_TRUE(ValidateClaim(s, "employees", Value::Integer(5)).ok());
  EXPECT_TRUE(ValidateClaim(s, "rate", *Value::Decimal("0.5")).ok());
  EXPECT_TRUE(ValidateClaim(s, "listed", Value::Boolean(true)).ok());
}

TEST(ValidatorTest, RefusesWrongTypesNamingAll) {
  Schema s = Sco();
  EXPECT_EQ(Refusal(s, "founded", Value::Integer(1989)),
            "predicate `founded` expects a date, found the integer 1989");
  EXPECT_EQ(Refusal(s, "ceo_of", Value::String("Miller")),
            "predicate `ceo_of` expects an entity of type Company, found the "
            "string \"Miller\"");
  EXPECT_EQ(Refusal(s, "signed", Value::Claim(4)),
            "predicate `signed` expects an entity, found the claim #c4");
  EXPECT_EQ(Refusal(s, "flow", Value::Integer(56)),
            "predicate `flow` expects a quantity in flow_rate, found the "
            "integer 56");
  EXPECT_EQ(Refusal(s, "name", Value::Entity("Gazprom")),
            "predicate `name` expects a string, found the entity Gazprom");
  EXPECT_EQ(Refusal(s, "employees", *Value::Decimal("5.5")),
            "predicate `employees` expects an integer, found the decimal 5.5");
  EXPECT_EQ(Refusal(s, "rate", Value::Integer(1)),
            "predicate `rate` expects a decimal, found the integer 1");
  EXPECT_EQ(Refusal(s, "listed", Value::Integer(1)),
            "predicate `listed` expects a boolean, found the integer 1");
}

TEST(ValidatorTest, QuantityUnitsMustBeInTheDimension) {
  Schema s = Sco();
  EXPECT_EQ(Refusal(s, "flow", *Value::Quantity("5", "percent")),
            "predicate `flow` expects a quantity in flow_rate, found the "
            "quantity 5 percent (unit `percent` is in share)");
  EXPECT_EQ(Refusal(s, "flow", *Value::Quantity("5", "kg")),
            "predicate `flow` expects a quantity in flow_rate, found the "
            "quantity 5 kg (unit `kg` is not declared)");
}

TEST(ValidatorTest, UndeclaredPredicatesAndEmptySchemaAcceptAnything) {
  Schema s = Sco();
  EXPECT_TRUE(ValidateClaim(s, "visited", Value::Integer(3)).ok());
  EXPECT_TRUE(ValidateClaim(Schema(), "founded", Value::Integer(3)).ok());
}

TEST(ValidatorTest, EntityTypesMustMatchWhenKnown) {
  absl::StatusOr<Schema> s = ParseSchema(
      "type Organisation\ntype Company : Organisation\ntype Country\n"
      "predicate ceo_of : Company\npredicate member_of : Organisation\n"
      "predicate visited : entity\n",
      "f");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_TRUE(NeedsObjectTypes(*s, "ceo_of"));
  EXPECT_FALSE(NeedsObjectTypes(*s, "visited"));
  EXPECT_FALSE(NeedsObjectTypes(*s, "undeclared"));
  Value gazprom = Value::Entity("Gazprom");
  std::vector<std::string> none, company = {"Company"},
                                 country = {"Country", "Place"};
  EXPECT_TRUE(ValidateClaim(*s, "ceo_of", gazprom, &none).ok());
  EXPECT_TRUE(ValidateClaim(*s, "ceo_of", gazprom, &company).ok());
  EXPECT_TRUE(ValidateClaim(*s, "member_of", gazprom, &company).ok());
  EXPECT_TRUE(ValidateClaim(*s, "ceo_of", gazprom, nullptr).ok());
  EXPECT_EQ(Refusal(*s, "ceo_of", gazprom, &country),
            "predicate `ceo_of` expects an entity of type Company, found the "
            "entity Gazprom (of type Country, Place)");
  // `type` claims name declared types.
  EXPECT_TRUE(ValidateClaim(*s, "type", Value::Entity("Company")).ok());
  EXPECT_EQ(Refusal(*s, "type", Value::Entity("Compnay")),
            "predicate `type` expects a declared type, found the entity "
            "Compnay");
  EXPECT_EQ(Refusal(*s, "type", Value::Integer(3)),
            "predicate `type` expects a declared type, found the integer 3");
  // Without declared types, `type` is free.
  EXPECT_TRUE(ValidateClaim(Schema(), "type", Value::Integer(3)).ok());
}

}  // namespace
}  // namespace annals::schema
