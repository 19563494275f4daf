// `--wikidata` loads (load/wikidata_reader.h, wikidata_aliases.h) through
// Database::Load: load/testdata/wikidata_sample.ttl as claims with their
// valid time, precision and source, ranks, truthy duplicates, labels as
// aliases in the load's language; errors with FILE:LINE:COLUMN and nothing
// loaded; Wikidata times at each precision.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "annals/database.h"
#include "common/absl_view.h"
#include "gtest/gtest.h"
#include "load/wikidata_reader.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

using test::TempDir;

constexpr char kWd[] = "http://www.wikidata.org/entity/";
constexpr char kWdt[] = "http://www.wikidata.org/prop/direct/";

std::string Sample() {
  return std::string(ANNALS_SOURCE_DIR) + "/load/testdata/wikidata_sample.ttl";
}

std::string Wd(const char* id) { return absl::StrCat(kWd, id); }
std::string Wdt(const char* id) { return absl::StrCat(kWdt, id); }

LoadOptions Wikidata(const char* language = "en") {
  LoadOptions options;
  options.wikidata = true;
  options.language = language;
  return options;
}

// One line per claim: predicate property, object, interval, source.
std::vector<std::string> Lines(Database& db, const Value& subject) {
  ClaimPattern pattern;
  pattern.subject = subject;
  auto claims = db.Find(pattern, TimeView::AllTime());
  EXPECT_TRUE(claims.ok()) << claims.status();
  std::vector<std::string> out;
  for (const Claim& c : claims.value_or(std::vector<Claim>())) {
    std::string_view predicate = c.predicate;
    if (absl::StartsWith(AbslView(predicate), kWdt)) {
      predicate.remove_prefix(sizeof(kWdt) - 1);
    }
    out.push_back(absl::StrCat(AbslView(predicate), " ", c.object.ToString(),
                               " ", c.valid.ToString(), " ", c.source));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The rows of `statement`'s result as tab-separated text.
std::string QueryText(Database& db, const std::string& statement) {
  auto result = db.Query(statement);
  EXPECT_TRUE(result.ok()) << statement << ": " << result.status();
  if (!result.ok()) return "";
  std::string text;
  while (result->Next()) {
    for (const Cell& cell : result->row()) {
      absl::StrAppend(
          &text, cell.kind == Cell::Kind::kValue ? cell.value.ToString() : "",
          "\t");
    }
    text += "\n";
  }
  EXPECT_TRUE(result->status().ok()) << result->status();
  return text;
}

class WikidataLoadTest : public testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.Join("wd"));
    ASSERT_TRUE(db.ok()) << db.status();
    db_.emplace(*std::move(db));
  }
  TempDir dir_;
  std::optional<Database> db_;
};

TEST_F(WikidataLoadTest, StatementsBecomeClaims) {
  auto loaded = db_->Load({Sample()}, Wikidata());
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  // Two P39 statements (the deprecated third left out), the date of birth,
  // the award and the truthy-only P27; the truthy P39 and P569 not again.
  EXPECT_EQ(loaded->claims_added, 5);
  const std::vector<std::string> expected = {
      absl::StrCat("P166 ", kWd, "Q702434 [2007, 2007) "),
      absl::StrCat("P27 ", kWd, "Q159 (..., ...) "),
      absl::StrCat("P39 ", kWd, "Q218295 [2000-05-07, 2008-05) ", kWd, "Q328"),
      absl::StrCat("P39 ", kWd,
                   "Q218295 [2012-05-07, ...) "
                   "http://en.kremlin.ru/events/president/news/15224"),
      "P569 1952-10-07 (..., ...) ",
  };
  EXPECT_EQ(Lines(*db_, Value::Entity(Wd("Q7747"))), expected);
  // Labels and descriptions are no claims; nothing of the deprecated one.
  for (const char* gone : {"Q2233037"}) {
    ClaimPattern pattern;
    pattern.object = Value::Entity(Wd(gone));
    auto claims = db_->Find(pattern, TimeView::AllTime());
    ASSERT_TRUE(claims.ok());
    EXPECT_TRUE(claims->empty()) << gone;
  }
  auto all = db_->Find(ClaimPattern(), TimeView::AllTime());
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 5u);
}

