// Tests of typed values: constructors, Parse for every kind (with its error
// messages), Infer of bare load-file fields, ToString, and kind names.
#include "annals/value.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace annals {

// Readable failure messages (internal linkage: this file only).
static void PrintTo(const Value& v, std::ostream* os) {
  *os << ValueKindName(v.kind()) << " " << v.ToString();
}

namespace {

const ValueKind kAllKinds[] = {
    ValueKind::kClaim,   ValueKind::kEntity,   ValueKind::kString,
    ValueKind::kInteger, ValueKind::kDecimal,  ValueKind::kBoolean,
    ValueKind::kDate,    ValueKind::kQuantity,
};

TimePoint Day(const char* text) {
  absl::StatusOr<TimePoint> t = TimePoint::Parse(text);
  EXPECT_TRUE(t.ok()) << t.status();
  return t.ok() ? *t : TimePoint{};
}

// ---------------------------------------------------------------------------
// Constructors and accessors

TEST(ValueTest, DefaultIsTheEmptyEntity) {
  Value v;
  EXPECT_EQ(v.kind(), ValueKind::kEntity);
  EXPECT_TRUE(v.is_entity());
  EXPECT_EQ(v.text(), "");
  EXPECT_EQ(v, Value::Entity(""));
}

TEST(ValueTest, Constructors) {
  Value e = Value::Entity("Gazprom");
  EXPECT_EQ(e.kind(), ValueKind::kEntity);
  EXPECT_TRUE(e.is_entity());
  EXPECT_EQ(e.text(), "Gazprom");

  Value s = Value::String("a string");
  EXPECT_EQ(s.kind(), ValueKind::kString);
  EXPECT_FALSE(s.is_entity());
  EXPECT_EQ(s.text(), "a string");
  // Same text, different kinds: different values.
  EXPECT_NE(Value::String("Gazprom"), e);

  Value i = Value::Integer(-56);
  EXPECT_EQ(i.kind(), ValueKind::kInteger);
  EXPECT_EQ(i.integer(), -56);
  EXPECT_DOUBLE_EQ(i.number(), -56.0);

  absl::StatusOr<Value> d = Value::Decimal("01.50");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->kind(), ValueKind::kDecimal);
  EXPECT_EQ(d->text(), "1.5");
  EXPECT_DOUBLE_EQ(d->number(), 1.5);

  Value t = Value::Boolean(true);
  Value f = Value::Boolean(false);
  EXPECT_EQ(t.kind(), ValueKind::kBoolean);
  EXPECT_TRUE(t.boolean());
  EXPECT_FALSE(f.boolean());
  EXPECT_NE(t, f);

  Value date = Value::Date(Day("2025-09-02"));
  EXPECT_EQ(date.kind(), ValueKind::kDate);
  EXPECT_EQ(date.date(), Day("2025-09-02"));
  EXPECT_NE(date, Value::Date(Day("2025-09")));

  absl::StatusOr<Value> q = Value::Quantity("56", "bcm/yr");
  ASSERT_TRUE(q.ok()) << q.status();
  EXPECT_EQ(q->kind(), ValueKind::kQuantity);
  EXPECT_EQ(q->text(), "56");
  EXPECT_EQ(q->unit(), "bcm/yr");
  EXPECT_DOUBLE_EQ(q->number(), 56.0);
  EXPECT_NE(*q, *Value::Quantity("56", "bcm"));

  Value c = Value::Claim(42);
  EXPECT_EQ(c.kind(), ValueKind::kClaim);
  EXPECT_EQ(c.claim_id(), 42u);
  Value big = Value::Claim(UINT64_MAX);
  EXPECT_EQ(big.claim_id(), UINT64_MAX);
  EXPECT_EQ(big.ToString(), "#c18446744073709551615");

  // number() is 0 for non-numeric kinds.
  EXPECT_EQ(e.number(), 0);
  EXPECT_EQ(s.number(), 0);
  EXPECT_EQ(date.number(), 0);
}

