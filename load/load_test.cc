// Tests of Database::Load end to end: TSV, CSV and JSON Lines files with
// every column, typed objects and claim references; duplicates and reloads;
// every kind of bad row and bad header, each with its exact
// "file:line:column: reason" and a store left exactly as it was; skip_bad with
// its reject file, dry_run, missing files, and the batch and row every loaded
// claim records.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "annals/claim.h"
#include "annals/database.h"
#include "annals/options.h"
#include "annals/time.h"
#include "annals/value.h"
#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

std::string Msg(const absl::Status& s) { return std::string(s.message()); }

using test::ReadFile;

TimePoint DayPoint(int64_t y, int m, int d) {
  return TimePoint::FromCivil(y, m, d, 0, 0, 0, Precision::kDay);
}
TimePoint YearPoint(int64_t y) {
  return TimePoint::FromCivil(y, 1, 1, 0, 0, 0, Precision::kYear);
}

std::vector<ClaimId> Ids(const std::vector<Claim>& claims) {
  std::vector<ClaimId> ids;
  for (const Claim& c : claims) ids.push_back(c.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

// What a test compares to prove that a failed load changed nothing.
struct StoreState {
  int64_t claims = 0;
  int64_t terms = 0;
  int64_t batches = 0;
  std::map<std::string, int64_t> per_predicate;
  std::vector<ClaimId> visible;  // every claim, retracted included
  bool operator==(const StoreState& o) const {
    return claims == o.claims && terms == o.terms && batches == o.batches &&
           per_predicate == o.per_predicate && visible == o.visible;
  }
};

std::ostream& operator<<(std::ostream& os, const StoreState& s) {
  return os << "{claims " << s.claims << ", terms " << s.terms << ", batches "
            << s.batches << ", visible " << s.visible.size() << "}";
}

class LoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    temp_ = std::make_unique<test::TempDir>("annals_load_test");
    root_ = temp_->path();
    Options o;
    o.sync_writes = false;
    o.block_cache_bytes = 8 << 20;
    auto db = Database::Open(root_ + "/db", o);
    ASSERT_TRUE(db.ok()) << db.status();
    owned_ = std::make_unique<Database>(std::move(*db));
    db_ = owned_.get();
  }
  void TearDown() override {
    owned_.reset();
    temp_.reset();
  }

  std::string Write(const std::string& name, const std::string& content) {
    std::string path = root_ + "/" + name;
    EXPECT_TRUE(test::WriteFile(path, content)) << path;
    return path;
  }

  absl::StatusOr<LoadResult> Load(const std::vector<std::string>& files,
                                  LoadOptions options = LoadOptions()) {
    return db_->Load(files, options);
  }

  StoreState State() {
    StoreState s;
    auto stats = db_->Stats();
    EXPECT_TRUE(stats.ok()) << stats.status();
    if (stats.ok()) {
      s.claims = stats->claims;
      s.terms = stats->terms;
      s.batches = stats->batches;
      s.per_predicate = stats->claims_per_predicate;
    }
    TimeView all;
    all.include_retracted = true;
    auto found = db_->Find(ClaimPattern(), all);
    EXPECT_TRUE(found.ok()) << found.status();
    if (found.ok()) s.visible = Ids(*found);
    auto check = db_->Check();
    EXPECT_TRUE(check.ok()) << check.status();
    if (check.ok()) {
      EXPECT_TRUE(check->ok()) << check->problems.front();
    }
    return s;
  }

  std::vector<Claim> FindSubject(const std::string& name) {
    auto found = db_->Find({Value::Entity(name), std::nullopt, std::nullopt},
                           TimeView::AllTime());
    EXPECT_TRUE(found.ok()) << found.status();
    return found.ok() ? *found : std::vector<Claim>{};
  }

  Claim Get(ClaimId id) {
    auto c = db_->Get(id);
    EXPECT_TRUE(c.ok()) << c.status();
    return c.ok() ? *c : Claim();
  }

  // Loads a small file so that "unchanged" means something.
  void LoadBaseline() {
    std::string base = Write("baseline.tsv",
                             "subject\tpredicate\tobject\tvalid_from\n"
                             "Gazprom\tsigned\tmemo\t2025-09-02\n"
                             "Rosatom\tbuilds\tplant\t2020\n");
    auto r = Load({base});
    ASSERT_TRUE(r.ok()) << r.status();
    ASSERT_EQ(r->claims_added, 2);
  }

  std::unique_ptr<test::TempDir> temp_;  // null: the suite's (LoadErrorTest)
  std::string root_;
  std::unique_ptr<Database> owned_;
  Database* db_ = nullptr;
};

// ---- happy paths ----

TEST_F(LoadTest, TsvEveryColumnAndTypedObjects) {
  const std::string tsv =
      "subject\tpredicate\tobject\tvalid_from\tvalid_to\trecorded_at\tsource\t"
      "by\tconfidence\tobject_type\n"
      "Gazprom\tsigned\tPoS2 memorandum\t2025-09-02\t\t2025-09-03\t"
      "seed-article\tAlexey Miller\t0.9\t\n"
      "Power of Siberia 2\tcapacity\t56 bcm/yr\t2030\t\t\t\t\t\t\n"
      "Power of Siberia 2\tlength_km\t2600\t\t\t\t\t\t\t\n"
      "Power of Siberia 2\tshare\t0.5\t\t\t\t\t\t\t\n"
      "Power of Siberia 2\tstatus\tbinding\t2025-09\t2026\t\t\t\t\tstring\n"
      "Power of Siberia 2\tsigned_on\t2025-09-02\t\t\t\t\t\t\tdate\n"
      "Power of Siberia 2\tapproved\ttrue\t\t\t\t\t\t1\tboolean\n"
      "Power of Siberia 2\tstarts\t2025-09-02T10:00:00Z\t\t\t\t\t\t0\tdate\n"
      "Mongolia\ttransit_of\tPower of Siberia 2\t2019-12\t2025-09-02\t\t\t\t\t"
      "entity\n";
  std::string path = Write("facts.tsv", tsv);
  auto r = Load({path});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rows, 9);
  EXPECT_EQ(r->claims_added, 9);
  EXPECT_EQ(r->duplicates, 0);
  EXPECT_EQ(r->rejected, 0);
  EXPECT_EQ(r->first_claim, 1u);
  ASSERT_EQ(r->batches.size(), 1u);
  EXPECT_TRUE(r->reject_file.empty());
  EXPECT_GE(r->seconds, 0);

  Claim c = Get(1);
  EXPECT_EQ(c.subject, Value::Entity("Gazprom"));
  EXPECT_EQ(c.predicate, "signed");
  EXPECT_EQ(c.object, Value::Entity("PoS2 memorandum"));
  EXPECT_EQ(c.valid.from, DayPoint(2025, 9, 2));
  EXPECT_FALSE(c.valid.to.has_value());
  EXPECT_EQ(c.recorded, DayPoint(2025, 9, 3));
  EXPECT_EQ(c.source, "seed-article");
  EXPECT_EQ(c.by, "Alexey Miller");
  EXPECT_EQ(c.confidence, 0.9);  // kept exactly (millionths)
  EXPECT_EQ(c.batch, r->batches[0]);
  EXPECT_EQ(c.row, 2);

  c = Get(2);  // a quantity, optional columns absent
  EXPECT_EQ(c.object.kind(), ValueKind::kQuantity);
  EXPECT_EQ(c.object.text(), "56");
  EXPECT_EQ(c.object.unit(), "bcm/yr");
  EXPECT_EQ(c.valid.from, YearPoint(2030));
  EXPECT_EQ(c.source, "");
  EXPECT_EQ(c.by, "");
  EXPECT_EQ(c.confidence, 1.0);
  EXPECT_EQ(c.row, 3);
  // No recorded_at: the load's time.
  EXPECT_LE(std::abs(c.recorded.seconds - TimePoint::Now().seconds), 60);

  EXPECT_EQ(Get(3).object, Value::Integer(2600));
  auto half = Value::Decimal("0.5");
  ASSERT_TRUE(half.ok());
  EXPECT_EQ(Get(4).object, *half);
  c = Get(5);
  EXPECT_EQ(c.object, Value::String("binding"));
  EXPECT_EQ(c.valid.from,
            (TimePoint{DayPoint(2025, 9, 1).seconds, Precision::kMonth}));
  EXPECT_EQ(c.valid.to, YearPoint(2026));
  EXPECT_EQ(Get(6).object, Value::Date(DayPoint(2025, 9, 2)));
  EXPECT_EQ(Get(7).object, Value::Boolean(true));
  EXPECT_EQ(Get(7).confidence, 1.0);
  EXPECT_EQ(Get(8).object,
            Value::Date(TimePoint::FromCivil(2025, 9, 2, 10, 0, 0)));
  EXPECT_EQ(Get(8).confidence, 0.0);
  EXPECT_EQ(Get(9).object, Value::Entity("Power of Siberia 2"));

  // The loaded claims are found by every index.
  EXPECT_EQ(FindSubject("Power of Siberia 2").size(), 7u);
  auto by_object = db_->Find(
      {std::nullopt, std::nullopt, Value::Entity("Power of Siberia 2")},
      TimeView::AllTime());
  ASSERT_TRUE(by_object.ok());
  EXPECT_EQ(Ids(*by_object), std::vector<ClaimId>{9});
  auto by_predicate =
      db_->Find({std::nullopt, std::string("capacity"), std::nullopt},
                TimeView::AllTime());
  ASSERT_TRUE(by_predicate.ok());
  EXPECT_EQ(Ids(*by_predicate), std::vector<ClaimId>{2});
  StoreState s = State();
  EXPECT_EQ(s.claims, 9);
  EXPECT_EQ(s.batches, 1);
  EXPECT_EQ(s.per_predicate.at("signed"), 1);
}