TEST_F(WikidataLoadTest, LabelsInTheLanguageAreAliases) {
  auto loaded = db_->Load({Sample()}, Wikidata());
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  ASSERT_FALSE(loaded->notices.empty());
  EXPECT_TRUE(
      absl::StrContains(loaded->notices.back(),
                        "6 Wikidata labels added to the schema as aliases"))
      << loaded->notices.back();
  const std::string p39 = absl::StrCat("\"", Wdt("P39"), "\"");
  // HISTORY by the label: both terms, with their intervals and sources.
  const std::string history =
      QueryText(*db_, absl::StrCat("HISTORY \"Vladimir Putin\" ", p39));
  EXPECT_TRUE(absl::StrContains(history, "2012-05-07")) << history;
  EXPECT_TRUE(absl::StrContains(history, "2000-05-07\t2008-05")) << history;
  EXPECT_TRUE(absl::StrContains(
      history, "http://en.kremlin.ru/events/president/news/15224"))
      << history;
  // AT: the term that held then, by an alt label; its source.
  EXPECT_EQ(QueryText(*db_, absl::StrCat("FIND ?o source(?c) WHERE ?c: Putin ",
                                         p39, " ?o AT 2005")),
            absl::StrCat(Wd("Q218295"), "\t\"", Wd("Q328"), "\"\t\n"));
  EXPECT_EQ(QueryText(*db_, absl::StrCat("FIND ?o WHERE Putin ", p39,
                                         " ?o AT 2020-01-01")),
            absl::StrCat(Wd("Q218295"), "\t\n"));
  EXPECT_EQ(QueryText(*db_, absl::StrCat("FIND ?x WHERE ?x ", p39,
                                         " \"President of Russia\"")),
            absl::StrCat(Wd("Q7747"), "\t\n"));
  // The point in time: some instant of 2007.
  EXPECT_EQ(QueryText(*db_, absl::StrCat("FIND ?o WHERE \"Vladimir Putin\" \"",
                                         Wdt("P166"), "\" ?o AT 2007-06")),
            "");
  EXPECT_EQ(
      QueryText(*db_, absl::StrCat("FIND ?o WHERE \"Vladimir Putin\" \"",
                                   Wdt("P166"), "\" ?o AT 2007-06 POSSIBLY")),
      absl::StrCat(Wd("Q702434"), "\t\n"));
  // The file's prefixes name the same entity and property.
  EXPECT_EQ(QueryText(*db_, "FIND ?x WHERE wd:Q7747 wdt:P27 ?x"),
            absl::StrCat(Wd("Q159"), "\t\n"));
  // Other languages' labels are not aliases.
  auto schema = db_->GetSchema();
  ASSERT_TRUE(schema.ok()) << schema.status();
  EXPECT_TRUE(absl::StrContains(
      schema->text,
      absl::StrCat("alias \"Vladimir Putin\" = \"", Wd("Q7747"), "\"")));
  EXPECT_FALSE(absl::StrContains(schema->text, "Путин"));
}

TEST_F(WikidataLoadTest, AnotherLanguage) {
  auto loaded = db_->Load({Sample()}, Wikidata("RU"));
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  auto schema = db_->GetSchema();
  ASSERT_TRUE(schema.ok());
  EXPECT_TRUE(absl::StrContains(schema->text, "alias \"Путин\" = "));
  EXPECT_TRUE(absl::StrContains(schema->text, "alias \"Россия\" = "));
  EXPECT_FALSE(absl::StrContains(schema->text, "\"Vladimir Putin\""));
  EXPECT_EQ(Lines(*db_, Value::Entity("Владимир Путин")).size(), 5u);
}

