// The command line on names and dates (issue 17): an unknown name in a read
// is an empty answer with a notice on stderr and exit code 0 (`query`,
// `find`); a write that adds names says so, near-misses with the name they
// are near (`query`, `load`); --strict refuses new predicates the schema
// does not declare, writing nothing; a date written otherwise than
// YYYY-MM-DD is an error at the date.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/support/run_cli.h"

namespace annals {
namespace {

std::string Describe(const test::CliResult& r) {
  return absl::StrCat("exit ", r.exit_code, "\nstdout:\n", r.out, "\nstderr:\n",
                      r.err);
}

class CliNamesTest : public test::TinyStoreTest {
 protected:
  test::CliResult Query(const std::string& statement,
                        std::vector<std::string> flags = {}) {
    std::vector<std::string> args = {"query"};
    args.insert(args.end(), flags.begin(), flags.end());
    args.push_back(store_);
    args.push_back(statement);
    return Run(args, "");
  }
  // How many claims have `subject` (any time, as a count row).
  std::string Count(const std::string& pattern) {
    test::CliResult r = Query(
        absl::StrCat("FIND count(*) WHERE ", pattern, " DURING 1900 TO 2100"),
        {"--format=csv"});
    EXPECT_EQ(r.exit_code, 0) << Describe(r);
    return r.out;
  }
  // A schema declaring two of the store's predicates.
  std::string Schema() {
    return test::WriteFileIn(root_, "small.schema",
                             "predicate member_of : entity many\n"
                             "predicate full_name : string one\n");
  }
};

TEST_F(CliNamesTest, AnUnknownNameIsAnEmptyAnswerWithANotice) {
  test::CliResult r = Query("FIND ?x WHERE Rusia member_of ?x");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.err, "-- unknown name 'Rusia'; did you mean 'Russia'?\n")
      << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "(0 rows)")) << Describe(r);
  // In csv the rows stay clean: the notice is on stderr only.
  r = Query("FIND ?x WHERE Russia membr_of ?x", {"--format=csv"});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.out, "?x\n") << Describe(r);
  EXPECT_EQ(r.err,
            "-- unknown predicate 'membr_of'; did you mean 'member_of'?\n")
      << Describe(r);
  // A script: each statement's notice, and the script goes on.
  r = Run({"query", store_},
          "HISTORY Rusia;\nFIND ?x WHERE Russia member_of ?x AT 2025-09-02;\n");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StrContains(
      r.err, "-- unknown name 'Rusia'; did you mean 'Russia'?"))
      << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "Shanghai Cooperation Organisation"))
      << Describe(r);
}

TEST_F(CliNamesTest, FindSaysWhichNameIsUnknown) {
  test::CliResult r =
      Run({"find", store_, "--subject=Rusia", "--all-time"}, "");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.err, "-- unknown name 'Rusia'; did you mean 'Russia'?\n")
      << Describe(r);
  EXPECT_TRUE(absl::StartsWith(r.out, "(0 claims;")) << Describe(r);
  r = Run({"find", store_, "--subject=Russia", "--predicate=membr_of"}, "");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.err,
            "-- unknown predicate 'membr_of'; did you mean 'member_of'?\n")
      << Describe(r);
  // Known names: nothing on stderr.
  r = Run({"find", store_, "--subject=Russia", "--predicate=member_of"}, "");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.err, "") << Describe(r);
}

TEST_F(CliNamesTest, AnAssertSaysWhichNamesItAdds) {
  test::CliResult r = Query("ASSERT Rusia member_of BRICS");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.err,
            "-- new entity 'Rusia'; did you mean 'Russia'?\n"
            "-- new entity 'BRICS'\n")
      << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "asserted")) << Describe(r);
  // Written: the name is known now.
  r = Query("FIND ?x WHERE Rusia member_of ?x");
  EXPECT_EQ(r.err, "") << Describe(r);
  EXPECT_TRUE(absl::StrContains(r.out, "BRICS")) << Describe(r);
  // Known names: no notice.
  r = Query("ASSERT Russia member_of BRICS");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.err, "") << Describe(r);
  // A new predicate, near one in use.
  r = Query("ASSERT Russia membr_of G20");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.err,
            "-- new predicate 'membr_of'; did you mean 'member_of'?\n"
            "-- new entity 'G20'\n")
      << Describe(r);
}