// A file as YAGO11k and Wikidata12k write them: other column names, '#' for
// unknown digits. Every precision, open ends, short and negative years.
TEST_F(LoadTest, UnknownDigitsAndRenamedColumns) {
  const std::string path =
      Write("yago.tsv",
            "subject\tpredicate\tobject\tstart\tend\twhen\n"
            "A\tp\tB\t1962-##-##\t1965-05-##\t####-##-##\n"
            "A\tp\tC\t1962-05-03\t1962-05-03\t2020-##-##\n"
            "A\tp\tD\t####-##-##\t-431-##-##\t2020-02-##\n"
            "A\tp\tE\t360-##-##\t####-##-##\t\n"
            "A\tp\tF\t1962-05\t1962-06-15T10:00:00Z\t2020-02-03\n"
            "A\tp\tG\t####-##-##\t####-##-##\t\n");
  LoadOptions options;
  options.dates = DateFormat::kUnknownDigits;
  options.columns = {
      {"start", "valid_from"}, {"end", "valid_to"}, {"when", "recorded_at"}};
  const int64_t before = TimePoint::Now().seconds;
  auto r = Load({path}, options);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rows, 6);
  EXPECT_EQ(r->claims_added, 6);
  EXPECT_EQ(r->rejected, 0);
  using Times = std::pair<std::string, std::string>;  // valid, recorded
  std::map<std::string, Times> got;
  for (const Claim& c : FindSubject("A")) {
    got[c.object.ToString()] = {c.valid.ToString(), c.recorded.ToString()};
    if (c.object.ToString() == "B" || c.object.ToString() == "E") {
      EXPECT_EQ(c.recorded.precision, Precision::kSecond);  // the load time
      EXPECT_GE(c.recorded.seconds, before);
    }
  }
  EXPECT_EQ(got["B"].first, "[1962, 1965-05)");
  EXPECT_EQ(got["C"], Times("[1962-05-03, 1962-05-03)", "2020"));
  EXPECT_EQ(got["D"], Times("(..., -0431)", "2020-02"));
  EXPECT_EQ(got["E"].first, "[0360, ...)");
  EXPECT_EQ(got["F"], Times("[1962-05, 1962-06-15T10:00:00Z)", "2020-02-03"));
  EXPECT_EQ(got["G"].first, "(..., ...)");
  EXPECT_EQ(got.size(), 6u);

  // The same file without the options: the header, then the dates.
  const StoreState after = State();
  r = Load({path});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Msg(r.status()),
            path +
                ":1:26: unknown column 'start'; known columns are "
                "subject, predicate, object, valid_from, valid_to, "
                "recorded_at, source, by, confidence, object_type; to load "
                "'start' as one of them, map it with --columns=start:COLUMN");
  options.dates = DateFormat::kIso;
  r = Load({path}, options);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(absl::StartsWith(
      Msg(r.status()),
      path + ":2:7: valid_from: invalid time '1962-##-##': expected '-'"))
      << r.status();
  // A mapping to no column is refused before any file is read.
  options.columns = {{"start", "valid_fro"}};
  r = Load({path}, options);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(absl::IsInvalidArgument(r.status()));
  EXPECT_EQ(Msg(r.status()),
            "column mapping start:valid_fro: unknown column 'valid_fro'; did "
            "you mean 'valid_from'?");
  EXPECT_EQ(State(), after);
}

TEST_F(LoadTest, CsvWithQuotingAndOptionalColumnsAbsent) {
  std::string path =
      Write("facts.csv",
            "subject,predicate,object,valid_from,source\r\n"
            "\"Gazprom, PJSC\",signed,\"PoS2 memorandum\",2025-09-02,\"He said "
            "\"\"yes\"\"\"\r\n"
            "Power of Siberia 2,capacity,\"50 bcm/yr\",,\r\n"
            "\"Multi\nline\",note,x,,\r\n"
            "Russia,exports,38,2024,\r\n");
  auto r = Load({path});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rows, 4);
  EXPECT_EQ(r->claims_added, 4);
  Claim c = Get(r->first_claim);
  EXPECT_EQ(c.subject, Value::Entity("Gazprom, PJSC"));
  EXPECT_EQ(c.source, "He said \"yes\"");
  EXPECT_EQ(c.valid.from, DayPoint(2025, 9, 2));
  EXPECT_EQ(c.row, 2);
  c = Get(r->first_claim + 1);
  EXPECT_EQ(c.object.kind(), ValueKind::kQuantity);
  EXPECT_EQ(c.object.ToString(), "50 bcm/yr");
  EXPECT_FALSE(c.valid.from.has_value());
  EXPECT_EQ(c.source, "");
  EXPECT_EQ(c.row, 3);
  c = Get(r->first_claim + 2);
  EXPECT_EQ(c.subject, Value::Entity("Multi\nline"));
  EXPECT_EQ(c.row, 4);  // the line where the record starts
  c = Get(r->first_claim + 3);
  EXPECT_EQ(c.object, Value::Integer(38));
  EXPECT_EQ(c.row, 6);
}

