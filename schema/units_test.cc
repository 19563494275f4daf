// Tests of schema/units.h: decimal text, and every reason two units do not
// convert.
#include "schema/units.h"

#include "absl/status/status.h"
#include "annals/value.h"
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
}

}  // namespace
}  // namespace annals::schema