TEST(ValueTest, DecimalCanonicalForm) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"0.50", "0.5"},      {"1.50", "1.5"},    {"01.50", "1.5"},
      {"2.0", "2.0"},       {"2.000", "2.0"},   {"0.0", "0.0"},
      {"-0.0", "0.0"},      {"-00.000", "0.0"}, {"-1.10", "-1.1"},
      {"000.001", "0.001"}, {"10.01", "10.01"}, {"100.0", "100.0"},
      {"5", "5.0"},         {"-7", "-7.0"},     {"007", "7.0"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    absl::StatusOr<Value> d = Value::Decimal(c.in);
    ASSERT_TRUE(d.ok()) << d.status();
    EXPECT_EQ(d->text(), c.out);
    EXPECT_EQ(d->ToString(), c.out);
  }
  // Equal after canonicalisation.
  EXPECT_EQ(*Value::Decimal("0.50"), *Value::Decimal("0.5"));
}

TEST(ValueTest, DecimalRejectsNonNumbers) {
  for (const char* bad : {"", ".5", "5.", "1.2.3", "1e5", "abc", "-", "+1.5",
                          "1,5", " 1.5", "1.5 ", "--1.5", "1.-5"}) {
    SCOPED_TRACE(bad);
    absl::StatusOr<Value> d = Value::Decimal(bad);
    ASSERT_FALSE(d.ok()) << d->ToString();
    EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_TRUE(absl::StrContains(d.status().message(), "decimal"))
        << d.status();
  }
}

TEST(ValueTest, QuantityNumberAndUnit) {
  absl::StatusOr<Value> q = Value::Quantity("0.50", "percent");
  ASSERT_TRUE(q.ok()) << q.status();
  EXPECT_EQ(q->text(), "0.5");
  EXPECT_EQ(q->ToString(), "0.5 percent");
  EXPECT_DOUBLE_EQ(q->number(), 0.5);

  q = Value::Quantity("-3", "m/s");
  ASSERT_TRUE(q.ok()) << q.status();
  EXPECT_EQ(q->text(), "-3");
  EXPECT_DOUBLE_EQ(q->number(), -3.0);

  q = Value::Quantity("48",
                      "\xC2\xB0"
                      "C");  // UTF-8 degree sign
  ASSERT_TRUE(q.ok()) << q.status();

  for (const auto& [number, unit] :
       std::vector<std::pair<std::string, std::string>>{
           {"abc", "bcm"}, {"", "bcm"}, {"1e5", "bcm"}, {"5.", "bcm"}}) {
    SCOPED_TRACE(number + " " + unit);
    absl::StatusOr<Value> bad = Value::Quantity(number, unit);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_TRUE(absl::StrContains(bad.status().message(), "number"))
        << bad.status();
  }
  for (const char* unit : {"", "bcm yr", "5bcm", "-bcm", ".bcm", "bcm\t"}) {
    SCOPED_TRACE(unit);
    absl::StatusOr<Value> bad = Value::Quantity("56", unit);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_TRUE(absl::StrContains(bad.status().message(), "unit"))
        << bad.status();
  }
}

// The number of a quantity is canonical like a decimal's, so that equal
// quantities are equal values (and one dictionary term). Integer numbers are
// currently kept as written: `056 bcm` != `56 bcm`, `-0 bcm` != `0 bcm`.
TEST(ValueTest, QuantityIntegerNumberIsCanonical) {
  EXPECT_EQ(Value::Quantity("056", "bcm")->text(), "56");
  EXPECT_EQ(*Value::Quantity("056", "bcm"), *Value::Quantity("56", "bcm"));
  EXPECT_EQ(*Value::Quantity("-0", "bcm"), *Value::Quantity("0", "bcm"));
  EXPECT_EQ(Value::Infer("056 bcm"), Value::Infer("56 bcm"));
}

// ---------------------------------------------------------------------------
// Parse