TEST_F(LoadTest, JsonLinesTypes) {
  std::string path = Write(
      "facts.jsonl",
      "{\"subject\":\"Russia\",\"predicate\":\"gas_flow_bcm\",\"object\":38,"
      "\"valid_from\":2024,\"valid_to\":\"2025\",\"source\":\"report\","
      "\"by\":\"Gazprom\",\"confidence\":0.75,\"recorded_at\":\"2025-01-15\"}\n"
      "{\"subject\":\"PoS2\",\"predicate\":\"status\",\"object\":\"binding\","
      "\"object_type\":\"string\",\"valid_to\":null}\n"
      "\n"
      "{\"subject\":\"PoS2\",\"predicate\":\"approved\",\"object\":false}\n"
      "{\"subject\":\"PoS2\",\"predicate\":\"capacity\",\"object\":\"50 "
      "bcm/yr\"}\n"
      "{\"subject\":\"PoS2\",\"predicate\":\"share\",\"object\":0.25}\n"
      "{\"subject\":\"PoS2\",\"predicate\":\"big\",\"object\":1e5}\n"
      "{ \"OBJECT\" : \"Caf\\u00e9 \\\"Moscow\\\"\", \"Predicate\": \"near\", "
      "\"subject\": \"PoS2\" }\n");
  auto r = Load({path});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rows, 7);
  EXPECT_EQ(r->claims_added, 7);
  ClaimId id = r->first_claim;
  Claim c = Get(id);
  EXPECT_EQ(c.object, Value::Integer(38));
  EXPECT_EQ(c.valid.from, YearPoint(2024));
  EXPECT_EQ(c.valid.to, YearPoint(2025));
  EXPECT_EQ(c.source, "report");
  EXPECT_EQ(c.by, "Gazprom");
  EXPECT_EQ(c.confidence, 0.75);
  EXPECT_EQ(c.recorded, DayPoint(2025, 1, 15));
  EXPECT_EQ(c.row, 1);
  c = Get(id + 1);
  EXPECT_EQ(c.object, Value::String("binding"));
  EXPECT_FALSE(c.valid.to.has_value());
  c = Get(id + 2);
  EXPECT_EQ(c.object, Value::Boolean(false));
  EXPECT_EQ(c.row, 4);
  EXPECT_EQ(Get(id + 3).object.ToString(), "50 bcm/yr");
  EXPECT_EQ(Get(id + 4).object, *Value::Decimal("0.25"));
  EXPECT_EQ(Get(id + 5).object.kind(), ValueKind::kDecimal);
  EXPECT_EQ(Get(id + 5).object.number(), 100000);
  c = Get(id + 6);
  EXPECT_EQ(c.predicate, "near");
  EXPECT_EQ(c.object, Value::Entity("Caf\xC3\xA9 \"Moscow\""));
}

TEST_F(LoadTest, ClaimReferencesAsSubjects) {
  std::string first = Write("first.tsv",
                            "subject\tpredicate\tobject\n"
                            "Gazprom\tsigned\tmemo\n"
                            "Gazprom\tsigned\tcontract\n");
  auto r1 = Load({first});
  ASSERT_TRUE(r1.ok()) << r1.status();
  ASSERT_EQ(r1->first_claim, 1u);
  std::string second = Write("second.tsv",
                             "subject\tpredicate\tobject\n"
                             "#c1\tconfirmed_by\tChina\n"
                             "#c2\tdisputed_by\t#c1\n"
                             "#cx\tnamed\tthing\n");
  auto r2 = Load({second});
  ASSERT_TRUE(r2.ok()) << r2.status();
  EXPECT_EQ(r2->claims_added, 3);
  Claim c = Get(r2->first_claim);
  EXPECT_EQ(c.subject, Value::Claim(1));
  EXPECT_EQ(c.object, Value::Entity("China"));
  c = Get(r2->first_claim + 1);
  EXPECT_EQ(c.subject, Value::Claim(2));
  EXPECT_EQ(c.object, Value::Claim(1));
  // Not a claim reference: an entity name.
  EXPECT_EQ(Get(r2->first_claim + 2).subject, Value::Entity("#cx"));
  auto about = db_->Find({Value::Claim(1), std::nullopt, std::nullopt},
                         TimeView::AllTime());
  ASSERT_TRUE(about.ok());
  EXPECT_EQ(Ids(*about), std::vector<ClaimId>{r2->first_claim});
  auto pointing = db_->Find({std::nullopt, std::nullopt, Value::Claim(1)},
                            TimeView::AllTime());
  ASSERT_TRUE(pointing.ok());
  EXPECT_EQ(Ids(*pointing), std::vector<ClaimId>{r2->first_claim + 1});
  State();  // Check() agrees
}

// A reference to a claim that does not exist is a bad row like any other:
// InvalidArgument at its file:line:column, and skippable.
TEST_F(LoadTest, UnknownClaimReferenceIsABadRow) {
  LoadBaseline();
  StoreState before = State();
  std::string path = Write("refs.tsv",
                           "subject\tpredicate\tobject\n"
                           "Gazprom\tsigned\tother\n"
                           "#c99\tconfirmed_by\tChina\n"
                           "China\tconfirms\t#c98\n");
  auto r = Load({path});
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(absl::StrContains(r.status().message(), "#c99")) << r.status();
  EXPECT_EQ(State(), before);
  EXPECT_TRUE(absl::IsInvalidArgument(r.status())) << r.status();
  EXPECT_TRUE(absl::StartsWith(r.status().message(), path + ":3:1: "))
      << r.status();
  LoadOptions skip;
  skip.skip_bad = true;
  skip.reject_file = root_ + "/refs.rejects";
  r = Load({path}, skip);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rejected, 2);
  EXPECT_EQ(r->claims_added, 1);
}

TEST_F(LoadTest, LoadingTwiceAddsNothing) {
  std::string path = Write("facts.tsv",
                           "subject\tpredicate\tobject\tvalid_from\tsource\n"
                           "Gazprom\tsigned\tmemo\t2025-09-02\tart\n"
                           "Gazprom\tsigned\tmemo\t2025-09-02\tart\n"
                           "Gazprom\tsigned\tmemo\t2025-09-02\tother\n"
                           "Gazprom\tsigned\tmemo\t2025-09\tart\n"
                           "Rosatom\tbuilds\tplant\t\t\n");
  auto r1 = Load({path});
  ASSERT_TRUE(r1.ok()) << r1.status();
  EXPECT_EQ(r1->rows, 5);
  EXPECT_EQ(r1->claims_added, 4);  // line 3 repeats line 2
  EXPECT_EQ(r1->duplicates, 1);
  StoreState after_first = State();
  EXPECT_EQ(after_first.claims, 4);

  auto r2 = Load({path});
  ASSERT_TRUE(r2.ok()) << r2.status();
  EXPECT_EQ(r2->rows, 5);
  EXPECT_EQ(r2->claims_added, 0);
  EXPECT_EQ(r2->duplicates, 5);
  EXPECT_EQ(r2->terms_added, 0);
  EXPECT_EQ(State(), after_first);

  // A claim asserted by hand counts as stored too.
  ClaimInput in;
  in.subject = Value::Entity("Novatek");
  in.predicate = "ships";
  in.object = Value::Entity("LNG");
  ASSERT_TRUE(db_->Assert(in).ok());
  std::string same =
      Write("same.tsv", "subject\tpredicate\tobject\nNovatek\tships\tLNG\n");
  auto r3 = Load({same});
  ASSERT_TRUE(r3.ok()) << r3.status();
  EXPECT_EQ(r3->claims_added, 0);
  EXPECT_EQ(r3->duplicates, 1);
}

