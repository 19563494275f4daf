// Tests of the schema text format: a full example parsed into its parts, and
// every parser error with its file, line, column, message and caret.
#include "schema/schema_parser.h"

#include <string>

#include "absl/status/status.h"
#include "gtest/gtest.h"

namespace annals::schema {
namespace {

constexpr char kExample[] = R"(# The SCO example
type Organisation
type Company : Organisation  "A business"
type Country
type "State company" : Company

unit bcm/yr flow_rate           # the first unit of a dimension is its base
unit bcm/day = 365 bcm/yr
unit m3/day = 0.000000001 bcm/day
unit percent share

predicate member_of : Organisation many inverse has_member "Membership"
predicate ceo_of : Company one
predicate gas_flow_to_china_bcm : quantity flow_rate one "Pipeline gas to China"
predicate stake : quantity percent
predicate signed : entity
predicate founded : date one
predicate name : string
predicate employees : integer
predicate rate : decimal
predicate listed : boolean
predicate owner : "State company"

alias "PoS-2" = "Power of Siberia 2"
alias PoS2 = "Power of Siberia 2"
)";

TEST(SchemaParserTest, ParsesEveryDeclaration) {
  absl::StatusOr<Schema> s = ParseSchema(kExample, "sco.schema");
  ASSERT_TRUE(s.ok()) << s.status();
  ASSERT_NE(s->FindType("Company"), nullptr);
  EXPECT_EQ(s->FindType("Company")->parent, "Organisation");
  EXPECT_EQ(s->FindType("Company")->description, "A business");
  EXPECT_EQ(s->FindType("Country")->parent, "");
  EXPECT_TRUE(s->IsA("State company", "Organisation"));
  EXPECT_TRUE(s->IsA("Company", "Company"));
  EXPECT_FALSE(s->IsA("Organisation", "Company"));
  EXPECT_FALSE(s->IsA("Country", "Organisation"));

  ASSERT_NE(s->FindUnit("m3/day"), nullptr);
  EXPECT_EQ(s->FindUnit("bcm/yr")->factor, 1);
  EXPECT_EQ(s->FindUnit("bcm/day")->factor, 365);
  EXPECT_DOUBLE_EQ(s->FindUnit("m3/day")->factor, 365e-9);
  EXPECT_EQ(s->FindUnit("m3/day")->dimension, "flow_rate");
  EXPECT_EQ(*s->DimensionBase("share"), "percent");
  EXPECT_EQ(s->DimensionBase("length"), nullptr);

  const PredicateDef* member = s->FindPredicate("member_of");
  ASSERT_NE(member, nullptr);
  EXPECT_EQ(member->kind, ValueKind::kEntity);
  EXPECT_EQ(member->entity_type, "Organisation");
  EXPECT_FALSE(member->one);
  EXPECT_EQ(member->inverse, "has_member");
  EXPECT_EQ(member->description, "Membership");
  const PredicateDef* flow = s->FindPredicate("gas_flow_to_china_bcm");
  EXPECT_EQ(flow->kind, ValueKind::kQuantity);
  EXPECT_EQ(flow->dimension, "flow_rate");
  EXPECT_TRUE(flow->one);
  EXPECT_EQ(s->FindPredicate("stake")->dimension, "share");  // via its unit
  EXPECT_EQ(s->FindPredicate("signed")->entity_type, "");
  EXPECT_EQ(s->FindPredicate("founded")->kind, ValueKind::kDate);
  EXPECT_EQ(s->FindPredicate("name")->kind, ValueKind::kString);
  EXPECT_EQ(s->FindPredicate("employees")->kind, ValueKind::kInteger);
  EXPECT_EQ(s->FindPredicate("rate")->kind, ValueKind::kDecimal);
  EXPECT_EQ(s->FindPredicate("listed")->kind, ValueKind::kBoolean);
  EXPECT_EQ(s->FindPredicate("owner")->entity_type, "State company");
  EXPECT_EQ(s->FindPredicate("unknown"), nullptr);

  EXPECT_EQ(s->Canonical("PoS-2"), "Power of Siberia 2");
  EXPECT_EQ(s->Canonical("PoS2"), "Power of Siberia 2");
  EXPECT_EQ(s->Canonical("Gazprom"), "Gazprom");

  EXPECT_EQ(Schema::Describe(*member), "an entity of type Organisation");
  EXPECT_EQ(Schema::Describe(*flow), "a quantity in flow_rate");
  EXPECT_EQ(Schema::Describe(*s->FindPredicate("signed")), "an entity");
  EXPECT_EQ(Schema::Describe(*s->FindPredicate("employees")), "an integer");
  EXPECT_EQ(Schema::Describe(*s->FindPredicate("founded")), "a date");
}

TEST(SchemaParserTest, EmptyAndCommentsOnly) {
  absl::StatusOr<Schema> s = ParseSchema("# nothing\n\n   \r\n", "f");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_TRUE(s->predicates().empty());
  EXPECT_TRUE(ParseSchema("", "f").ok());
}

TEST(SchemaParserTest, ForwardReferencesToTypesAndDimensions) {
  absl::StatusOr<Schema> s = ParseSchema(
      "predicate ceo_of : Company\npredicate flow : quantity rate\n"
      "type Company : Org\ntype Org\nunit bcm rate\n",
      "f");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->FindPredicate("flow")->dimension, "rate");
}

