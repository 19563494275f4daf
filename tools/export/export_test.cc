// `annals export` through its library (tools/export/export_writer.h): the
// round trip load -> export -> load into a fresh store -> export on every
// shipped dataset, in both formats (the same bytes, the same claims), values
// that need escaping or an object_type, --as-of, and a query's claims.
#include <algorithm>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "annals/database.h"
#include "gtest/gtest.h"
#include "tests/support/claim_input.h"
#include "tools/export/export_fields.h"
#include "tools/export/export_test_util.h"
#include "tools/export/export_writer.h"

namespace annals::exporter {
namespace {

namespace fs = std::filesystem;
using test_util::ClaimsOf;
using test_util::ExportText;
using test_util::ReadFile;
using test_util::TempDir;
using test_util::WriteFile;

std::string Extension(ExportFormat format) {
  return std::string(ExportExtension(format));
}

constexpr ExportFormat kFormats[] = {ExportFormat::kTsv, ExportFormat::kCsv,
                                     ExportFormat::kJsonl};

// Opens a fresh store `name` in `dir`, with `schema` if not empty, and
// loads `file` into it.
Database LoadFresh(const TempDir& dir, const std::string& name,
                   const std::string& file, const std::string& schema = "") {
  auto db = Database::Open(dir.Join(name));
  EXPECT_TRUE(db.ok()) << db.status();
  if (!schema.empty()) {
    auto set = db->SetSchema(schema);
    EXPECT_TRUE(set.ok()) << set.status();
  }
  LoadOptions quiet;
  auto loaded = db->Load({file}, quiet);
  EXPECT_TRUE(loaded.ok()) << file << ": " << loaded.status();
  return *std::move(db);
}

// Exports `db`, loads the export into a fresh store (with `schema`),
// exports that, and checks that the two exports are the same bytes and the
// two stores hold the same claims.
void ExpectRoundTrip(Database& db, const TempDir& dir, const std::string& tag,
                     ExportFormat format, const std::string& schema = "") {
  SCOPED_TRACE(tag + Extension(format));
  const std::string first = ExportText(db, format);
  const std::string file = dir.Join(tag + Extension(format));
  WriteFile(file, first);
  Database copy =
      LoadFresh(dir, tag + "_copy" + Extension(format), file, schema);
  EXPECT_EQ(ExportText(copy, format), first);
  EXPECT_EQ(ClaimsOf(copy), ClaimsOf(db));
}

class DatasetRoundTrip : public testing::TestWithParam<std::string> {};

TEST_P(DatasetRoundTrip, SameBytesAndSameClaimsInEachFormat) {
  const fs::path dataset =
      fs::path(ANNALS_SOURCE_DIR) / "datasets" / GetParam();
  std::string schema;
  for (const auto& entry : fs::directory_iterator(dataset)) {
    if (entry.path().extension() == ".schema") {
      schema = ReadFile(entry.path().string());
    }
  }
  TempDir dir;
  Database db =
      LoadFresh(dir, "original", (dataset / "claims.tsv").string(), schema);
  ASSERT_FALSE(ClaimsOf(db).empty());
  for (ExportFormat format : kFormats) {
    ExpectRoundTrip(db, dir, GetParam(), format, schema);
  }
}

// Every folder of datasets/ with a claims.tsv.
std::vector<std::string> ShippedDatasets() {
  std::vector<std::string> names;
  for (const auto& entry :
       fs::directory_iterator(fs::path(ANNALS_SOURCE_DIR) / "datasets")) {
    if (fs::exists(entry.path() / "claims.tsv")) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Shipped, DatasetRoundTrip,
                         testing::ValuesIn(ShippedDatasets()));

TEST(ExportRoundTrip, ShipsTheThreeDatasets) {
  std::vector<std::string> names = ShippedDatasets();
  for (const char* name : {"journeys", "temporal", "tiny"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
  }
}

TimePoint T(const char* text) { return *TimePoint::Parse(text); }

// test::Input, recorded at a fixed time (exports print it).
ClaimInput FixedInput(Value subject, std::string predicate, Value object) {
  ClaimInput c =
      test::Input(std::move(subject), std::move(predicate), std::move(object));
  c.recorded = T("2026-01-02T03:04:05Z");
  return c;
}

// Values a plain field would lose or change: separators, line breaks,
// quotes, backslashes, unicode, blanks at the ends, and texts that read as
// another kind (numbers, dates, booleans, quantities, claim ids).
std::vector<ClaimInput> HostileClaims() {
  std::vector<ClaimInput> claims;
  auto add = [&](Value s, std::string p, Value o) {
    claims.push_back(FixedInput(std::move(s), std::move(p), std::move(o)));
    return &claims.back();
  };
  const Value e = Value::Entity("Gazprom");
  add(e, "note", Value::String("tab\there"));
  add(e, "note", Value::String("two\nlines\r\nand a CR\r"));
  add(e, "note", Value::String("\"quoted\", 'single' and \\backslash\\ \\t"));
  add(e, "note", Value::String("  leading and trailing  "));
  add(e, "note", Value::String("Газпром — 天然气 ✓ 🚀"));
  add(e, "note", Value::String("56"));
  add(e, "note", Value::String("-0.5"));
  add(e, "note", Value::String("2025-09-02"));
  add(e, "note", Value::String("true"));
  add(e, "note", Value::String("56 bcm/yr"));
  add(e, "note", Value::String("#c1"));
  add(e, "note", Value::String("{\"json\": [1, 2]}"));
  add(e, "note", Value::String("#escapes=backslash"));
  add(e, "note", Value::String("control \x01\x1f\x7f"));
  add(e, "note", Value::String(""));
  add(e, "note", Value::String("   "));
  add(e, "named", Value::Entity(" "));
  add(e, "named", Value::Entity("#c1"));
  add(e, "named", Value::Entity("56"));
  add(e, "named", Value::Entity("0.5"));
  add(e, "named", Value::Entity("2025-09-02"));
  add(e, "named", Value::Entity("-431"));
  add(e, "named", Value::Entity("12 apostles"));
  add(e, "named", Value::Entity("true"));
  add(e, "named", Value::Entity(" spaced entity "));
  add(e, "named", Value::Entity("tab\tentity\nwith break"));
  add(e, "named", Value::Entity("Zürich \"HQ\""));
  add(e, "count", Value::Integer(56));
  add(e, "count", Value::Integer(-9223372036854775807 - 1));
  add(e, "ratio", *Value::Decimal("0.5"));
  add(e, "ratio", *Value::Decimal("1.0"));
  add(e, "ratio", *Value::Decimal("-12345678901234567890.000000000001"));
  add(e, "flag", Value::Boolean(true));
  add(e, "flag", Value::Boolean(false));
  add(e, "since", Value::Date(T("1989")));
  add(e, "since", Value::Date(T("1989-08")));
  add(e, "since", Value::Date(T("1989-08-01")));
  add(e, "since", Value::Date(T("1989-08-01T10:00:00Z")));
  add(e, "since", Value::Date(T("-431")));
  add(e, "capacity", *Value::Quantity("56", "bcm/yr"));
  add(e, "capacity", *Value::Quantity("0.20", "bcm/day"));
  add(e, "capacity", *Value::Quantity("-3", "percent"));
  add(Value::Entity("56"), "is", Value::Entity("a number-looking subject"));
  add(Value::Entity("2025"), "is", Value::Entity("a date-looking subject"));
  add(Value::Entity("sub\tject\n"), "predi\tcate\n", Value::Entity("x"));
  ClaimInput* full = add(Value::Entity("Alexey Miller"), "said",
                         Value::String("all provenance"));
  full->valid = {T("2019-12-02"), T("2025-09")};
  full->source = "https://example.org/a?b=c\td\nline \"two\" \\ 😀";
  full->by = "Miller, A. \"the\" CEO";
  full->confidence = 0.123456789012345;
  full->recorded = T("2025");
  ClaimInput* times = add(e, "window", Value::Entity("open start"));
  times->valid = {std::nullopt, T("2025-09-02T10:00:00Z")};
  times->confidence = 0.1;
  times = add(e, "window", Value::Entity("year to year"));
  times->valid = {T("2025"), T("2025")};
  times->confidence = 0;
  times = add(e, "window", Value::Entity("negative"));
  times->valid = {T("-431"), std::nullopt};
  times->recorded = T("2026-11");
  return claims;
}

class ExportHostileValuesTest : public testing::TestWithParam<ExportFormat> {};

TEST_P(ExportHostileValuesTest, ComeBackAsTheyWere) {
  TempDir dir;
  auto db = Database::Open(dir.Join("original"));
  ASSERT_TRUE(db.ok()) << db.status();
  for (const ClaimInput& c : HostileClaims()) {
    auto id = db->Assert(c);
    ASSERT_TRUE(id.ok()) << c.predicate << ": " << id.status();
  }
  const std::string text = ExportText(*db, GetParam());
  if (GetParam() == ExportFormat::kTsv) {
    EXPECT_TRUE(absl::StartsWith(text, "#escapes=backslash\nsubject\t"));
  }
  ExpectRoundTrip(*db, dir, "hostile", GetParam());
  // Every claim came back, each with its kind.
  EXPECT_EQ(ClaimsOf(*db).size(), HostileClaims().size());
}

INSTANTIATE_TEST_SUITE_P(EachFormat, ExportHostileValuesTest,
                         testing::ValuesIn(kFormats), [](const auto& info) {
                           return Extension(info.param).substr(1);
                         });

TEST(ExportTsv, PlainUnlessAFieldNeedsEscapes) {
  TempDir dir;
  auto db = Database::Open(dir.Join("store"));
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(
      db->Assert(FixedInput(Value::Entity("a\\b"), "p", Value::String("c\\t")))
          .ok());
  const std::string text = ExportText(*db, ExportFormat::kTsv);
  EXPECT_EQ(text,
            "subject\tpredicate\tobject\tobject_type\tvalid_from\tvalid_to\t"
            "recorded_at\tsource\tby\tconfidence\n"
            "a\\b\tp\tc\\t\tstring\t\t\t2026-01-02T03:04:05Z\t\t\t\n");
  ExpectRoundTrip(*db, dir, "plain", ExportFormat::kTsv);
}

TEST(ExportCsv, Rfc4180RecordsWithCrlf) {
  TempDir dir;
  auto db = Database::Open(dir.Join("store"));
  ASSERT_TRUE(db.ok());
  ClaimInput quoted = FixedInput(Value::Entity("Gazprom, PJSC"), "said",
                                 Value::String("\"no\" deal\nyet"));
  quoted.source = "plain source";
  quoted.confidence = 0.5;
  ASSERT_TRUE(db->Assert(quoted).ok());
  ASSERT_TRUE(
      db->Assert(FixedInput(Value::Entity("a"), "p", Value::Integer(56))).ok());
  EXPECT_EQ(ExportText(*db, ExportFormat::kCsv),
            "subject,predicate,object,object_type,valid_from,valid_to,"
            "recorded_at,source,by,confidence\r\n"
            "\"Gazprom, PJSC\",said,\"\"\"no\"\" deal\nyet\",string,,,"
            "2026-01-02T03:04:05Z,plain source,,0.5\r\n"
            "a,p,56,,,,2026-01-02T03:04:05Z,,,\r\n");
  ExpectRoundTrip(*db, dir, "csv", ExportFormat::kCsv);
}

TEST(ExportFormatNames, ByNameAndByExtension) {
  EXPECT_EQ(*ParseExportFormat("CSV"), ExportFormat::kCsv);
  EXPECT_EQ(*ParseExportFormat("tsv"), ExportFormat::kTsv);
  EXPECT_EQ(*ParseExportFormat("jsonl"), ExportFormat::kJsonl);
  EXPECT_FALSE(ParseExportFormat("xlsx").ok());
  EXPECT_FALSE(ParseExportFormat("").ok());
  // As `annals load` tells a file's format.
  for (const char* path : {"a.tsv", "dir.d/a.TXT", "a.b.tsv"}) {
    EXPECT_EQ(*ExportFormatOfPath(path), ExportFormat::kTsv) << path;
  }
  EXPECT_EQ(*ExportFormatOfPath("out/claims.Csv"), ExportFormat::kCsv);
  for (const char* path : {"a.jsonl", "a.ndjson", "a.json"}) {
    EXPECT_EQ(*ExportFormatOfPath(path), ExportFormat::kJsonl) << path;
  }
  for (const char* path :
       {"a.xlsx", "claims", "dir.d/claims", ".csv/x", "a.", "/tmp/.tsv"}) {
    auto f = ExportFormatOfPath(path);
    EXPECT_FALSE(f.ok()) << path;
    EXPECT_TRUE(absl::StrContains(f.status().message(), "--format=")) << path;
  }
}

TEST(ExportTsv, CountsWhatALoadWouldNotGiveBack) {
  TempDir dir;
  auto db = Database::Open(dir.Join("store"));
  ASSERT_TRUE(db.ok());
  ClaimInput first = FixedInput(Value::Entity("a"), "p", Value::Entity("b"));
  ASSERT_TRUE(db->Assert(first).ok());
  first.confidence = 0.5;  // the same claim: Assert adds nothing
  auto again = db->Assert(first);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 1u);
  ASSERT_TRUE(db->Assert(FixedInput(Value::Claim(1), "confirmed_by",
                                    Value::Entity("c")))
                  .ok());
  ASSERT_TRUE(db->Assert(FixedInput(Value::Entity("bad \xC3("), "p",
                                    Value::Entity("d")))
                  .ok());
  auto claims = SelectClaims(*db, ExportOptions());
  ASSERT_TRUE(claims.ok());
  // A store written before Assert skipped equal claims may hold one that
  // differs only in confidence: a load would keep just the first.
  Claim older = (*claims)[0];
  older.id = 99;
  older.confidence = 0.5;
  claims->push_back(older);
  std::ostringstream out;
  ExportResult result = WriteClaims(*claims, ExportFormat::kTsv, &out);
  EXPECT_EQ(result.claims, 4);
  EXPECT_EQ(result.duplicates, 1);
  EXPECT_EQ(result.claim_references, 1);
  EXPECT_EQ(result.invalid_utf8, 1);
  EXPECT_EQ(result.first_invalid_utf8, 3u);
  EXPECT_FALSE(result.escaped);
}

TEST(ExportFields, ObjectTypeOnlyWhereTheLoaderWouldGuessWrong) {
  std::string text, type;
  ObjectField(Value::Entity("Gazprom"), &text, &type);
  EXPECT_EQ(text, "Gazprom");
  EXPECT_EQ(type, "");
  ObjectField(Value::Integer(56), &text, &type);
  EXPECT_EQ(text + "|" + type, "56|");
  ObjectField(*Value::Quantity("56", "bcm/yr"), &text, &type);
  EXPECT_EQ(text + "|" + type, "56 bcm/yr|");
  ObjectField(*Value::Decimal("0.5"), &text, &type);
  EXPECT_EQ(text + "|" + type, "0.5|");
  ObjectField(*Value::Decimal("2"), &text, &type);  // canonical: 2.0
  EXPECT_EQ(text + "|" + type, "2.0|");
  ObjectField(Value::Entity("56"), &text, &type);
  EXPECT_EQ(text + "|" + type, "56|entity");
  ObjectField(Value::String("Gazprom"), &text, &type);
  EXPECT_EQ(text + "|" + type, "Gazprom|string");
  ObjectField(Value::Date(T("2025-09")), &text, &type);
  EXPECT_EQ(text + "|" + type, "2025-09|date");
  ObjectField(Value::Boolean(false), &text, &type);
  EXPECT_EQ(text + "|" + type, "false|boolean");
  EXPECT_EQ(ShortestDouble(0.9), "0.9");
  EXPECT_EQ(ShortestDouble(0.1 + 0.2), "0.30000000000000004");
}

// Claims recorded in 2020 and 2022; the first retracted (now).
class ExportAsOfTest : public testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.Join("store"));
    ASSERT_TRUE(db.ok());
    db_.emplace(*std::move(db));
    ClaimInput early = FixedInput(Value::Entity("Russia"), "flow",
                                  *Value::Quantity("48", "bcm/yr"));
    early.recorded = T("2020-03-01");
    early.valid = {T("2019-12-02"), std::nullopt};
    auto early_id = db_->Assert(early);
    ASSERT_TRUE(early_id.ok());
    ClaimInput late = FixedInput(Value::Entity("Russia"), "flow",
                                 *Value::Quantity("56", "bcm/yr"));
    late.recorded = T("2022-06-01");
    late.valid = {T("2025-09-02"), std::nullopt};
    ASSERT_TRUE(db_->Assert(late).ok());
    ASSERT_TRUE(db_->Retract(*early_id).ok());
  }
  std::vector<std::string> Objects(std::optional<TimePoint> as_of) {
    ExportOptions options;
    options.as_of = as_of;
    auto claims = SelectClaims(*db_, options);
    EXPECT_TRUE(claims.ok()) << claims.status();
    std::vector<std::string> objects;
    for (const Claim& c : *claims) objects.push_back(c.object.ToString());
    return objects;
  }
  TempDir dir_;
  std::optional<Database> db_;
};