// A claim stated twice in one load is on record since its earlier statement,
// even when the later line comes first: AS OF between the two sees it. (The
// standard workload's L file has such a pair; keeping the first line lost a
// claim from AS OF answers.) The same holds for a `one` predicate.
TEST_F(LoadTest, RepeatedClaimKeepsItsEarliestRecordedTime) {
  ASSERT_TRUE(db_->SetSchema("predicate ceo : entity one\n", "s").ok());
  std::string path =
      Write("facts.tsv",
            "subject\tpredicate\tobject\tvalid_from\trecorded_at\tsource\n"
            "E0\tgas\t47\t2005-02-26\t2005-05-15\tsrc178\n"
            "E0\tgas\t47\t2005-02-26\t2005-02-26\tsrc178\n"
            "Acme\tceo\tBob\t2005-02-26\t2005-05-15\treg\n"
            "Acme\tceo\tBob\t2005-02-26\t2005-02-26\treg\n");
  auto r = Load({path});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->claims_added, 2);
  EXPECT_EQ(r->duplicates, 2);
  for (const std::string subject : {"E0", "Acme"}) {
    std::vector<Claim> claims = FindSubject(subject);
    ASSERT_EQ(claims.size(), 1u) << subject;
    EXPECT_EQ(claims[0].recorded, DayPoint(2005, 2, 26)) << subject;
    TimeView as_of;
    as_of.as_of = DayPoint(2005, 3, 1).seconds;
    auto seen =
        db_->Find({Value::Entity(subject), std::nullopt, std::nullopt}, as_of);
    ASSERT_TRUE(seen.ok()) << seen.status();
    EXPECT_EQ(seen->size(), 1u) << subject;
  }
  State();  // the time index agrees with the records
}

// One value at a time: rows of a `one` predicate close stored claims and
// each other (docs/schemas.md, "One value at a time"); the rewritten entries of
// the stored claims are ingested with the new ones and the store checks.
TEST_F(LoadTest, OnePredicatesSupersedeWithinAndAcrossLoads) {
  // `unused` is a `one` predicate no row names (a regression: its lookup
  // among the load's terms once came back as a huge index).
  ASSERT_TRUE(db_->SetSchema("predicate unused : entity one\n"
                             "predicate ceo : entity one\n",
                             "s")
                  .ok());
  std::string first = Write("first.tsv",
                            "subject\tpredicate\tobject\tvalid_from\tsource\n"
                            "Acme\tceo\tAlice\t2010\treg\n"
                            "Beta\tceo\tCarol\t2020\treg\n"
                            "Beta\tceo\tDan\t2010\treg\n"    // ends 2020
                            "Beta\tceo\tEve\t2020\treg\n");  // replaces Carol
  auto r1 = Load({first});
  ASSERT_TRUE(r1.ok()) << r1.status();
  EXPECT_EQ(r1->claims_added, 3);
  EXPECT_EQ(r1->replaced_rows, 1);
  EXPECT_EQ(r1->superseded, 0);
  EXPECT_EQ(r1->duplicates, 0);
  StoreState after_first = State();

  // Acme's open claim is closed at 2015 by a stored-claim rewrite; the
  // other source's claim closes nothing.
  std::string second = Write("second.tsv",
                             "subject\tpredicate\tobject\tvalid_from\tsource\n"
                             "Acme\tceo\tBob\t2015\treg\n"
                             "Acme\tceo\tZed\t2012\tpress\n");
  LoadOptions dry;
  dry.dry_run = true;
  auto d = Load({second}, dry);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->superseded, 1);
  EXPECT_EQ(State(), after_first);

  auto r2 = Load({second});
  ASSERT_TRUE(r2.ok()) << r2.status();
  EXPECT_EQ(r2->claims_added, 3);  // Bob, Zed and Alice's closed copy
  EXPECT_EQ(r2->superseded, 1);
  State();  // Check() agrees with every rewritten index entry
  std::vector<std::string> acme;
  for (const Claim& c : FindSubject("Acme")) {
    acme.push_back(absl::StrCat(c.object.ToString(), " ", c.valid.ToString(),
                                " ", c.source));
  }
  std::sort(acme.begin(), acme.end());
  EXPECT_EQ(acme, (std::vector<std::string>{"Alice [2010, 2015) reg",
                                            "Bob [2015, ...) reg",
                                            "Zed [2012, ...) press"}));
  // Retracted, Alice's open claim is still there as of before.
  TimeView all;
  all.include_retracted = true;
  auto history =
      db_->Find({Value::Entity("Acme"), std::nullopt, std::nullopt}, all);
  ASSERT_TRUE(history.ok());
  EXPECT_EQ(history->size(), 4u);

  // Loading both files again adds nothing.
  StoreState settled = State();
  auto again = Load({first, second});
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->claims_added, 0);
  EXPECT_EQ(again->superseded, 0);
  EXPECT_EQ(State(), settled);
}

// --events: ICEWS-style rows with one date are events on that date, not
// open-ended claims; a row with its own valid_to keeps it.
TEST_F(LoadTest, EventsEndWithinTheirDate) {
  std::string path = Write("events.tsv",
                           "subject\tpredicate\tobject\tdate\tvalid_to\n"
                           "China\tConsult\tBhutan\t2014-06-15\t\n"
                           "China\tHost_a_visit\tJapan\t2014-06\t\n"
                           "China\tNegotiate\tIndia\t2014-06-01\t2014-07-01\n");
  LoadOptions options;
  options.columns = {{"date", "valid_from"}};
  options.events = true;
  auto r = Load({path}, options);
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<std::string> valid;
  for (const Claim& c : FindSubject("China")) {
    valid.push_back(absl::StrCat(c.predicate, " ", c.valid.ToString()));
  }
  std::sort(valid.begin(), valid.end());
  EXPECT_EQ(valid,
            (std::vector<std::string>{"Consult [2014-06-15, 2014-06-15)",
                                      "Host_a_visit [2014-06, 2014-06)",
                                      "Negotiate [2014-06-01, 2014-07-01)"}));
}

TEST_F(LoadTest, LoadIntoNonEmptyStoreAddsOnlyNewClaimsAndReusesTerms) {
  LoadBaseline();  // Gazprom signed memo; Rosatom builds plant
  StoreState before = State();
  EXPECT_EQ(before.terms, 6);
  std::string path = Write("more.tsv",
                           "subject\tpredicate\tobject\tvalid_from\n"
                           "Gazprom\tsigned\tmemo\t2025-09-02\n"  // stored
                           "Rosatom\tbuilds\tplant\t2020\n"       // stored
                           "Rosatom\tsigned\tmemo\t2025-09-02\n"  // new claim
                           "Gazprom\tbuilds\tpipeline\t2019\n");  // new term
  auto r = Load({path});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rows, 4);
  EXPECT_EQ(r->claims_added, 2);
  EXPECT_EQ(r->duplicates, 2);
  EXPECT_EQ(r->terms_added, 1);
  EXPECT_EQ(r->first_claim, 3u);
  StoreState after = State();
  EXPECT_EQ(after.claims, 4);
  EXPECT_EQ(after.terms, before.terms + 1);
  EXPECT_EQ(after.per_predicate.at("signed"), 2);
  EXPECT_EQ(after.per_predicate.at("builds"), 2);
  // New claims use the same terms as the old ones: one subject lookup finds
  // claims of both loads.
  EXPECT_EQ(Ids(FindSubject("Rosatom")), (std::vector<ClaimId>{2, 3}));
  EXPECT_EQ(Get(3).row, 4);
  EXPECT_EQ(Get(4).row, 5);
}