TEST_F(WikidataLoadTest, LoadingTwiceAddsNothing) {
  ASSERT_TRUE(db_->Load({Sample()}, Wikidata()).ok());
  auto again = db_->Load({Sample()}, Wikidata());
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->claims_added, 0);
  ASSERT_FALSE(again->notices.empty());
  EXPECT_TRUE(absl::StrContains(again->notices.back(),
                                "6 labels left out, e.g. 'Vladimir Putin'"))
      << again->notices.back();
}

TEST_F(WikidataLoadTest, LabelsThatNameSomethingElseAreLeftOut) {
  // The store already has an entity `Russia`: an alias would hide it.
  const std::string tsv = test::WriteFileIn(
      dir_.Join(""), "russia.tsv",
      "subject\tpredicate\tobject\nRussia\tmember_of\tBRICS\n");
  ASSERT_TRUE(db_->Load({tsv}, LoadOptions()).ok());
  const std::string ttl = test::WriteFileIn(dir_.Join(""), "two.ttl", R"(
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
wd:Q159 rdfs:label "Russia"@en ; wdt:P31 wd:Q6256 .
wd:Q90 rdfs:label "Paris"@en .
wd:Q167646 rdfs:label "Paris"@en .
wd:Q6256 rdfs:label "country"@en .
)");
  auto loaded = db_->Load({ttl}, Wikidata());
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->claims_added, 1);
  ASSERT_FALSE(loaded->notices.empty());
  EXPECT_TRUE(absl::StrContains(loaded->notices.back(),
                                "1 Wikidata label added to the schema as "
                                "aliases; 2 labels left out, e.g. 'Russia'"))
      << loaded->notices.back();
  auto schema = db_->GetSchema();
  ASSERT_TRUE(schema.ok());
  EXPECT_TRUE(absl::StrContains(schema->text, "alias \"country\" = "));
  EXPECT_FALSE(absl::StrContains(schema->text, "Paris"));
  EXPECT_EQ(Lines(*db_, Value::Entity("Russia")).size(), 1u);  // the TSV's
}

// Writes `body` after the prefixes as a .ttl file and loads it.
class WikidataErrorTest : public WikidataLoadTest {
 protected:
  absl::StatusOr<LoadResult> LoadText(const std::string& body,
                                      LoadOptions options = Wikidata()) {
    path_ = test::WriteFileIn(dir_.Join(""), "bad.ttl", kPrefixes + body);
    return db_->Load({path_}, options);
  }
  void ExpectRefused(const std::string& body, const std::string& where,
                     const std::string& message) {
    auto loaded = LoadText(body);
    ASSERT_FALSE(loaded.ok()) << body;
    EXPECT_TRUE(absl::StartsWith(loaded.status().message(),
                                 absl::StrCat(path_, ":", where, ": ")))
        << loaded.status();
    EXPECT_TRUE(absl::StrContains(loaded.status().message(), message))
        << loaded.status();
    auto all = db_->Find(ClaimPattern(), TimeView::AllTime());
    ASSERT_TRUE(all.ok());
    EXPECT_TRUE(all->empty()) << "a failed load loaded something";
    auto schema = db_->GetSchema();
    EXPECT_TRUE(!schema.ok() || schema->text.empty());
  }
  static inline const std::string kPrefixes =
      R"(@prefix wd: <http://www.wikidata.org/entity/> .
@prefix wds: <http://www.wikidata.org/entity/statement/> .
@prefix wdv: <http://www.wikidata.org/value/> .
@prefix p: <http://www.wikidata.org/prop/> .
@prefix ps: <http://www.wikidata.org/prop/statement/> .
@prefix pq: <http://www.wikidata.org/prop/qualifier/> .
@prefix pqv: <http://www.wikidata.org/prop/qualifier/value/> .
@prefix wikibase: <http://wikiba.se/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
)";  // 9 lines
  std::string path_;
};

TEST_F(WikidataErrorTest, AStatementWithoutAValue) {
  ExpectRefused("wd:Q1 rdfs:label \"one\"@en .\nwd:Q1 p:P31 wds:s1 .\n",
                "11:20", "it has no value (ps:P31)");
}

TEST_F(WikidataErrorTest, AStatementNoEntityLinksTo) {
  ExpectRefused("wds:s1 ps:P31 wd:Q5 .\n", "10:21", "no entity links to it");
}