TEST_F(CliNamesTest, StrictRefusesANewUndeclaredPredicate) {
  ASSERT_EQ(Run({"schema", store_, Schema()}, "").exit_code, 0);
  const std::string before = Count("Russia ?p ?o");
  test::CliResult r =
      Query("ASSERT Russia membr_of G20 FROM 2020", {"--strict"});
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StrContains(
      r.err,
      "line 1, column 15: new predicate 'membr_of' is not in the schema "
      "(strict: nothing written); did you mean 'member_of'?"))
      << Describe(r);
  EXPECT_EQ(Count("Russia ?p ?o"), before);
  EXPECT_EQ(Count("?s ?p G20"), "count(*)\n0\n");
  // A declared predicate, a predicate in use, and new entity names are
  // fine.
  r = Query("ASSERT Russia member_of G20 FROM 2020", {"--strict"});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.err, "-- new entity 'G20'\n") << Describe(r);
  r = Query("ASSERT G20 held_in Osaka FROM 2019", {"--strict"});
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  // Without --strict the same write goes through, with its notice.
  r = Query("ASSERT Russia membr_of G20 FROM 2020");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
}

TEST_F(CliNamesTest, ALoadListsItsNewNames) {
  const std::string file = test::WriteFileIn(
      root_, "more.tsv",
      "subject\tpredicate\tobject\tvalid_from\n"
      "Rusia\tmember_of\tBRICS\t2010\n"
      "Kazakhstan\tmembr_of\tShanghai Cooperation Organisation\t2001\n"
      "China\tmember_of\tBRICS\t2010\n");
  test::CliResult r = Run({"load", store_, file}, "");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_TRUE(absl::StrContains(
      r.out,
      "New names: 3 entities (Rusia, BRICS, Kazakhstan), 1 predicate "
      "(membr_of)\n"))
      << Describe(r);
  EXPECT_EQ(r.err,
            "-- new entity 'Rusia'; did you mean 'Russia'?\n"
            "-- new predicate 'membr_of'; did you mean 'member_of'?\n")
      << Describe(r);
}

TEST_F(CliNamesTest, AStrictLoadRefusesANewUndeclaredPredicate) {
  ASSERT_EQ(Run({"schema", store_, Schema()}, "").exit_code, 0);
  const std::string file = test::WriteFileIn(
      root_, "more.tsv",
      "subject\tpredicate\tobject\tvalid_from\n"
      "Kazakhstan\tmember_of\tShanghai Cooperation Organisation\t2001\n"
      "Kazakhstan\tmembr_of\tShanghai Cooperation Organisation\t2001\n");
  test::CliResult r = Run({"load", "--strict", store_, file}, "");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StrContains(
      r.err, "more.tsv:3:12: new predicate 'membr_of' is not in the schema"))
      << Describe(r);
  EXPECT_EQ(Count("Kazakhstan ?p ?o"), "count(*)\n0\n");
  // With --skip-bad the row is rejected and the rest loads.
  r = Run({"load", "--strict", "--skip-bad", store_, file}, "");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(Count("Kazakhstan ?p ?o"), "count(*)\n1\n");
}

TEST_F(CliNamesTest, DatesAreWrittenYearMonthDay) {
  test::CliResult r = Query("FIND ?x WHERE Russia member_of ?x AT 09/02/2025");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StrContains(
      r.err,
      "line 1, column 38: dates are written YYYY-MM-DD (2025-09-02); "
      "'09/02/2025' is not a date"))
      << Describe(r);
  r = Query("FIND ?x WHERE Russia member_of ?x AT 225-09-02");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_TRUE(absl::StrContains(
      r.err,
      "line 1, column 38: a year is written with four digits (0225-09-02), "
      "or signed (+225-09-02)"))
      << Describe(r);
}

}  // namespace
}  // namespace annals