TEST(SchemaParserTest, ErrorShowsFileLineColumnAndCaret) {
  absl::StatusOr<Schema> s =
      ParseSchema("type A\n\tpredicate p : quantity\n", "my.schema");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(s.status().message()),
            "my.schema:2:24: expected the quantity's dimension or unit, found "
            "the end of the line\n"
            "  \tpredicate p : quantity\n"
            "  \t                      ^");
}

TEST(SchemaParserTest, ColumnsCountCharactersNotBytes) {
  absl::StatusOr<Schema> s = ParseSchema("type Ünïcode x", "f");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(std::string(s.status().message()),
            "f:1:14: expected `:` and a parent type, a description or the end "
            "of the line, found `x`\n"
            "  type Ünïcode x\n"
            "               ^");
}

struct ErrorCase {
  const char* text;
  const char* where;    // "line:column"
  const char* message;  // after "f:line:column: "
};

class SchemaParserErrorTest : public testing::TestWithParam<ErrorCase> {};

TEST_P(SchemaParserErrorTest, Reports) {
  const ErrorCase& c = GetParam();
  absl::StatusOr<Schema> s = ParseSchema(c.text, "f");
  ASSERT_FALSE(s.ok()) << c.text;
  EXPECT_EQ(s.status().code(), absl::StatusCode::kInvalidArgument);
  std::string message(s.status().message());
  std::string first_line = message.substr(0, message.find('\n'));
  EXPECT_EQ(first_line, std::string("f:") + c.where + ": " + c.message);
  // The source line and a caret follow.
  EXPECT_NE(message.find("\n  "), std::string::npos);
  EXPECT_EQ(message.back(), '^');
}