TEST_F(LoadTest, RowEqualToRetractedClaimIsAddedAgain) {
  LoadBaseline();
  ASSERT_TRUE(db_->Retract(1).ok());
  std::string path = Write("again.tsv",
                           "subject\tpredicate\tobject\tvalid_from\n"
                           "Gazprom\tsigned\tmemo\t2025-09-02\n");
  auto r = Load({path});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->claims_added, 1);
  EXPECT_EQ(r->duplicates, 0);
  EXPECT_EQ(r->terms_added, 0);
  EXPECT_EQ(Ids(FindSubject("Gazprom")), std::vector<ClaimId>{r->first_claim});
  EXPECT_TRUE(Get(1).retracted.has_value());
  EXPECT_FALSE(Get(r->first_claim).retracted.has_value());
  EXPECT_EQ(State().claims, 3);
}

TEST_F(LoadTest, TwoFilesGetTwoBatches) {
  std::string a = Write("a.tsv",
                        "subject\tpredicate\tobject\n"
                        "A\tp\tB\n"
                        "A\tp\tC\n");
  std::string b =
      Write("b.jsonl",
            "{\"subject\":\"X\",\"predicate\":\"q\",\"object\":\"Y\"}\n"
            "\n"
            "{\"subject\":\"A\",\"predicate\":\"p\",\"object\":\"B\"}\n"
            "{\"subject\":\"X\",\"predicate\":\"q\",\"object\":\"Z\"}\n");
  auto r = Load({a, b});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rows, 5);
  EXPECT_EQ(r->claims_added, 4);
  EXPECT_EQ(r->duplicates, 1);
  ASSERT_EQ(r->batches.size(), 2u);
  EXPECT_NE(r->batches[0], r->batches[1]);
  EXPECT_NE(r->batches[0], 0u);
  EXPECT_NE(r->batches[1], 0u);
  // Claim ids in file order.
  std::vector<std::pair<uint64_t, int64_t>> want = {{r->batches[0], 2},
                                                    {r->batches[0], 3},
                                                    {r->batches[1], 1},
                                                    {r->batches[1], 4}};
  for (size_t i = 0; i < want.size(); ++i) {
    Claim c = Get(r->first_claim + i);
    EXPECT_EQ(c.batch, want[i].first) << i;
    EXPECT_EQ(c.row, want[i].second) << i;
  }
  EXPECT_EQ(State().batches, 2);

  // A later load gets new batch numbers.
  std::string c = Write("c.tsv", "subject\tpredicate\tobject\nN\tp\tM\n");
  auto r2 = Load({c});
  ASSERT_TRUE(r2.ok()) << r2.status();
  ASSERT_EQ(r2->batches.size(), 1u);
  EXPECT_GT(r2->batches[0], r->batches[1]);
  EXPECT_EQ(Get(r2->first_claim).batch, r2->batches[0]);
}

// A load that adds nothing must not hand out a batch id that a later load
// gets again: either it reports no batch, or the batch is recorded.
TEST_F(LoadTest, BatchIdsAreNotReusedAfterALoadThatAddsNothing) {
  LoadBaseline();
  std::string again = Write("again.tsv",
                            "subject\tpredicate\tobject\tvalid_from\n"
                            "Gazprom\tsigned\tmemo\t2025-09-02\n");
  auto noop = Load({again});
  ASSERT_TRUE(noop.ok()) << noop.status();
  ASSERT_EQ(noop->claims_added, 0);
  std::string fresh =
      Write("fresh.tsv", "subject\tpredicate\tobject\nN\tp\tM\n");
  auto next = Load({fresh});
  ASSERT_TRUE(next.ok()) << next.status();
  ASSERT_EQ(next->batches.size(), 1u);
  for (uint64_t b : noop->batches) {
    EXPECT_NE(b, next->batches[0]) << "batch id reported twice";
  }
  EXPECT_EQ(State().batches, 2 + static_cast<int64_t>(noop->batches.size()));
}

TEST_F(LoadTest, EmptyFileAndHeaderOnly) {
  std::string empty = Write("empty.tsv", "");
  std::string header = Write("header.csv", "subject,predicate,object\n");
  auto r = Load({empty, header});
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rows, 0);
  EXPECT_EQ(r->claims_added, 0);
  EXPECT_EQ(State().claims, 0);
}

// ---- error paths ----

struct ErrorCase {
  std::string name;
  std::string file;     // name: its extension picks the format
  std::string content;  // one bad row (or header) among good rows
  int64_t line;
  int64_t column;
  std::string reason;  // exact, or a prefix when `prefix`
  bool prefix = false;
  bool header = false;  // a bad header: not skippable
  // Load options of the case.
  DateFormat dates = DateFormat::kIso;
  std::vector<std::pair<std::string, std::string>> columns = {};
};

// Every file has good rows naming "Fresh", so that a partial load would show.
const std::string kTsvHeader =
    "subject\tpredicate\tobject\tvalid_from\tvalid_to\tconfidence\t"
    "object_type\n";
const std::string kTsvGood = "Fresh\tp\tB\t2020-01-01\t2021-01-01\t0.5\t\n";
const std::string kTsvColumns =
    "(subject, predicate, object, valid_from, valid_to, confidence, "
    "object_type)";

std::string Tsv(const std::string& bad) {
  return kTsvHeader + kTsvGood + bad + "Fresh\tp\tC\t\t\t\t\n";
}

