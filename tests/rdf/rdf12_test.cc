// `annals export --claims --rdf12`: the exact RDF 1.2 N-Triples and Turtle
// it writes, `annals load` reading the N-Triples form back to the same
// claims (retractions included), the usage errors, and the line rewriting
// (load/rdf12_lines.h) that lets Serd 0.30 read that form.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "load/rdf12_lines.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

class Rdf12Test : public ::testing::Test {
 protected:
  test::CliResult Run(const std::vector<std::string>& args) {
    return test::RunCli(dir_.path(), args);
  }
  std::string Write(const std::string& name, const std::string& text) {
    return test::WriteFileIn(dir_.path(), name, text);
  }
  // A store "a" of three claims with fixed times, the second retracted.
  void MakeStore() {
    Write("a.nq",
          "<urn:annals:Russia> <urn:annals:member_of> "
          "<urn:annals:Shanghai%20Cooperation%20Organisation> _:x .\n"
          "_:x <https://annals.dev/ns#validFrom> "
          "\"2001-06-15\"^^<http://www.w3.org/2001/XMLSchema#date> .\n"
          "_:x <https://annals.dev/ns#recordedAt> "
          "\"2025-01-01\"^^<http://www.w3.org/2001/XMLSchema#date> .\n"
          "_:x <https://annals.dev/ns#source> \"sco.int\" .\n"
          "_:x <https://annals.dev/ns#by> <urn:annals:Analyst%20A> .\n"
          "_:x <https://annals.dev/ns#confidence> "
          "\"0.9\"^^<http://www.w3.org/2001/XMLSchema#double> .\n"
          "<http://ex/a> <http://ex/says> \"a \\\"b\\\"\\\\\\n\"@en _:y .\n"
          "_:y <https://annals.dev/ns#recordedAt> "
          "\"2025-02\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> .\n"
          "_:y <https://annals.dev/ns#retractedAt> "
          "\"2025-03-01T10:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#"
          "dateTime> .\n"
          "<http://ex/a> <http://ex/age> \"42\"^^"
          "<http://www.w3.org/2001/XMLSchema#integer> _:z .\n"
          "_:z <https://annals.dev/ns#validTo> "
          "\"2030\"^^<http://www.w3.org/2001/XMLSchema#gYear> .\n"
          "_:z <https://annals.dev/ns#recordedAt> "
          "\"2025-04-01T00:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#"
          "dateTime> .\n");
    test::CliResult r = Run({"load", "a", "a.nq"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  test::TempDir dir_{"annals_rdf12"};
};

constexpr char kNTriples[] =
    "_:c1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( "
    "<urn:annals:Russia> <urn:annals:member_of> "
    "<urn:annals:Shanghai%20Cooperation%20Organisation> )>> .\n"
    "_:c1 <https://annals.dev/ns#validFrom> "
    "\"2001-06-15\"^^<http://www.w3.org/2001/XMLSchema#date> .\n"
    "_:c1 <https://annals.dev/ns#recordedAt> "
    "\"2025-01-01\"^^<http://www.w3.org/2001/XMLSchema#date> .\n"
    "_:c1 <https://annals.dev/ns#source> \"sco.int\" .\n"
    "_:c1 <https://annals.dev/ns#by> <urn:annals:Analyst%20A> .\n"
    "_:c1 <https://annals.dev/ns#confidence> "
    "\"0.9\"^^<http://www.w3.org/2001/XMLSchema#double> .\n"
    "_:c2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( "
    "<http://ex/a> <http://ex/says> \"a \\\"b\\\"\\\\\\n\"@en )>> .\n"
    "_:c2 <https://annals.dev/ns#recordedAt> "
    "\"2025-02\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> .\n"
    "_:c2 <https://annals.dev/ns#retractedAt> "
    "\"2025-03-01T10:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime> "
    ".\n"
    "_:c3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( "
    "<http://ex/a> <http://ex/age> "
    "\"42\"^^<http://www.w3.org/2001/XMLSchema#integer> )>> .\n"
    "_:c3 <https://annals.dev/ns#validTo> "
    "\"2030\"^^<http://www.w3.org/2001/XMLSchema#gYear> .\n"
    "_:c3 <https://annals.dev/ns#recordedAt> "
    "\"2025-04-01T00:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime> "
    ".\n";

TEST_F(Rdf12Test, NTriplesAreExactlyTheReificationsAndNotes) {
  MakeStore();
  test::CliResult r =
      Run({"export", "--format=nt", "--claims", "--rdf12", "a"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, kNTriples);
}

TEST_F(Rdf12Test, TurtleNamesEachReifierOfAReifiedTriple) {
  MakeStore();
  test::CliResult r = Run({"export", "--format=ttl", "--claims", "--rdf12", "a",
                           "FIND ?c WHERE ?c: ?s ?p ?o AS OF 2026"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "@prefix annals: <https://annals.dev/ns#> .\n"
            "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
            "\n"
            "<< <urn:annals:Russia> <urn:annals:member_of> "
            "<urn:annals:Shanghai%20Cooperation%20Organisation> ~ _:c1 >>\n"
            "\tannals:validFrom \"2001-06-15\"^^xsd:date ;\n"
            "\tannals:recordedAt \"2025-01-01\"^^xsd:date ;\n"
            "\tannals:source \"sco.int\" ;\n"
            "\tannals:by <urn:annals:Analyst%20A> ;\n"
            "\tannals:confidence \"0.9\"^^xsd:double ;\n"
            "\tannals:batch \"1\"^^xsd:integer .\n"
            "\n"
            "<< <http://ex/a> <http://ex/age> \"42\"^^xsd:integer ~ _:c3 >>\n"
            "\tannals:validTo \"2030\"^^xsd:gYear ;\n"
            "\tannals:recordedAt \"2025-04-01T00:00:00Z\"^^xsd:dateTime ;\n"
            "\tannals:batch \"1\"^^xsd:integer .\n");
}

TEST_F(Rdf12Test, NTriplesLoadBackToTheSameClaimsAndHistory) {
  MakeStore();
  test::CliResult r = Run(
      {"export", "--format=nt", "--claims", "--rdf12", "--output=b.nt", "a"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Run({"load", "b", "b.nt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "3 claims added")) << r.out;
  for (std::string q :
       {"FIND ?c ?s ?p ?o source(?c) by(?c) confidence(?c) from(?c) to(?c) "
        "recorded(?c) WHERE ?c: ?s ?p ?o ORDER BY ?c",
        "FIND ?c ?o WHERE ?c: <http://ex/a> ?p ?o AS OF 2025-02-15",
        "FIND ?c ?o WHERE ?c: <http://ex/a> ?p ?o AS OF 2025-03-02",
        "HISTORY <http://ex/a>"}) {
    test::CliResult a = Run({"query", "--format=tsv", "a", q});
    test::CliResult b = Run({"query", "--format=tsv", "b", q});
    ASSERT_EQ(a.exit_code, 0) << q << ": " << a.err;
    EXPECT_EQ(a.out, b.out) << q;
  }
  // Retracted on 2025-03-01: seen as of the day before only.
  r = Run({"query", "--format=tsv", "b",
           "FIND ?c WHERE ?c: <http://ex/a> <http://ex/says> ?o AS OF "
           "2025-02-28"});
  EXPECT_EQ(r.out, "?c\n#c2\n") << r.out;
  r = Run({"query", "--format=tsv", "b",
           "FIND ?c WHERE ?c: <http://ex/a> <http://ex/says> ?o"});
  EXPECT_EQ(r.out, "?c\n") << r.out;
  // The same file again.
  r = Run(
      {"export", "--format=nt", "--claims", "--rdf12", "--output=c.nt", "b"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(test::ReadFile(dir_.Join("c.nt")),
            test::ReadFile(dir_.Join("b.nt")));
}

TEST_F(Rdf12Test, TurtleDoesNotLoadAndUsageErrorsSayWhy) {
  MakeStore();
  test::CliResult r = Run(
      {"export", "--format=ttl", "--claims", "--rdf12", "--output=b.ttl", "a"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Run({"load", "b", "b.ttl"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(r.err, "b.ttl:4:")) << r.err;
  r = Run({"export", "--format=nt", "--rdf12", "a"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(r.err, "--rdf12 is a way to write --claims"))
      << r.err;
  r = Run({"export", "--format=nq", "--claims", "--rdf12", "a"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(r.err, "use --format=nt or --format=ttl"))
      << r.err;
  r = Run({"export", "--format=tsv", "--rdf12", "a"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(r.err, "--rdf12 is for RDF formats")) << r.err;
  r = Run({"export", "--format=nt", "--claims", "a"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(r.err, "(or nt or ttl with --rdf12)")) << r.err;
}

// A reification line the loader does not take stays as it is: Serd refuses
// it with its position, and --skip-bad goes on.
TEST_F(Rdf12Test, OtherTripleTermsAreSyntaxErrors) {
  Write("x.nt",
        "<http://a/s> <http://a/p> <<( <http://a/s> <http://a/p> 1 )>> .\n"
        "_:r <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( "
        "<http://a/s> <http://a/p> \"x\" )>> . # comment\n"
        "_:r <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( "
        "<http://a/s> <http://a/p> \"ok )>> .\" )>> .\n");
  test::CliResult r = Run({"load", "--skip-bad", "kb", "x.nt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(
      r.out, "1 claim added, 0 duplicates skipped, 2 rejected"))
      << r.out;
  EXPECT_TRUE(absl::StrContains(test::ReadFile(dir_.Join("x.nt.rejects")),
                                "# x.nt:1:28: bad IRI scheme start `<'\n"
                                "# x.nt:2:59: bad IRI scheme start `<'\n"))
      << test::ReadFile(dir_.Join("x.nt.rejects"));
  r = Run(
      {"query", "--format=tsv", "kb", "FIND ?o source(?c) WHERE ?c: ?s ?p ?o"});
  EXPECT_EQ(r.out, "?o\tsource(?c)\nok )>> .\t_:L1.0.r\n") << r.out;
}

TEST(UnwrapReificationTest, KeepsColumnsAndTakesTheReifier) {
  std::string line =
      "_:c7 <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( <a:s> "
      "<a:p> \"o\" )>> .\n";
  const size_t s = line.find("<a:s>");
  RdfTerm reifier;
  ASSERT_TRUE(load::UnwrapReification(&line, &reifier));
  EXPECT_EQ(reifier.kind, RdfTerm::Kind::kBlank);
  EXPECT_EQ(reifier.value, "c7");
  EXPECT_EQ(line.find("<a:s>"), s);
  EXPECT_EQ(line, std::string(s, ' ') + "<a:s> <a:p> \"o\"     .\n");
  line =
      "<http://r/1>\t<http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies>\t<<("
      "<a:s> <a:p> <a:o>)>>.";
  ASSERT_TRUE(load::UnwrapReification(&line, &reifier));
  EXPECT_EQ(reifier.kind, RdfTerm::Kind::kIri);
  EXPECT_EQ(reifier.value, "http://r/1");
  for (std::string bad : {
           "_:c7 <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <a:o> .",
           "_:c7 <http://ex/reifies> <<( <a:s> <a:p> <a:o> )>> .",
           "_:c7. <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( "
           "<a:s> <a:p> <a:o> )>> .",
           "<rel> <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( "
           "<a:s> <a:p> <a:o> )>> .",
           "\"l\" <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( "
           "<a:s> <a:p> <a:o> )>> .",
           "_:c7 <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( "
           "<a:s> <a:p> <a:o> )>>",
           "_:c7 <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies><<( "
           "<a:s> <a:p> <a:o> )>> .",
       }) {
    std::string copy = bad;
    EXPECT_FALSE(load::UnwrapReification(&copy, &reifier)) << bad;
    EXPECT_EQ(copy, bad);
  }
}

}  // namespace
}  // namespace annals
