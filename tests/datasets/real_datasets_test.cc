// Loads the real temporal knowledge graphs of ../shared/datasets (YAGO11k
// and Wikidata12k, whose dates have `#` for unknown digits and whose headers
// say start/end) as docs/loading.md, "Loading YAGO11k and Wikidata12k", tells,
// and checks the counts given there: rows loaded, rows rejected by reason, and
// the precision of the stored intervals. Skips where the datasets are absent.

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "annals/claim.h"
#include "annals/database.h"
#include "annals/options.h"
#include "annals/time.h"
#include "annals/value.h"
#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

fs::path DatasetDir(const std::string& name) {
  return fs::path(ANNALS_SOURCE_DIR) / ".." / "shared" / "datasets" / name;
}

// The split files of a dataset, train first.
std::vector<std::string> NamedFiles(const std::string& name) {
  std::vector<std::string> files;
  for (const char* split : {"train", "valid", "test"}) {
    files.push_back((DatasetDir(name) / (std::string(split) + "_named.tsv"))
                        .lexically_normal()
                        .string());
  }
  return files;
}

bool Present(const std::string& name) {
  for (const std::string& f : NamedFiles(name)) {
    if (!fs::exists(f)) return false;
  }
  return true;
}

// What docs/loading.md reports for one dataset.
struct Expected {
  int64_t rows, claims, duplicates;
  std::map<std::string, int64_t> rejected;  // reason -> rows
  // Precision of valid_from and of valid_to: "year", "month", "day", "open".
  std::map<std::string, int64_t> from, to;
  // Claims that hold at no instant for certain ("some time in 2008":
  // [2008, 2008)), found only with POSSIBLY or a window around them.
  int64_t certain_empty;
  int64_t terms_added;
  // Some claims as Interval::ToString prints their valid time.
  std::vector<std::vector<std::string>> spots;  // s, p, o, valid
};

// The reason of a reject-file line "file:line:col: reason", with its
// particular values left out.
std::string ReasonKind(const std::string& reason) {
  if (absl::StrContains(reason, "is not after valid_from")) {
    return "valid_to not after valid_from";
  }
  if (absl::StrContains(reason, "partly known year")) {
    return "partly known year";
  }
  if (absl::StrContains(reason, "month out of range")) {
    return "month out of range";
  }
  return reason;
}

std::string Name(const std::optional<TimePoint>& end) {
  return end ? std::string(PrecisionName(end->precision)) : "open";
}

class RealDatasetsTest : public ::testing::Test {
 protected:
  // The load of docs/loading.md: --columns=start:valid_from,end:valid_to
  // --dates=unknown-digits --skip-bad.
  static LoadOptions Options(const std::string& rejects) {
    LoadOptions o;
    o.columns = {{"start", "valid_from"}, {"end", "valid_to"}};
    o.dates = DateFormat::kUnknownDigits;
    o.skip_bad = true;
    o.reject_file = rejects;
    return o;
  }

  void LoadAndCheck(const std::string& name, const Expected& want) {
    auto db = Database::Open(root_ + "/" + name);
    ASSERT_TRUE(db.ok()) << db.status();
    const std::string rejects = root_ + "/" + name + ".rejects";
    auto r = db->Load(NamedFiles(name), Options(rejects));
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->rows, want.rows);
    EXPECT_EQ(r->claims_added, want.claims);
    EXPECT_EQ(r->duplicates, want.duplicates);
    EXPECT_EQ(r->terms_added, want.terms_added);
    int64_t rejected = 0;
    for (const auto& [reason, n] : want.rejected) rejected += n;
    EXPECT_EQ(r->rejected, rejected);

