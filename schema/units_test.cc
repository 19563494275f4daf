// Tests of unit conversion within a dimension (schema/units.h): round trips,
// precision, decimal text, and every reason two units do not convert.
#include "schema/units.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "schema/schema_parser.h"

namespace annals::schema {
namespace {

constexpr char kUnits[] = R"(unit bcm/yr flow_rate
unit bcm/day = 365 bcm/yr
unit m3/day = 0.000000001 bcm/day
unit percent share
unit km length
unit m = 0.001 km
)";

Schema Units() {
  absl::StatusOr<Schema> s = ParseSchema(kUnits, "units");
  EXPECT_TRUE(s.ok()) << s.status();
  return s.ok() ? *std::move(s) : Schema();
}

TEST(DecimalTextTest, FifteenSignificantDigitsNoExponent) {
  EXPECT_EQ(DecimalText(56), "56.0");
  EXPECT_EQ(DecimalText(-2.5), "-2.5");
  EXPECT_EQ(DecimalText(0), "0.0");
  EXPECT_EQ(DecimalText(-0.0), "0.0");
  EXPECT_EQ(DecimalText(56.0 / 365), "0.153424657534247");
  EXPECT_EQ(DecimalText(0.1 + 0.2), "0.3");
  EXPECT_EQ(DecimalText(0.1 + 0.2, 17), "0.30000000000000004");
  EXPECT_EQ(DecimalText(56.0 / 365, 17), "0.15342465753424658");
  EXPECT_EQ(DecimalText(0.00001), "0.00001");
  EXPECT_EQ(DecimalText(1234567.5), "1234567.5");
  EXPECT_EQ(DecimalText(1e20), "100000000000000000000.0");
  // Every text is a decimal literal Value accepts.
  for (double x : {56.0, 1e-12, 1e20, -3.75, 56.0 / 365}) {
    EXPECT_TRUE(Value::Decimal(DecimalText(x)).ok()) << DecimalText(x);
  }
}

TEST(ConvertTest, RoundTripsGiveTheNumberBack) {
  Schema s = Units();
  for (double x : {56.0, 48.0, 0.2, 1.0, 73.0, 123456.789, 1e-6}) {
    absl::StatusOr<double> day = ConvertNumber(s, x, "bcm/yr", "bcm/day");
    ASSERT_TRUE(day.ok()) << day.status();
    absl::StatusOr<double> back = ConvertNumber(s, *day, "bcm/day", "bcm/yr");
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(RoundSignificant(*back), x) << x;
    // Through two steps of factors: bcm/yr -> m3/day -> bcm/yr.
    absl::StatusOr<double> m3 = ConvertNumber(s, x, "bcm/yr", "m3/day");
    ASSERT_TRUE(m3.ok()) << m3.status();
    absl::StatusOr<double> back2 = ConvertNumber(s, *m3, "m3/day", "bcm/yr");
    ASSERT_TRUE(back2.ok()) << back2.status();
    EXPECT_EQ(RoundSignificant(*back2), x) << x;
  }
}

TEST(ConvertTest, QuantitiesKeepDecimalText) {
  Schema s = Units();
  auto q = [](const char* n, const char* u) { return *Value::Quantity(n, u); };
  absl::StatusOr<Value> v = ConvertQuantity(s, q("0.2", "bcm/day"), "bcm/yr");
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->ToString(), "73.0 bcm/yr");
  v = ConvertQuantity(s, q("56", "bcm/yr"), "bcm/day");
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->ToString(), "0.1534246575342466 bcm/day");
  v = ConvertQuantity(s, *v, "bcm/yr");
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->ToString(), "56.0 bcm/yr");
  v = ConvertQuantity(s, q("1", "bcm/day"), "m3/day");
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->ToString(), "1000000000.0 m3/day");
  v = ConvertQuantity(s, q("1500", "m"), "km");
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->ToString(), "1.5 km");
  // The same unit: the value as it is.
  v = ConvertQuantity(s, q("56", "bcm/yr"), "bcm/yr");
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->ToString(), "56 bcm/yr");
}

// Through the quantities' text, both ways, for many numbers: the text holds
// enough digits to give the number back.
TEST(ConvertTest, TextRoundTripsGiveTheQuantityBack) {
  Schema s = Units();
  const char* units[] = {"bcm/yr", "bcm/day", "m3/day"};
  for (int i = 1; i < 2000; ++i) {
    std::string number = absl::StrCat(i * 37 % 1000, ".", i % 97);
    Value q = *Value::Quantity(number, "bcm/yr");
    for (const char* unit : units) {
      absl::StatusOr<Value> there = ConvertQuantity(s, q, unit);
      ASSERT_TRUE(there.ok()) << there.status();
      absl::StatusOr<Value> back = ConvertQuantity(s, *there, "bcm/yr");
      ASSERT_TRUE(back.ok()) << back.status();
      EXPECT_EQ(RoundSignificant(back->number()), q.number())
          << number << " via " << there->ToString() << " is "
          << back->ToString();
      EXPECT_LE(there->text().size(), 20u) << there->ToString();
    }
  }
}

TEST(ConvertTest, UnitsThatDoNotConvertSayWhy) {
  Schema s = Units();
  EXPECT_EQ(UnitMismatch(s, "bcm/yr", "bcm/day"), "");
  EXPECT_EQ(UnitMismatch(s, "furlong", "furlong"), "");
  EXPECT_EQ(UnitMismatch(s, "km", "bcm/yr"),
            "km measures length, bcm/yr flow_rate");
  EXPECT_EQ(UnitMismatch(s, "bcm/yr", "mcm/yr"),
            "the schema does not declare mcm/yr");
  EXPECT_EQ(UnitMismatch(s, "mcm/yr", "bcm/yr"),
            "the schema does not declare mcm/yr");
  EXPECT_EQ(UnitMismatch(s, "mcm/yr", "furlong"),
            "the schema declares neither mcm/yr nor furlong");
  EXPECT_EQ(UnitMismatch(Schema(), "bcm/yr", "bcm/day"),
            "the schema declares no units");

  absl::StatusOr<double> n = ConvertNumber(s, 5, "km", "percent");
  EXPECT_EQ(n.status(),
            absl::InvalidArgumentError("km measures length, percent share"));
  absl::StatusOr<Value> v = ConvertQuantity(s, Value::Integer(5), "km");
  EXPECT_EQ(v.status(), absl::InvalidArgumentError("5 is not a quantity"));
  v = ConvertQuantity(s, *Value::Quantity("5", "km"), "percent");
  EXPECT_EQ(v.status(),
            absl::InvalidArgumentError("km measures length, percent share"));
}

}  // namespace
}  // namespace annals::schema