std::vector<ErrorCase> ErrorCases() {
  std::vector<ErrorCase> cases = {
      {"TooFewFields", "f.tsv", Tsv("A\tp\tB\t2020-01-01\n"), 3, 17,
       absl::StrCat("expected 7 fields ", kTsvColumns, ", found 4")},
      {"TooManyFields", "f.tsv", Tsv("A\tp\tB\t\t\t\t\tX\n"), 3, 11,
       absl::StrCat("expected 7 fields ", kTsvColumns, ", found 8")},
      {"UnparseableDate", "f.tsv", Tsv("A\tp\tB\t2020-13-01\t\t\t\n"), 3, 7,
       "valid_from: invalid time '2020-13-01': month out of range (expected "
       "YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)"},
      {"UnparseableValidTo", "f.tsv", Tsv("A\tp\tB\t2020\tsoon\t\t\n"), 3, 12,
       "valid_to: invalid time 'soon': no year", true},
      {"NoSuchDay", "f.tsv", Tsv("A\tp\tB\t2021-02-29\t\t\t\n"), 3, 7,
       "valid_from: invalid time '2021-02-29': no such day", true},
      {"ValidToBeforeValidFrom", "f.tsv",
       Tsv("A\tp\tB\t2021-01-01\t2020-01-01\t\t\n"), 3, 18,
       "valid_to 2020-01-01 is not after valid_from 2021-01-01"},
      {"InvalidUtf8", "f.tsv", Tsv("A\tp\tB\xFF\t\t\t\t\n"), 3, 6,
       "invalid UTF-8 at byte 0xFF in field 'object'"},
      {"InvalidUtf8Overlong", "f.tsv", Tsv("A\tp\tB\t\t\t\t\xC0\xAF\n"), 3, 10,
       "invalid UTF-8 at byte 0xC0 in field 'object_type'"},
      {"EmptySubject", "f.tsv", Tsv("\tp\tB\t\t\t\t\n"), 3, 1, "empty subject"},
      {"EmptyPredicate", "f.tsv", Tsv("A\t\tB\t\t\t\t\n"), 3, 3,
       "empty predicate"},
      {"EmptyObject", "f.tsv", Tsv("A\tp\t\t\t\t\t\n"), 3, 5, "empty object"},
      {"ConfidenceTooBig", "f.tsv", Tsv("A\tp\tB\t\t\t1.5\t\n"), 3, 9,
       "confidence '1.5' is not a number within [0, 1]"},
      {"ConfidenceNotANumber", "f.tsv", Tsv("A\tp\tB\t\t\thigh\t\n"), 3, 9,
       "confidence 'high' is not a number within [0, 1]"},
      {"UnknownObjectType", "f.tsv", Tsv("A\tp\tB\t\t\t\twidget\n"), 3, 10,
       "unknown value type 'widget' (expected entity, string, integer, "
       "decimal, boolean, date, quantity or claim)"},
      {"ObjectNotOfItsType", "f.tsv", Tsv("A\tp\tabc\t\t\t\tinteger\n"), 3, 5,
       "'abc' is not an integer (64-bit)"},
      {"UnknownHeaderColumn", "f.tsv",
       "subject\tpredicate\tobject\tvalid_form\nA\tp\tB\t2020\n", 1, 26,
       "unknown column 'valid_form'; did you mean 'valid_from'?", false, true},
      {"MissingRequiredColumn", "f.tsv",
       "subject\tobject\tvalid_from\nA\tB\t2020\n", 1, 1,
       "missing required column 'predicate' (the header must name subject, "
       "predicate and object)",
       false, true},
      {"DuplicateHeaderColumn", "f.csv",
       "subject,predicate,object,Subject\nA,p,B,C\n", 1, 26,
       "duplicate column 'Subject'", false, true},
      // CSV: columns count bytes of the raw line, quotes included.
      {"CsvDateAfterQuotedField", "f.csv",
       "subject,predicate,object,valid_from\n"
       "Fresh,p,B,2020\n"
       "A,p,\"B, Inc\",2020-02-30\n"
       "Fresh,p,C,\n",
       3, 14, "valid_from: invalid time '2020-02-30': no such day", true},
      {"CsvEmptySubjectQuoted", "f.csv",
       "subject,predicate,object\nFresh,p,B\n\"\",p,B\nFresh,p,C\n", 3, 1,
       "empty subject"},
      {"CsvUnterminatedQuote", "f.csv",
       "subject,predicate,object\nFresh,p,B\nFresh,p,C\nA,p,\"B\n", 4, 5,
       "unterminated quoted field: no closing quote before the end of the "
       "file"},
      // JSON Lines: columns point at the value (or key).
      {"JsonlBadDate", "f.jsonl",
       "{\"subject\":\"Fresh\",\"predicate\":\"p\",\"object\":\"B\"}\n"
       "{\"subject\":\"A\",\"predicate\":\"p\",\"object\":\"B\","
       "\"valid_from\":\"2020-13\"}\n",
       2, 58, "valid_from: invalid time '2020-13': month out of range", true},
      {"JsonlMissingKey", "f.jsonl",
       "{\"subject\":\"Fresh\",\"predicate\":\"p\",\"object\":\"B\"}\n"
       "{\"subject\":\"A\",\"object\":\"B\"}\n",
       2, 1, "missing required key 'predicate'"},
      {"JsonlNullObject", "f.jsonl",
       "{\"subject\":\"Fresh\",\"predicate\":\"p\",\"object\":\"B\"}\n"
       "{\"subject\":\"A\",\"predicate\":\"p\",\"object\":null}\n",
       2, 41, "required key 'object' must not be null"},
      {"JsonlUnknownKey", "f.jsonl",
       "{\"subject\":\"Fresh\",\"predicate\":\"p\",\"object\":\"B\"}\n"
       "{\"subject\":\"A\",\"predicate\":\"p\",\"object\":\"B\",\"colour\":1}"
       "\n",
       2, 45, "unknown key 'colour'", true},
      {"JsonlEmptySubject", "f.jsonl",
       "{\"subject\":\"Fresh\",\"predicate\":\"p\",\"object\":\"B\"}\n"
       "{\"subject\":\"\",\"predicate\":\"p\",\"object\":\"B\"}\n",
       2, 12, "empty subject"},
      {"JsonlBadConfidence", "f.jsonl",
       "{\"subject\":\"Fresh\",\"predicate\":\"p\",\"object\":\"B\"}\n"
       "{\"subject\":\"A\",\"predicate\":\"p\",\"object\":\"B\","
       "\"confidence\":2}\n",
       2, 58, "confidence '2' is not a number within [0, 1]"},
      {"JsonlNotAnObject", "f.jsonl",
       "{\"subject\":\"Fresh\",\"predicate\":\"p\",\"object\":\"B\"}\n"
       "[1, 2]\n",
       2, 1, "expected '{' (each line must be one JSON object), found '['"},
      {"JsonlInvalidUtf8", "f.jsonl",
       "{\"subject\":\"Fresh\",\"predicate\":\"p\",\"object\":\"B\"}\n"
       "{\"subject\":\"A\xE2\x82\",\"predicate\":\"p\",\"object\":\"B\"}\n",
       2, 14, "invalid UTF-8 at byte 0xE2"},
      // Dates with '#' for unknown digits, and columns under other names.
      {"HashDateWithoutUnknownDigits", "f.tsv",
       Tsv("A\tp\tB\t1962-##-##\t\t\t\n"), 3, 7,
       "valid_from: invalid time '1962-##-##': expected '-' and a two-digit "
       "month after the year (expected YYYY, YYYY-MM, YYYY-MM-DD or "
       "YYYY-MM-DDThh:mm:ssZ); dates with # for unknown digits load with "
       "--dates=unknown-digits"},
      {"PartlyKnownYear", "f.tsv", Tsv("A\tp\tB\t19##-##-##\t\t\t\n"), 3, 7,
       "valid_from: invalid time '19##-##-##': partly known year '19##': a "
       "time keeps a year, month, day or second, not a decade or century "
       "(expected a date with # for unknown digits: YYYY-MM-##, YYYY-##-## "
       "or ####-##-##, or a time without #)",
       false, false, DateFormat::kUnknownDigits},
      {"KnownDayAfterUnknownMonth", "f.tsv",
       Tsv("A\tp\tB\t1962\t1963-##-05\t\t\n"), 3, 12,
       "valid_to: invalid time '1963-##-05': a known day after an unknown "
       "month",
       true, false, DateFormat::kUnknownDigits},
      {"UnknownDigitsValidToBeforeValidFrom", "f.tsv",
       Tsv("A\tp\tB\t1962-05-##\t1962-04-##\t\t\n"), 3, 18,
       "valid_to 1962-04 is not after valid_from 1962-05", false, false,
       DateFormat::kUnknownDigits},
      {"UnknownDigitsMalformedWithoutHash", "f.tsv",
       Tsv("A\tp\tB\t307-13047-09\t\t\t\n"), 3, 7,
       "valid_from: invalid time '307-13047-09': month out of range", true,
       false, DateFormat::kUnknownDigits},
      {"CsvPartlyKnownRecordedMonth",
       "f.csv",
       "subject,predicate,object,when\n"
       "Fresh,p,B,2020\n"
       "A,p,B,2020-1#-##\n"
       "Fresh,p,C,\n",
       3,
       7,
       "recorded_at: invalid time '2020-1#-##': partly known month '1#'",
       true,
       false,
       DateFormat::kUnknownDigits,
       {{"when", "recorded_at"}}},
      {"JsonlRenamedKeySignedUnknownYear",
       "f.jsonl",
       "{\"subject\":\"Fresh\",\"predicate\":\"p\",\"object\":\"B\"}\n"
       "{\"subject\":\"A\",\"predicate\":\"p\",\"object\":\"B\","
       "\"start\":\"-####-##-##\"}\n",
       2,
       53,
       "valid_from: invalid time '-####-##-##': a sign before an unknown year",
       true,
       false,
       DateFormat::kUnknownDigits,
       {{"start", "valid_from"}}},
      {"RenameOfMissingHeaderName",
       "f.tsv",
       Tsv("A\tp\tB\t\t\t\t\n"),
       1,
       1,
       "column mapping start:valid_from: the header has no column 'start'",
       false,
       true,
       DateFormat::kIso,
       {{"start", "valid_from"}}},
      {"RenameMakesADuplicate",
       "f.tsv",
       "subject\tpredicate\tobject\tvalid_from\tstart\nA\tp\tB\t\t\n",
       1,
       37,
       "duplicate column 'start': 'valid_from' and 'start' both stand for "
       "valid_from (see the column mapping)",
       false,
       true,
       DateFormat::kIso,
       {{"start", "valid_from"}}},
  };
  // JSON Lines cases: a good row after the bad one too.
  for (ErrorCase& c : cases) {
    if (absl::EndsWith(c.file, ".jsonl")) {
      c.content +=
          "{\"subject\":\"Fresh\",\"predicate\":\"p\",\"object\":\"C\"}\n";
    }
  }
  return cases;
}