TEST(ValueParseTest, GoodInputOfEachKind) {
  struct Case {
    std::string text;
    ValueKind kind;
    Value want;
  };
  const std::vector<Case> cases = {
      {"Gazprom", ValueKind::kEntity, Value::Entity("Gazprom")},
      {"Power of Siberia 2", ValueKind::kEntity,
       Value::Entity("Power of Siberia 2")},
      {"56", ValueKind::kEntity, Value::Entity("56")},
      {"a string", ValueKind::kString, Value::String("a string")},
      {"", ValueKind::kString, Value::String("")},
      {"56", ValueKind::kString, Value::String("56")},
      {"56", ValueKind::kInteger, Value::Integer(56)},
      {"-3", ValueKind::kInteger, Value::Integer(-3)},
      {"0", ValueKind::kInteger, Value::Integer(0)},
      {"007", ValueKind::kInteger, Value::Integer(7)},
      {"9223372036854775807", ValueKind::kInteger, Value::Integer(INT64_MAX)},
      {"-9223372036854775808", ValueKind::kInteger, Value::Integer(INT64_MIN)},
      {"0.50", ValueKind::kDecimal, *Value::Decimal("0.5")},
      {"-2.25", ValueKind::kDecimal, *Value::Decimal("-2.25")},
      {"3", ValueKind::kDecimal, *Value::Decimal("3.0")},
      {"true", ValueKind::kBoolean, Value::Boolean(true)},
      {"false", ValueKind::kBoolean, Value::Boolean(false)},
      {"2025-09-02", ValueKind::kDate, Value::Date(Day("2025-09-02"))},
      {"2025", ValueKind::kDate, Value::Date(Day("2025"))},
      {"-431", ValueKind::kDate, Value::Date(Day("-431"))},
      {"2025-09-02T10:00:00Z", ValueKind::kDate,
       Value::Date(Day("2025-09-02T10:00:00Z"))},
      {"56 bcm/yr", ValueKind::kQuantity, *Value::Quantity("56", "bcm/yr")},
      {"0.50 percent", ValueKind::kQuantity,
       *Value::Quantity("0.5", "percent")},
      {"-1.5 degC", ValueKind::kQuantity, *Value::Quantity("-1.5", "degC")},
      {"#c42", ValueKind::kClaim, Value::Claim(42)},
      {"#c0", ValueKind::kClaim, Value::Claim(0)},
      {"#c18446744073709551615", ValueKind::kClaim, Value::Claim(UINT64_MAX)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text + " as " + std::string(ValueKindName(c.kind)));
    absl::StatusOr<Value> v = Value::Parse(c.text, c.kind);
    ASSERT_TRUE(v.ok()) << v.status();
    EXPECT_EQ(v->kind(), c.kind);
    EXPECT_EQ(*v, c.want);
  }
}

// The brief of Value::Parse: InvalidArgument naming the kind on failure.
TEST(ValueParseTest, BadInputNamesTheKind) {
  struct Case {
    std::string text;
    ValueKind kind;
  };
  const std::vector<Case> cases = {
      {"", ValueKind::kEntity},
      {"", ValueKind::kInteger},
      {"abc", ValueKind::kInteger},
      {"5.0", ValueKind::kInteger},
      {"+5", ValueKind::kInteger},
      {"1e5", ValueKind::kInteger},
      {"5 ", ValueKind::kInteger},
      {"9223372036854775808", ValueKind::kInteger},   // overflow
      {"-9223372036854775809", ValueKind::kInteger},  // underflow
      {"", ValueKind::kDecimal},
      {"abc", ValueKind::kDecimal},
      {"1e5", ValueKind::kDecimal},
      {".5", ValueKind::kDecimal},
      {"True", ValueKind::kBoolean},
      {"yes", ValueKind::kBoolean},
      {"1", ValueKind::kBoolean},
      {"", ValueKind::kBoolean},
      {"56", ValueKind::kQuantity},
      {"56bcm", ValueKind::kQuantity},
      {"", ValueKind::kQuantity},
      {"c42", ValueKind::kClaim},
      {"#c", ValueKind::kClaim},
      {"#c-1", ValueKind::kClaim},
      {"#c+1", ValueKind::kClaim},
      {"#cx", ValueKind::kClaim},
      {"#c42x", ValueKind::kClaim},
      {"#C42", ValueKind::kClaim},
      {"42", ValueKind::kClaim},
      {"#c18446744073709551616", ValueKind::kClaim},  // overflow
  };
  for (const Case& c : cases) {
    std::string kind(ValueKindName(c.kind));
    SCOPED_TRACE("'" + c.text + "' as " + kind);
    absl::StatusOr<Value> v = Value::Parse(c.text, c.kind);
    ASSERT_FALSE(v.ok()) << v->ToString();
    EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_TRUE(absl::StrContains(v.status().message(), kind)) << v.status();
  }
}

