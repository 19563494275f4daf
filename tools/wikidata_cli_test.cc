// `annals load --wikidata` through the real binary: the sample loads, its
// labels answer queries, the summary says how many aliases were added, and
// the flags' usage errors.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

class WikidataCliTest : public test::TinyStoreTest {
 protected:
  test::CliResult Run(const std::vector<std::string>& args) {
    return test::TinyStoreTest::Run(args, "");
  }
  const std::string sample_ =
      std::string(ANNALS_SOURCE_DIR) + "/load/testdata/wikidata_sample.ttl";
};

TEST_F(WikidataCliTest, LoadsTheSampleAndAnswersByLabel) {
  test::CliResult r = Run({"load", "--wikidata", "wd.annals", sample_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "5 claims added")) << r.out;
  EXPECT_TRUE(absl::StrContains(
      r.err, "-- 6 Wikidata labels added to the schema as aliases"))
      << r.err;
  r = Run({"query", "--format=tsv", "wd.annals",
           "HISTORY \"Vladimir Putin\" wdt:P39"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "\t2000-05-07\t2008-05\t")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "\t2012-05-07\t\t")) << r.out;
  EXPECT_TRUE(absl::StrContains(
      r.out, "http://en.kremlin.ru/events/president/news/15224"))
      << r.out;
  r = Run({"load", "--wikidata", "--lang=ru", "ru.annals", sample_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Run(
      {"query", "--format=tsv", "ru.annals", "FIND ?x WHERE Путин wdt:P27 ?x"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "http://www.wikidata.org/entity/Q159"))
      << r.out;
}

// The extension is read as by any load: in any case.
TEST_F(WikidataCliTest, UpperCaseExtensionIsTurtle) {
  test::WriteFileIn(root_, "SAMPLE.TTL", test::ReadFile(sample_));
  test::CliResult r = Run({"load", "--wikidata", "wd.annals", "SAMPLE.TTL"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "5 claims added")) << r.out;
}

TEST_F(WikidataCliTest, ABadStatementFailsTheLoadWithItsPlace) {
  test::WriteFileIn(root_, "bad.ttl",
                    "@prefix p: <http://www.wikidata.org/prop/> .\n"
                    "<http://www.wikidata.org/entity/Q1> p:P31 "
                    "<http://www.wikidata.org/entity/statement/s1> .\n");
  test::CliResult r = Run({"load", "--wikidata", "bad.annals", "bad.ttl"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(absl::StrContains(r.err, "bad.ttl:2:"));
  EXPECT_TRUE(absl::StrContains(r.err, "it has no value (ps:P31)")) << r.err;
}

TEST_F(WikidataCliTest, UsageErrors) {
  test::CliResult r = Run({"load", "--lang=de", "x.annals", sample_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(r.err, "--lang is for --wikidata loads"))
      << r.err;
  r = Run({"load", "--wikidata=yes", "x.annals", sample_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(r.err, "--wikidata takes no value")) << r.err;
  r = Run({"load", "--wikidata", "x.annals",
           std::string(ANNALS_SOURCE_DIR) + "/datasets/tiny/claims.tsv"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(r.err, "--wikidata reads RDF")) << r.err;
}

}  // namespace
}  // namespace annals