// The error cases share one store (with the baseline loaded) and never
// change it: every load below fails or is a dry run.
class LoadErrorTest : public LoadTest,
                      public ::testing::WithParamInterface<ErrorCase> {
 protected:
  static void SetUpTestSuite() {
    shared_root_ = new test::TempDir("annals_load_test");
    Options o;
    o.sync_writes = false;
    o.block_cache_bytes = 8 << 20;
    auto db = Database::Open(shared_root_->Join("db"), o);
    if (!db.ok()) std::abort();
    shared_db_ = new Database(std::move(*db));
  }
  static void TearDownTestSuite() {
    delete shared_db_;
    shared_db_ = nullptr;
    delete shared_root_;
    shared_root_ = nullptr;
  }
  void SetUp() override {
    root_ = shared_root_->path();
    db_ = shared_db_;
    if (FindSubject("Gazprom").empty()) LoadBaseline();
  }
  void TearDown() override {}

  static test::TempDir* shared_root_;
  static Database* shared_db_;
};
test::TempDir* LoadErrorTest::shared_root_ = nullptr;
Database* LoadErrorTest::shared_db_ = nullptr;

TEST_P(LoadErrorTest, ReportsFileLineColumnAndChangesNothing) {
  const ErrorCase& ec = GetParam();
  const StoreState before = State();
  const std::string path = Write(ec.name + "_" + ec.file, ec.content);
  const std::string where =
      absl::StrCat(path, ":", ec.line, ":", ec.column, ": ");

  auto check_error = [&](const absl::StatusOr<LoadResult>& r,
                         const std::string& mode) {
    ASSERT_FALSE(r.ok()) << mode;
    EXPECT_TRUE(absl::IsInvalidArgument(r.status()))
        << mode << ": " << r.status();
    if (ec.prefix) {
      EXPECT_TRUE(absl::StartsWith(r.status().message(), where + ec.reason))
          << mode << ": " << r.status() << "\nwanted prefix: " << where
          << ec.reason;
    } else {
      EXPECT_EQ(Msg(r.status()), where + ec.reason) << mode;
    }
    EXPECT_EQ(State(), before) << mode;
    EXPECT_TRUE(FindSubject("Fresh").empty()) << mode;
  };
  LoadOptions options;
  options.dates = ec.dates;
  options.columns = ec.columns;
  check_error(Load({path}, options), "load");
  LoadOptions dry = options;
  dry.dry_run = true;
  check_error(Load({path}, dry), "dry run");
  // Behind a good file the error is the same, and neither file loads.
  // (With a column mapping, the good file has the mapped names.)
  std::string good_header = "subject\tpredicate\tobject";
  for (const auto& [name, column] : ec.columns) {
    absl::StrAppend(&good_header, "\t", name);
  }
  std::string good_row = "Fresh\tq\tR";
  for (size_t i = 0; i < ec.columns.size(); ++i) good_row += "\t";
  std::string good =
      Write("good.tsv", absl::StrCat(good_header, "\n", good_row, "\n"));
  check_error(Load({good, path}, options), "second file");

  // With skip_bad the good rows would load and the bad row goes to the reject
  // file (bad headers are not skippable). A dry run, to keep the store as it
  // is: SkipBadWritesEveryRejectedRow commits such a load.
  LoadOptions skip = options;
  skip.skip_bad = true;
  skip.dry_run = true;
  skip.reject_file = root_ + "/" + ec.name + ".rejects";
  auto r = Load({path}, skip);
  if (ec.header) {
    check_error(r, "skip_bad, bad header");
    EXPECT_FALSE(std::filesystem::exists(skip.reject_file));
    return;
  }
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rejected, 1);
  EXPECT_EQ(r->reject_file, skip.reject_file);
  EXPECT_EQ(r->claims_added, 2);
  std::string rejects = ReadFile(skip.reject_file);
  EXPECT_TRUE(absl::StrContains(rejects, where + ec.reason)) << rejects;
  EXPECT_EQ(State(), before);
}

INSTANTIATE_TEST_SUITE_P(Load, LoadErrorTest, ::testing::ValuesIn(ErrorCases()),
                         [](const ::testing::TestParamInfo<ErrorCase>& info) {
                           return info.param.name;
                         });

TEST_F(LoadTest, BadRowOnLastLineOfBigFile) {
  LoadBaseline();
  const StoreState before = State();
  std::string content = "subject\tpredicate\tobject\tvalid_from\n";
  content.reserve(2 << 20);
  for (int i = 0; i < 50000; ++i) {
    absl::StrAppend(&content, "E", i % 997, "\tp", i % 5, "\tE", i, "\t",
                    2000 + i % 20, "\n");
  }
  content += "E1\tp1\tE2\t2020-02-30\n";
  std::string path = Write("big.tsv", content);
  auto r = Load({path});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Msg(r.status()),
            absl::StrCat(path,
                         ":50002:10: valid_from: invalid time '2020-02-30': no "
                         "such day (expected YYYY, YYYY-MM, YYYY-MM-DD or "
                         "YYYY-MM-DDThh:mm:ssZ)"));
  EXPECT_EQ(State(), before);
  EXPECT_TRUE(FindSubject("E5").empty());

  // Skipping it (in a dry run, to stay fast) would add every other row.
  LoadOptions skip;
  skip.skip_bad = true;
  skip.dry_run = true;
  skip.reject_file = root_ + "/big.rejects";
  r = Load({path}, skip);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rows, 50001);
  EXPECT_EQ(r->claims_added, 50000);
  EXPECT_EQ(r->rejected, 1);
  EXPECT_EQ(State(), before);
  EXPECT_TRUE(absl::StrContains(ReadFile(skip.reject_file),
                                absl::StrCat(path, ":50002:10: ")));
}