// Bad quantities and dates: the message should name the kind as the header
// promises. A bad number or unit inside a quantity and a bad date currently
// report "not a number" / "not a unit" / "invalid time" without the kind.
TEST(ValueParseTest, BadQuantityAndDateNameTheKind) {
  struct Case {
    std::string text;
    ValueKind kind;
  };
  const std::vector<Case> cases = {
      {"abc bcm/yr", ValueKind::kQuantity}, {"56 5bcm", ValueKind::kQuantity},
      {"56  bcm", ValueKind::kQuantity},    {"2025-13-01", ValueKind::kDate},
      {"yesterday", ValueKind::kDate},
  };
  for (const Case& c : cases) {
    std::string kind(ValueKindName(c.kind));
    SCOPED_TRACE("'" + c.text + "' as " + kind);
    absl::StatusOr<Value> v = Value::Parse(c.text, c.kind);
    ASSERT_FALSE(v.ok()) << v->ToString();
    EXPECT_EQ(v.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_TRUE(absl::StrContains(v.status().message(), kind)) << v.status();
  }
}

TEST(ValueParseTest, ToStringParsesBack) {
  const std::vector<Value> values = {
      Value::Integer(56),       Value::Integer(-3),
      *Value::Decimal("0.5"),   Value::Boolean(true),
      Value::Boolean(false),    Value::Date(Day("2025-09-02")),
      Value::Date(Day("-431")), *Value::Quantity("56", "bcm/yr"),
      Value::Claim(42),         Value::Entity("Gazprom"),
  };
  for (const Value& v : values) {
    SCOPED_TRACE(v.ToString());
    absl::StatusOr<Value> back = Value::Parse(v.ToString(), v.kind());
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(*back, v);
  }
}

// ---------------------------------------------------------------------------
// Infer

TEST(ValueInferTest, BareFields) {
  struct Case {
    std::string text;
    Value want;
  };
  const std::vector<Case> cases = {
      {"56", Value::Integer(56)},
      {"-3", Value::Integer(-3)},
      {"0", Value::Integer(0)},
      {"0.50", *Value::Decimal("0.5")},
      {"-1.25", *Value::Decimal("-1.25")},
      {"56 bcm/yr", *Value::Quantity("56", "bcm/yr")},
      {"0.50 percent", *Value::Quantity("0.5", "percent")},
      {"#c42", Value::Claim(42)},
      {"Gazprom", Value::Entity("Gazprom")},
      {"Power of Siberia 2", Value::Entity("Power of Siberia 2")},
      {"E100", Value::Entity("E100")},
      {"56bcm", Value::Entity("56bcm")},
      {"1e5", Value::Entity("1e5")},
      {".5", Value::Entity(".5")},
      {"5.", Value::Entity("5.")},
      {"-", Value::Entity("-")},
      {"+5", Value::Entity("+5")},
      {"56 ", Value::Entity("56 ")},              // no unit
      {"56 bcm yr", Value::Entity("56 bcm yr")},  // unit with a space
      {"#c", Value::Entity("#c")},
      {"#cx", Value::Entity("#cx")},
      {"#c-1", Value::Entity("#c-1")},
      {"true", Value::Entity("true")},              // never inferred
      {"2025-09-02", Value::Entity("2025-09-02")},  // never inferred
      {"", Value::Entity("")},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("'" + c.text + "'");
    Value v = Value::Infer(c.text);
    EXPECT_EQ(v.kind(), c.want.kind()) << ValueKindName(v.kind());
    EXPECT_EQ(v, c.want) << v.ToString();
  }
  EXPECT_EQ(Value::Infer("0.50").ToString(), "0.5");
}

// ---------------------------------------------------------------------------
// ToString

TEST(ValueToStringTest, EachKind) {
  EXPECT_EQ(Value::Entity("Gazprom").ToString(), "Gazprom");
  EXPECT_EQ(Value::Entity("Power of Siberia 2").ToString(),
            "Power of Siberia 2");
  EXPECT_EQ(Value::String("a string").ToString(), "\"a string\"");
  EXPECT_EQ(Value::Integer(56).ToString(), "56");
  EXPECT_EQ(Value::Integer(INT64_MIN).ToString(), "-9223372036854775808");
  EXPECT_EQ(Value::Decimal("0.50")->ToString(), "0.5");
  EXPECT_EQ(Value::Boolean(true).ToString(), "true");
  EXPECT_EQ(Value::Boolean(false).ToString(), "false");
  EXPECT_EQ(Value::Date(Day("2025-09-02")).ToString(), "2025-09-02");
  EXPECT_EQ(Value::Date(Day("2025-09")).ToString(), "2025-09");
  EXPECT_EQ(Value::Date(Day("2025-09-02T10:00:00Z")).ToString(),
            "2025-09-02T10:00:00Z");
  EXPECT_EQ(Value::Quantity("56", "bcm/yr")->ToString(), "56 bcm/yr");
  EXPECT_EQ(Value::Claim(42).ToString(), "#c42");
}

// ---------------------------------------------------------------------------
// ValueKindName / ParseValueKind

TEST(ValueKindTest, NamesRoundTrip) {
  for (ValueKind kind : kAllKinds) {
    std::string name(ValueKindName(kind));
    SCOPED_TRACE(name);
    absl::StatusOr<ValueKind> back = ParseValueKind(name);
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(*back, kind);
  }
  EXPECT_EQ(ValueKindName(ValueKind::kClaim), "claim");
  EXPECT_EQ(ValueKindName(ValueKind::kEntity), "entity");
  EXPECT_EQ(ValueKindName(ValueKind::kString), "string");
  EXPECT_EQ(ValueKindName(ValueKind::kInteger), "integer");
  EXPECT_EQ(ValueKindName(ValueKind::kDecimal), "decimal");
  EXPECT_EQ(ValueKindName(ValueKind::kBoolean), "boolean");
  EXPECT_EQ(ValueKindName(ValueKind::kDate), "date");
  EXPECT_EQ(ValueKindName(ValueKind::kQuantity), "quantity");
}

TEST(ValueKindTest, ParseIsCaseInsensitiveAndRejectsUnknown) {
  EXPECT_EQ(*ParseValueKind("INTEGER"), ValueKind::kInteger);
  EXPECT_EQ(*ParseValueKind("Quantity"), ValueKind::kQuantity);
  for (const char* bad : {"", "int", "number", "entities", " entity", "text"}) {
    SCOPED_TRACE(bad);
    absl::StatusOr<ValueKind> k = ParseValueKind(bad);
    ASSERT_FALSE(k.ok());
    EXPECT_EQ(k.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_TRUE(absl::StrContains(k.status().message(), "expected"))
        << k.status();
  }
}

TEST(ValueKindTest, OnDiskValues) {
  EXPECT_EQ(static_cast<int>(ValueKind::kClaim), 0);
  EXPECT_EQ(static_cast<int>(ValueKind::kEntity), 1);
  EXPECT_EQ(static_cast<int>(ValueKind::kString), 2);
  EXPECT_EQ(static_cast<int>(ValueKind::kInteger), 3);
  EXPECT_EQ(static_cast<int>(ValueKind::kDecimal), 4);
  EXPECT_EQ(static_cast<int>(ValueKind::kBoolean), 5);
  EXPECT_EQ(static_cast<int>(ValueKind::kDate), 6);
  EXPECT_EQ(static_cast<int>(ValueKind::kQuantity), 7);
}

}  // namespace
}  // namespace annals