INSTANTIATE_TEST_SUITE_P(
    Every, SchemaParserErrorTest,
    testing::Values(
        ErrorCase{"types A", "1:1",
                  "expected `type`, `unit`, `predicate` or `alias`, found "
                  "`types`"},
        ErrorCase{"\n = x", "2:2",
                  "expected `type`, `unit`, `predicate` or `alias`, found "
                  "`=`"},
        ErrorCase{"type \"A", "1:6", "this string has no closing quote"},
        ErrorCase{"type \"A\\n\"", "1:8",
                  "expected `\\\"` or `\\\\` after a backslash"},
        ErrorCase{"type", "1:5",
                  "expected a type name, found the end of the line"},
        ErrorCase{"type :", "1:6", "expected a type name, found `:`"},
        ErrorCase{"type \"\"", "1:6", "empty name"},
        ErrorCase{"type string", "1:6", "`string` is a built-in value type"},
        ErrorCase{"type A\ntype A", "2:6", "type `A` is declared twice"},
        ErrorCase{"type A :", "1:9",
                  "expected the parent type's name, found the end of the "
                  "line"},
        ErrorCase{"type A = B", "1:8",
                  "expected `:` and a parent type, a description or the end "
                  "of the line, found `=`"},
        ErrorCase{"type A : B \"d\" x\ntype B", "1:16",
                  "expected the end of the line, found `x`"},
        ErrorCase{"type A : B", "1:10", "type `B` is not declared"},
        ErrorCase{"type A : B\ntype B : C\ntype C : B", "2:10",
                  "type `B` would be its own ancestor"},
        ErrorCase{"type A : A", "1:10", "type `A` would be its own ancestor"},
        ErrorCase{"unit", "1:5",
                  "expected a unit name, found the end of the line"},
        ErrorCase{"unit u", "1:7",
                  "expected a dimension name (a new base unit) or `=`, found "
                  "the end of the line"},
        ErrorCase{"unit u d\nunit u d2", "2:6", "unit `u` is declared twice"},
        ErrorCase{"unit u d\nunit v d", "2:8",
                  "dimension `d` already has base unit `u`; write `unit v = "
                  "NUMBER u`"},
        ErrorCase{"unit u d\nunit v = x u", "2:10",
                  "expected a number (how many of the other unit one is), "
                  "found `x`"},
        ErrorCase{"unit u d\nunit v = -1 u", "2:10",
                  "expected a number (how many of the other unit one is), "
                  "found `-1`"},
        ErrorCase{"unit u d\nunit v = 0 u", "2:10",
                  "the factor 0 is not a positive finite number"},
        ErrorCase{"unit u d\nunit v = 1e999 u", "2:10",
                  "the factor 1e999 is not a positive finite number"},
        ErrorCase{"unit u d\nunit v = 2", "2:11",
                  "expected the unit it converts to, found the end of the "
                  "line"},
        ErrorCase{"unit v = 2 u\nunit u d", "1:12",
                  "unit `u` is not declared above this line"},
        ErrorCase{"unit u d x", "1:10",
                  "expected the end of the line, found `x`"},
        ErrorCase{"predicate", "1:10",
                  "expected a predicate name, found the end of the line"},
        ErrorCase{"predicate p string", "1:13",
                  "expected `:` and the value type, found `string`"},
        ErrorCase{"predicate p :", "1:14",
                  "expected a value type (entity, string, integer, decimal, "
                  "boolean, date, quantity DIMENSION or a type name), found "
                  "the end of the line"},
        ErrorCase{"predicate p : string\npredicate p : date", "2:11",
                  "predicate `p` is declared twice"},
        ErrorCase{"predicate p : quantity", "1:23",
                  "expected the quantity's dimension or unit, found the end "
                  "of the line"},
        ErrorCase{"predicate p : quantity mass", "1:24",
                  "`mass` is neither a dimension nor a unit declared with "
                  "`unit`"},
        ErrorCase{"predicate p : Company", "1:15",
                  "type `Company` is not declared (a value type is entity, "
                  "string, integer, decimal, boolean, date, quantity "
                  "DIMENSION or a declared type)"},
        ErrorCase{"predicate p : string one many", "1:26",
                  "`one` or `many` is given twice"},
        ErrorCase{"predicate p : string inverse", "1:29",
                  "expected the inverse predicate's name, found the end of "
                  "the line"},
        ErrorCase{"predicate p : string inverse q inverse r", "1:32",
                  "`inverse` is given twice"},
        ErrorCase{"predicate p : string inverse q", "1:30",
                  "only a predicate whose values are entities has an "
                  "inverse; `p` takes a string"},
        ErrorCase{"predicate p : entity inverse q\npredicate q : entity",
                  "1:30",
                  "`q` is declared as a predicate; an inverse needs a name "
                  "of its own"},
        ErrorCase{"predicate p : entity inverse q\npredicate r : entity "
                  "inverse q",
                  "2:30", "`q` is already the inverse of `p`"},
        ErrorCase{"predicate p : string once", "1:22",
                  "expected `one`, `many`, `inverse`, a description or the "
                  "end of the line, found `once`"},
        ErrorCase{"predicate p : string = x", "1:22",
                  "expected `one`, `many`, `inverse`, a description or the "
                  "end of the line, found `=`"},
        ErrorCase{"predicate p : string \"d\" one", "1:26",
                  "expected the end of the line, found `one`"},
        ErrorCase{"alias", "1:6",
                  "expected the alias, found the end of the line"},
        ErrorCase{"alias a b", "1:9",
                  "expected `=` and the name it stands for, found `b`"},
        ErrorCase{"alias a =", "1:10",
                  "expected the name the alias stands for, found the end of "
                  "the line"},
        ErrorCase{"alias a = b c", "1:13",
                  "expected the end of the line, found `c`"},
        ErrorCase{"alias a = a", "1:11", "an alias cannot stand for itself"},
        ErrorCase{"alias a = b\nalias a = c", "2:7",
                  "`a` is already an alias of `b`"},
        ErrorCase{"alias a = b\nalias b = c", "1:11",
                  "`b` is itself an alias of `c`; name `c` instead"},
        ErrorCase{"type A # comment\ntype B x # comment", "2:8",
                  "expected `:` and a parent type, a description or the end "
                  "of the line, found `x`"}));

}  // namespace
}  // namespace annals::schema