TEST_F(ExportAsOfTest, RecordedLaterLeftOutRetractedLaterKept) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Objects(T("2019")), V{});
  EXPECT_EQ(Objects(T("2020-03-01")), V{"48 bcm/yr"});  // the end of that day
  EXPECT_EQ(Objects(T("2021")), V{"48 bcm/yr"});
  EXPECT_EQ(Objects(T("2022-06")), (V{"48 bcm/yr", "56 bcm/yr"}));
  EXPECT_EQ(Objects(std::nullopt), V{"56 bcm/yr"});  // now: retracted hidden
}

TEST_F(ExportAsOfTest, ExportOfThenLoadsAsTheStoreWasThen) {
  ExportOptions then;
  then.as_of = T("2022-12-31");
  const std::string text = ExportText(*db_, then);
  WriteFile(dir_.Join("then.tsv"), text);
  Database copy = LoadFresh(dir_, "copy", dir_.Join("then.tsv"));
  TimeView view = TimeView::AllTime();
  view.as_of = T("2022-12-31").SpanEnd() - 1;
  EXPECT_EQ(ClaimsOf(copy), ClaimsOf(*db_, view));
  EXPECT_EQ(ClaimsOf(copy).size(), 2u);
}

TEST_F(ExportAsOfTest, QueryExportsTheClaimsItsRowsName) {
  ExportOptions options;
  options.query = "FIND ?c WHERE ?c: Russia flow ?q AS OF 2021";
  auto claims = SelectClaims(*db_, options);
  ASSERT_TRUE(claims.ok()) << claims.status();
  ASSERT_EQ(claims->size(), 1u);
  EXPECT_EQ((*claims)[0].object.ToString(), "48 bcm/yr");

  options.query = "FIND ?q WHERE Russia flow ?q";
  EXPECT_TRUE(absl::StrContains(SelectClaims(*db_, options).status().message(),
                                "name no claims"));
  options.query = "FIND ?c WHERE ?c: Russia flow ?q";
  options.as_of = T("2021");
  EXPECT_EQ(SelectClaims(*db_, options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace annals::exporter