    std::map<std::string, int64_t> reasons;
    std::ifstream in(rejects);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#' || line[0] == '\t') continue;
      // "path:line:column: reason"; the path has no ": ".
      const size_t colon = line.find(": ");
      ASSERT_NE(colon, std::string::npos) << line;
      reasons[ReasonKind(line.substr(colon + 2))]++;
    }
    EXPECT_EQ(reasons, want.rejected);

    std::map<std::string, int64_t> from, to;
    int64_t certain_empty = 0;
    absl::Status s =
        db->Scan(ClaimPattern(), TimeView::AllTime(), [&](const Claim& c) {
          from[Name(c.valid.from)]++;
          to[Name(c.valid.to)]++;
          certain_empty += c.valid.Certain().empty();
          return true;
        });
    ASSERT_TRUE(s.ok()) << s;
    EXPECT_EQ(from, want.from);
    EXPECT_EQ(to, want.to);
    EXPECT_EQ(certain_empty, want.certain_empty);
    for (const auto& spot : want.spots) {
      SCOPED_TRACE(absl::StrJoin(spot, " "));
      ClaimPattern pattern;
      pattern.subject = Value::Entity(spot[0]);
      pattern.predicate = spot[1];
      pattern.object = Value::Entity(spot[2]);
      auto claims = db->Find(pattern, TimeView::AllTime());
      ASSERT_TRUE(claims.ok()) << claims.status();
      ASSERT_EQ(claims->size(), 1u);
      EXPECT_EQ((*claims)[0].valid.ToString(), spot[3]);
    }
    auto check = db->Check();
    ASSERT_TRUE(check.ok()) << check.status();
    EXPECT_TRUE(check->problems.empty());
  }

  test::TempDir dir_{"annals_real_datasets"};
  std::string root_ = dir_.path();
};

TEST_F(RealDatasetsTest, Yago11k) {
  if (!Present("yago11k")) GTEST_SKIP() << "no ../shared/datasets/yago11k";
  LoadAndCheck(
      "yago11k",
      {.rows = 20509,
       .claims = 20424,
       .duplicates = 0,
       .rejected = {{"valid_to not after valid_from", 70},
                    {"partly known year", 13},
                    {"month out of range", 2}},
       .from = {{"year", 15333}, {"month", 126}, {"day", 4965}},
       .to = {{"year", 6576}, {"month", 19}, {"day", 4843}, {"open", 8986}},
       .certain_empty = 5015,
       .terms_added = 10546,
       .spots = {
           {"<Government_of_Canada>", "<owns>", "<RCAF_Station_Grostenquin>",
            "[1952, 1964)"},
           {"<Angus_MacPhail>", "<created>", "<Aventure_Malgache>",
            "[2009-12, ...)"},
           {"<Aristophanes>", "<created>", "<The_Frogs>", "[-0405, ...)"}}});
}

// Without the options the load stops at the first date with '#', and with
// --dates but without --skip-bad at the first bad row; the store stays empty.
TEST_F(RealDatasetsTest, Yago11kErrorsWithoutTheOptions) {
  if (!Present("yago11k")) GTEST_SKIP() << "no ../shared/datasets/yago11k";
  auto db = Database::Open(root_ + "/db");
  ASSERT_TRUE(db.ok()) << db.status();
  const std::vector<std::string> files = NamedFiles("yago11k");
  auto r = db->Load(files);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            absl::StrCat(files[0],
                         ":1:26: unknown column 'start'; known columns are "
                         "subject, predicate, object, valid_from, valid_to, "
                         "recorded_at, source, by, confidence, object_type; "
                         "to load 'start' as one of them, map it with "
                         "--columns=start:COLUMN"));
  LoadOptions options;
  options.columns = {{"start", "valid_from"}, {"end", "valid_to"}};
  r = db->Load(files, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            absl::StrCat(files[0],
                         ":2:58: valid_from: invalid time '1952-##-##': "
                         "expected '-' and a two-digit month after the year "
                         "(expected YYYY, YYYY-MM, YYYY-MM-DD or "
                         "YYYY-MM-DDThh:mm:ssZ); dates with # for unknown "
                         "digits load with --dates=unknown-digits"));
  options.dates = DateFormat::kUnknownDigits;
  r = db->Load(files, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(
      r.status().message(),
      absl::StrCat(files[0],
                   ":169:68: valid_to 2007 is not after valid_from 2014"));
  auto stats = db->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->claims, 0);
}

TEST_F(RealDatasetsTest, Wikidata12k) {
  if (!Present("wikidata12k")) {
    GTEST_SKIP() << "no ../shared/datasets/wikidata12k";
  }
  LoadAndCheck("wikidata12k",
               {.rows = 40621,
                .claims = 40611,
                .duplicates = 0,
                .rejected = {{"valid_to not after valid_from", 10}},
                .from = {{"year", 39206}, {"open", 1405}},
                .to = {{"year", 35876}, {"open", 4735}},
                .certain_empty = 17829,
                .terms_added = 12578,
                .spots = {{"Q382767", "P39", "Q6578215", "[1926, 1929)"},
                          {"Q1176859", "P166", "Q575568", "[2008, 2008)"},
                          {"Q838242", "P31", "Q484170", "(..., 2015)"}}});
}

}  // namespace
}  // namespace annals
