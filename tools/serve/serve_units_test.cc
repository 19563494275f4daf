// Unit tests of the pieces of `annals serve` that need no server: the
// token check, the read-or-write judgement of statements, values as JSON
// and parameters from JSON, error statuses and places, and the options.
#include <limits>
#include <string>

#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"
#include "tools/serve/auth.h"
#include "tools/serve/http_errors.h"
#include "tools/serve/json_values.h"
#include "tools/serve/serve_options.h"
#include "tools/serve/statement_kind.h"

namespace annals::serve {
namespace {

TEST(AuthTest, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abd", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("ab", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abcabc", "abc"));  // cycling is no match
  EXPECT_FALSE(ConstantTimeEquals("", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", ""));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

TEST(AuthTest, CheckWrite) {
  EXPECT_TRUE(CheckWrite("Bearer tok", "tok", false).ok());
  EXPECT_TRUE(CheckWrite("bearer  tok ", "tok", false).ok());
  EXPECT_EQ(CheckWrite("Bearer tok", "tok", true).code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(CheckWrite("Bearer tok", "", false).code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(CheckWrite("", "tok", false).code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(CheckWrite("Bearer", "tok", false).code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(CheckWrite("Basic tok", "tok", false).code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(CheckWrite("Bearer tok2", "tok", false).code(),
            absl::StatusCode::kUnauthenticated);
}

TEST(StatementKindTest, ReadsAndEverythingElse) {
  EXPECT_TRUE(IsReadStatement("FIND ?x WHERE a b ?x"));
  EXPECT_TRUE(IsReadStatement("  find ?x WHERE a b ?x"));
  EXPECT_TRUE(IsReadStatement("-- note\n\tHISTORY Russia"));
  EXPECT_TRUE(IsReadStatement("EXPLAIN ASSERT a b c"));
  EXPECT_TRUE(IsReadStatement("path a TO b"));
  EXPECT_TRUE(IsReadStatement("DIFF AS OF 2025 AND 2026"));
  EXPECT_FALSE(IsReadStatement("ASSERT a b c"));
  EXPECT_FALSE(IsReadStatement("-- FIND\nRETRACT #c1"));
  EXPECT_FALSE(IsReadStatement("retract #c1"));
  EXPECT_FALSE(IsReadStatement("FINDx"));
  EXPECT_FALSE(IsReadStatement("FIND_ME"));
  EXPECT_FALSE(IsReadStatement(""));
  EXPECT_FALSE(
      IsReadStatement("\xEF\xBB\xBF"
                      "ASSERT a b c"));  // a BOM
  EXPECT_FALSE(
      IsReadStatement("\xEF\xBB\xBF"
                      "FIND ?x WHERE a b ?x"));
}

TEST(JsonValuesTest, Values) {
  EXPECT_EQ(ValueJson(Value::Integer(-7)), Json(-7));
  EXPECT_EQ(ValueJson(*Value::Decimal("1.50")), Json(1.5));
  EXPECT_EQ(ValueJson(Value::Boolean(false)), Json(false));
  EXPECT_EQ(ValueJson(Value::String("<b>")), Json("<b>"));
  EXPECT_EQ(ValueJson(Value::Entity("Gazprom")),
            (Json{{"type", "entity"}, {"text", "Gazprom"}}));
  EXPECT_EQ(ValueJson(Value::Claim(42)),
            (Json{{"type", "claim"}, {"text", "#c42"}, {"id", 42}}));
  EXPECT_EQ(ValueJson(*Value::Quantity("56", "bcm/yr")),
            (Json{{"type", "quantity"},
                  {"text", "56 bcm/yr"},
                  {"value", 56.0},
                  {"unit", "bcm/yr"}}));
  const Json year = ValueJson(Value::Date(*TimePoint::Parse("2025")));
  EXPECT_EQ(year["precision"], "year");
  EXPECT_EQ(year["start"], 1735689600);  // 2025-01-01
  EXPECT_EQ(year["end"], 1767225600);    // 2026-01-01
  const Json old = TimeJson(*TimePoint::Parse("-431"));
  EXPECT_EQ(old["text"], "-0431");
  EXPECT_LT(old["start"].get<int64_t>(), 0);
  Interval half;
  half.from = *TimePoint::Parse("2025-09-02");
  const Json i = IntervalJson(half);
  EXPECT_EQ(i["from"]["text"], "2025-09-02");
  EXPECT_TRUE(i["to"].is_null());
  EXPECT_EQ(CellJson(Cell()), Json(nullptr));
}

TEST(JsonValuesTest, Params) {
  EXPECT_EQ(*ParamValue("n", Json(5)), Value::Integer(5));
  EXPECT_EQ(*ParamValue("b", Json(true)), Value::Boolean(true));
  EXPECT_EQ(*ParamValue("d", Json(0.25)), *Value::Decimal("0.25"));
  EXPECT_EQ(*ParamValue("t", Json("2025-09-02")),
            Value::Date(*TimePoint::Parse("2025-09-02")));
  EXPECT_EQ(*ParamValue("s", Json("Russia")), Value::Entity("Russia"));
  EXPECT_EQ(*ParamValue("q", Json("56 bcm/yr")),
            *Value::Quantity("56", "bcm/yr"));
  EXPECT_EQ(*ParamValue("c", Json("#c7")), Value::Claim(7));
  EXPECT_EQ(*ParamValue("s", Json{{"type", "string"}, {"text", "Russia"}}),
            Value::String("Russia"));
  EXPECT_EQ(*ParamValue("y", Json{{"type", "time"}, {"text", "2025"}}),
            Value::Date(*TimePoint::Parse("2025")));
  EXPECT_FALSE(ParamValue("x", Json::array()).ok());
  EXPECT_FALSE(ParamValue("x", Json(nullptr)).ok());
  EXPECT_FALSE(ParamValue("x", Json{{"type", "planet"}, {"text", "x"}}).ok());
  EXPECT_FALSE(ParamValue("x", Json{{"type", "integer"}, {"text", "x"}}).ok());
  EXPECT_FALSE(ParamValue("x", Json{{"type", "integer"}}).ok());
}

TEST(HttpErrorsTest, Statuses) {
  EXPECT_EQ(HttpStatusFor(absl::InvalidArgumentError("x")), 400);
  EXPECT_EQ(HttpStatusFor(absl::UnauthenticatedError("x")), 401);
  EXPECT_EQ(HttpStatusFor(absl::PermissionDeniedError("x")), 403);
  EXPECT_EQ(HttpStatusFor(absl::NotFoundError("x")), 404);
  EXPECT_EQ(HttpStatusFor(absl::FailedPreconditionError("x")), 409);
  EXPECT_EQ(HttpStatusFor(absl::DeadlineExceededError("x")), 504);
  EXPECT_EQ(HttpStatusFor(absl::ResourceExhaustedError(
                "the result has more than 5 rows (QueryOptions::max_rows)")),
            422);
  EXPECT_EQ(HttpStatusFor(
                absl::ResourceExhaustedError("PATH visited more than 9 nodes "
                                             "(QueryOptions::max_path_nodes)")),
            422);
  EXPECT_EQ(HttpStatusFor(absl::ResourceExhaustedError("disk full")), 507);
  EXPECT_EQ(HttpStatusFor(absl::DataLossError("x")), 500);
  EXPECT_EQ(HttpStatusFor(absl::InternalError("x")), 500);
  EXPECT_EQ(HttpStatusFor(absl::CancelledError("x")), 503);
}

TEST(HttpErrorsTest, Places) {
  int line = 0, column = 0;
  std::string message;
  ASSERT_TRUE(SplitLocation("line 12, column 3: bad thing\n  text\n  ^", &line,
                            &column, &message));
  EXPECT_EQ(line, 12);
  EXPECT_EQ(column, 3);
  EXPECT_EQ(message, "bad thing");
  EXPECT_FALSE(SplitLocation("no place", &line, &column, &message));
  EXPECT_FALSE(SplitLocation("line x, column 3: y", &line, &column, &message));
  const Json e = ErrorJson(
      absl::DeadlineExceededError("query ran longer than its time limit (5 ms; "
                                  "QueryOptions::timeout_ms)"));
  EXPECT_EQ(e["error"]["limit"], "timeout_ms");
  EXPECT_EQ(e["error"]["code"], "DEADLINE_EXCEEDED");
  EXPECT_EQ(e["error"]["message"],
            "query ran longer than its time limit (5 ms; timeout_ms)");
  EXPECT_FALSE(e["error"].contains("line"));
}

TEST(ServeOptionsTest, Parse) {
  auto o = ParseServeOptions({"s.annals"}, {});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->host, "127.0.0.1");
  EXPECT_TRUE(o->Loopback());
  EXPECT_EQ(o->Url(8080), "http://127.0.0.1:8080");
  o = ParseServeOptions({"s"}, {{"host", "::1"},
                                {"port", "0"},
                                {"read-only", ""},
                                {"cors", "*"},
                                {"timeout", "500"},
                                {"max-rows", "10"},
                                {"max-body", "2k"},
                                {"threads", "4"}});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->Url(81), "http://[::1]:81");
  EXPECT_TRUE(o->Loopback());
  EXPECT_TRUE(o->read_only);
  EXPECT_EQ(o->cors_origin, "*");
  EXPECT_EQ(o->timeout_ms, 500);
  EXPECT_EQ(o->max_rows, 10);
  EXPECT_EQ(o->max_body_bytes, 2048);
  EXPECT_EQ(o->threads, 4);
  o = ParseServeOptions({"s"}, {{"host", "0.0.0.0"}});
  EXPECT_FALSE(o->Loopback());

  EXPECT_FALSE(ParseServeOptions({}, {}).ok());
  EXPECT_FALSE(ParseServeOptions({"a", "b"}, {}).ok());
  EXPECT_FALSE(ParseServeOptions({"s"}, {{"port", "-1"}}).ok());
  EXPECT_FALSE(ParseServeOptions({"s"}, {{"port", "x"}}).ok());
  EXPECT_EQ(ParseServeOptions({"s"}, {{"max-rows", "0"}})->max_rows,
            std::numeric_limits<int64_t>::max());  // no limit
  EXPECT_EQ(ParseServeOptions({"s"}, {{"timeout", "2s"}})->timeout_ms, 2000);
  EXPECT_FALSE(ParseServeOptions({"s"}, {{"timeout", "soon"}}).ok());
  EXPECT_FALSE(ParseServeOptions({"s"}, {{"max-rows", "-1"}}).ok());
  EXPECT_FALSE(ParseServeOptions({"s"}, {{"threads", "0"}}).ok());
  EXPECT_FALSE(ParseServeOptions({"s"}, {{"max-body", "12q"}}).ok());
  EXPECT_FALSE(ParseServeOptions({"s"}, {{"token", ""}}).ok());
  EXPECT_FALSE(ParseServeOptions({"s"}, {{"cors", ""}}).ok());
  auto unknown = ParseServeOptions({"s"}, {{"tokn", "x"}});
  EXPECT_EQ(unknown.status().message(),
            "unknown option --tokn; did you mean --token?");
}

TEST(ServeOptionsTest, TokenFile) {
  test::TempDir dir("annals_serve_opts");
  const std::string file = test::WriteFileIn(dir.path(), "t", "  abc \nxyz\n");
  auto o = ParseServeOptions({"s"}, {{"token-file", file}});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->token, "abc");
  const std::string empty = test::WriteFileIn(dir.path(), "e", "\n");
  EXPECT_FALSE(ParseServeOptions({"s"}, {{"token-file", empty}}).ok());
  EXPECT_FALSE(
      ParseServeOptions({"s"}, {{"token-file", dir.Join("none")}}).ok());
  EXPECT_FALSE(
      ParseServeOptions({"s"}, {{"token", "a"}, {"token-file", file}}).ok());
}

}  // namespace
}  // namespace annals::serve