TEST_F(LoadTest, SkipBadWritesEveryRejectedRow) {
  LoadBaseline();
  const StoreState before = State();
  std::string path =
      Write("mixed.tsv",
            "subject\tpredicate\tobject\tvalid_from\tconfidence\n"
            "Fresh\tp\tA\t2020\t\n"
            "\tp\tB\t2020\t\n"            // 3: empty subject
            "Fresh\tp\tC\t2020-13\t\n"    // 4: bad month
            "Fresh\tp\tD\t2020\t1.5\t\n"  // 5: too many fields
            "Fresh\tp\tE\t2021\t0.5\n"
            "Fresh\tp\tF\t2021\t7\n"  // 7: bad confidence
            "Fresh\tp\tG\t\t\n");
  LoadOptions skip;
  skip.skip_bad = true;
  skip.reject_file = root_ + "/mixed.rejects";
  auto r = Load({path}, skip);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rows, 7);
  EXPECT_EQ(r->rejected, 4);
  EXPECT_EQ(r->claims_added, 3);
  EXPECT_EQ(r->reject_file, skip.reject_file);
  EXPECT_EQ(FindSubject("Fresh").size(), 3u);
  EXPECT_EQ(State().claims, before.claims + 3);

  std::string rejects = ReadFile(root_ + "/mixed.rejects");
  std::vector<std::string> lines = absl::StrSplit(rejects, '\n');
  std::vector<std::string> reasons;
  for (const std::string& l : lines) {
    if (absl::StartsWith(l, path)) reasons.push_back(l);
  }
  ASSERT_EQ(reasons.size(), 4u) << rejects;
  EXPECT_EQ(reasons[0], path + ":3:1: empty subject");
  EXPECT_TRUE(absl::StartsWith(
      reasons[1], path + ":4:11: valid_from: invalid time '2020-13'"))
      << reasons[1];
  EXPECT_TRUE(absl::StartsWith(reasons[2], path + ":5:20: expected 5 fields"))
      << reasons[2];
  EXPECT_EQ(reasons[3],
            path + ":7:16: confidence '7' is not a number within [0, 1]");
  // The decoded rows' fields follow their reason.
  EXPECT_TRUE(absl::StrContains(rejects, "object=B")) << rejects;
  EXPECT_TRUE(absl::StrContains(rejects, "confidence=7")) << rejects;

  // A load with nothing bad writes no reject file.
  LoadOptions clean = skip;
  clean.reject_file = root_ + "/clean.rejects";
  std::string good = Write("good.tsv", "subject\tpredicate\tobject\nX\tp\tY\n");
  auto r2 = Load({good}, clean);
  ASSERT_TRUE(r2.ok()) << r2.status();
  EXPECT_EQ(r2->rejected, 0);
  EXPECT_TRUE(r2->reject_file.empty());
  EXPECT_FALSE(std::filesystem::exists(clean.reject_file));
}

TEST_F(LoadTest, SkipBadDefaultRejectFileIsBesideTheFirstFile) {
  std::string path =
      Write("defaults.tsv", "subject\tpredicate\tobject\nA\tp\tB\n\tp\tC\n");
  LoadOptions skip;
  skip.skip_bad = true;
  auto r = Load({path}, skip);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rejected, 1);
  EXPECT_EQ(r->reject_file, path + ".rejects");
  EXPECT_TRUE(std::filesystem::exists(path + ".rejects"));
  EXPECT_FALSE(std::filesystem::exists("defaults.tsv.rejects"));  // not in cwd
}

TEST_F(LoadTest, LongLineIsABadRow) {
  std::string path = Write("long.tsv",
                           "subject\tpredicate\tobject\n"
                           "A\tp\tB\n" +
                               std::string("A\tp\t") + std::string(200, 'x') +
                               "\n"
                               "A\tp\tC\n");
  LoadOptions o;
  o.max_line_bytes = 100;
  auto r = Load({path}, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Msg(r.status()), path + ":3:1: line longer than 100 bytes");
  EXPECT_EQ(State().claims, 0);
  o.skip_bad = true;
  o.reject_file = root_ + "/long.rejects";
  r = Load({path}, o);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rejected, 1);
  EXPECT_EQ(r->claims_added, 2);
}

TEST_F(LoadTest, DryRunValidatesAndWritesNothing) {
  LoadBaseline();
  const StoreState before = State();
  std::string path = Write("dry.tsv",
                           "subject\tpredicate\tobject\tvalid_from\n"
                           "Gazprom\tsigned\tmemo\t2025-09-02\n"
                           "Fresh\tp\tNewThing\t\n"
                           "Fresh\tp\tOther\t\n");
  LoadOptions dry;
  dry.dry_run = true;
  auto r = Load({path}, dry);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->rows, 3);
  EXPECT_EQ(r->claims_added, 2);  // what a load would add
  EXPECT_EQ(r->duplicates, 1);
  EXPECT_EQ(r->terms_added, 4);  // Fresh p NewThing Other
  EXPECT_EQ(State(), before);
  EXPECT_TRUE(FindSubject("Fresh").empty());
  // Then the real load does what the dry run said.
  auto real = Load({path});
  ASSERT_TRUE(real.ok()) << real.status();
  EXPECT_EQ(real->claims_added, 2);
  EXPECT_EQ(real->terms_added, 4);
  EXPECT_EQ(State().claims, before.claims + 2);
}

TEST_F(LoadTest, MissingFileIsNotFoundAndChangesNothing) {
  LoadBaseline();
  const StoreState before = State();
  std::string missing = root_ + "/no-such-file.tsv";
  auto r = Load({missing});
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(absl::IsNotFound(r.status())) << r.status();
  EXPECT_TRUE(absl::StrContains(r.status().message(), missing)) << r.status();
  EXPECT_EQ(State(), before);
  // After a good file, too: nothing of the good file is loaded.
  std::string good =
      Write("good.tsv", "subject\tpredicate\tobject\nFresh\tp\tB\n");
  r = Load({good, missing});
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(absl::IsNotFound(r.status())) << r.status();
  EXPECT_EQ(State(), before);
  EXPECT_TRUE(FindSubject("Fresh").empty());
  // skip_bad does not skip missing files.
  LoadOptions skip;
  skip.skip_bad = true;
  skip.reject_file = root_ + "/x.rejects";
  r = Load({good, missing}, skip);
  EXPECT_TRUE(absl::IsNotFound(r.status())) << r.status();
  EXPECT_EQ(State(), before);
  // No files, or a format the extension does not tell.
  EXPECT_TRUE(absl::IsInvalidArgument(Load({}).status()));
  std::string odd = Write("facts.dat", "subject\tpredicate\tobject\nA\tp\tB\n");
  EXPECT_TRUE(absl::IsInvalidArgument(Load({odd}).status()));
  LoadOptions tsv;
  tsv.format = LoadFormat::kTsv;
  auto forced = Load({odd}, tsv);
  ASSERT_TRUE(forced.ok()) << forced.status();
  EXPECT_EQ(forced->claims_added, 1);
}

}  // namespace
}  // namespace annals