TEST_F(WikidataErrorTest, APrecisionCoarserThanAYear) {
  ExpectRefused(
      "wd:Q1 p:P31 wds:s1 .\nwds:s1 ps:P31 wd:Q5 ; pqv:P580 wdv:v .\n"
      "wdv:v wikibase:timeValue \"1960-01-01T00:00:00Z\" ;\n"
      "  wikibase:timePrecision \"8\" .\n",
      "10:20",
      "start time (P580): time precision 8 (decade) is coarser than a year, "
      "which Annals cannot keep");
}

TEST_F(WikidataErrorTest, ASyntaxError) {
  ExpectRefused("wd:Q1 p:P31 wds:s1 .\nwds:s1 ps:P31 wd:Q5 wd:Q6 .\n", "11:20",
                "missing ';' or '.'");
}

TEST_F(WikidataErrorTest, SkipBadLoadsTheOthers) {
  LoadOptions options = Wikidata();
  options.skip_bad = true;
  options.reject_file = dir_.Join("rejects");
  auto loaded = LoadText(
      "wd:Q1 p:P31 wds:s1, wds:s2 .\nwds:s1 ps:P31 wd:Q5 .\n"
      "wds:s2 wikibase:rank wikibase:NormalRank .\n",
      options);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->claims_added, 1);
  EXPECT_EQ(loaded->rejected, 1);
  EXPECT_TRUE(absl::StrContains(test::ReadFile(dir_.Join("rejects")),
                                "it has no value (ps:P31)"));
}

TEST_F(WikidataErrorTest, OnlyRdfFiles) {
  const std::string tsv =
      test::WriteFileIn(dir_.Join(""), "x.tsv", "subject\tpredicate\tobject\n");
  auto loaded = db_->Load({tsv}, Wikidata());
  ASSERT_FALSE(loaded.ok());
  EXPECT_TRUE(
      absl::StrContains(loaded.status().message(), "--wikidata reads RDF"))
      << loaded.status();
}

TEST(WikidataTime, EachPrecision) {
  EXPECT_EQ(*load::WikidataTime("2012-05-07T00:00:00Z", 11), "2012-05-07");
  EXPECT_EQ(*load::WikidataTime("+2008-05-00T00:00:00Z", 10), "2008-05");
  EXPECT_EQ(*load::WikidataTime("2007-00-00T00:00:00Z", 9), "2007");
  EXPECT_EQ(*load::WikidataTime("-0431-01-01T00:00:00Z", 9), "-0431");
  EXPECT_FALSE(load::WikidataTime("2023-02-29T00:00:00Z", 11).ok());
  EXPECT_EQ(*load::WikidataTime("2024-02-29T00:00:00Z", 11), "2024-02-29");
  EXPECT_EQ(*load::WikidataTime("2012-05-07T10:20:30Z", 14),
            "2012-05-07T10:20:30Z");
  for (int p : {0, 3, 6, 7, 8}) {
    auto t = load::WikidataTime("1960-01-01T00:00:00Z", p);
    ASSERT_FALSE(t.ok()) << p;
    EXPECT_TRUE(
        absl::StrContains(t.status().message(), "is coarser than a year"))
        << t.status();
  }
  EXPECT_TRUE(absl::StrContains(
      load::WikidataTime("1960-01-01T00:00:00Z", 8).status().message(),
      "(decade)"));
  EXPECT_TRUE(absl::StrContains(
      load::WikidataTime("1960-01-01T00:00:00Z", 7).status().message(),
      "(century)"));
  EXPECT_FALSE(load::WikidataTime("2012-05-07", 11).ok());
  EXPECT_FALSE(load::WikidataTime("2012-13-07T00:00:00Z", 11).ok());
  EXPECT_FALSE(load::WikidataTime("2012-05-07T00:00:00Z", 15).ok());
  EXPECT_FALSE(load::WikidataTime("-13798000000-00-00T00:00:00Z", 9).ok());
}

}  // namespace
}  // namespace annals
