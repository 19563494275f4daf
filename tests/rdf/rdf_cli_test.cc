// RDF through the real `annals` binary: load Turtle and N-Triples (prefixes
// kept and usable in queries, an unknown prefix refused at its position),
// --skip-bad with the RDF reject file, the exports (ttl with @prefix, nq
// graphs from sources), and the --claims round trip of datasets/sco2025:
// TSV -> N-Quads -> a new store answers HISTORY, DISPUTES and stats alike.
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

class RdfCliTest : public ::testing::Test {
 protected:
  test::CliResult Run(const std::vector<std::string>& args) {
    return test::RunCli(dir_.path(), args);
  }
  std::string Write(const std::string& name, const std::string& text) {
    return test::WriteFileIn(dir_.path(), name, text);
  }
  test::TempDir dir_{"annals_rdf_cli"};
};

constexpr char kTurtle[] = R"(@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:alice ex:knows ex:bob , [ ex:name "Carol"@en ] ;
  ex:age 42 ; ex:code "01"^^xsd:integer ; ex:born "1990-05-01"^^xsd:date .
)";

TEST_F(RdfCliTest, TurtleLoadsAndQueriesReadPrefixedNamesAndIris) {
  Write("a.ttl", kTurtle);
  test::CliResult r = Run({"load", "kb", "a.ttl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "6 claims added")) << r.out;
  r = Run({"query", "--format=tsv", "kb", "FIND ?o WHERE ex:alice ex:age ?o"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "42")) << r.out;
  r = Run({"query", "--format=tsv", "kb",
           "FIND ?o WHERE <http://example.org/alice> ex:code ?o"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Not canonical: kept as written, with its datatype.
  EXPECT_TRUE(absl::StrContains(
      r.out, "\"01\"^^<http://www.w3.org/2001/XMLSchema#integer>"))
      << r.out;
  r = Run({"query", "--format=tsv", "kb",
           "FIND ?n WHERE ex:alice ex:knows ?b, ?b ex:name ?n"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "\"Carol\"@en")) << r.out;
  r = Run({"query", "kb", "FIND ?o WHERE foo:alice ex:age ?o"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_TRUE(absl::StrContains(r.err, "column 15: unknown prefix 'foo'"))
      << r.err;
  EXPECT_TRUE(absl::StrContains(r.err, "ex, xsd")) << r.err;
  // ttl export: the stored prefixes, blank nodes back as blank nodes.
  r = Run({"export", "--format=ttl", "kb"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StartsWith(r.out, "@prefix ex: <http://example.org/> ."))
      << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "ex:name \"Carol\"@en")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "_:L1.0.")) << r.out;
}

TEST_F(RdfCliTest, BadStatementsFailWithPositionOrGoToTheRejectFile) {
  Write("b.nt",
        "<http://a/s> <http://a/p> \"x\" .\n"
        "<http://a/s> <http://a/p> bad .\n"
        "<http://a/s> <http://a/q> \"y\"@fr <http://g/1> .\n");
  test::CliResult r = Run({"load", "kb", "b.nt"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(r.err, "b.nt:2:27: ")) << r.err;
  EXPECT_FALSE(
      std::filesystem::exists(dir_.Join("kb")));  // a failed load makes none
  // N-Triples has no graphs: line 3 is bad too.
  r = Run({"load", "--skip-bad", "kb", "b.nt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out,
                                "1 claim added, 0 duplicates skipped, "
                                "2 rejected"))
      << r.out;
  std::string rejects = test::ReadFile(dir_.Join("b.nt.rejects"));
  EXPECT_TRUE(absl::StrContains(rejects, "\n# b.nt:2:27: ")) << rejects;
  EXPECT_TRUE(absl::StrContains(rejects, "\n# b.nt:3:")) << rejects;
  // Turtle cannot go on past a syntax error, even with --skip-bad.
  Write("c.ttl",
        "@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b nope:c .\n");
  r = Run({"load", "--skip-bad", "kb", "c.ttl"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(r.err, "c.ttl:3:")) << r.err;
  EXPECT_TRUE(absl::StrContains(r.err, "cannot go on")) << r.err;
}

TEST_F(RdfCliTest, RejectedStatementsAreWrittenAsNQuads) {
  // A statement the schema refuses: the reject file holds it as RDF.
  // (urn:annals:age is the predicate `age`.)
  Write("d.nq",
        "<http://a/s> <urn:annals:age> \"old\" <http://g/1> .\n"
        "<http://a/s> <urn:annals:age> \"7\"^^<http://www.w3.org/2001/"
        "XMLSchema#integer> <http://g/1> .\n");
  Write("s.schema", "predicate age : integer\n");
  test::CliResult r = Run({"schema", "kb", "s.schema"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Run({"load", "--skip-bad", "kb", "d.nq"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "1 claim added")) << r.out;
  std::string rejects = test::ReadFile(dir_.Join("d.nq.rejects"));
  EXPECT_TRUE(absl::StrContains(rejects, "\n# d.nq:1:1: ")) << rejects;
  EXPECT_TRUE(absl::StrContains(
      rejects, "\n<http://a/s> <urn:annals:age> \"old\" <http://g/1> .\n"))
      << rejects;
}

TEST_F(RdfCliTest, ExportsGraphsAndRefusesClaimsWithoutThem) {
  Write("e.nq",
        "<http://a/s> <http://a/p> \"x\" <http://g/1> .\n"
        "<http://a/s> <http://a/p> \"y\" .\n");
  ASSERT_EQ(Run({"load", "kb", "e.nq"}).exit_code, 0);
  test::CliResult r = Run({"export", "--format=nq", "kb"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "<http://a/s> <http://a/p> \"x\" <http://g/1> .\n"
            "<http://a/s> <http://a/p> \"y\" .\n");
  r = Run({"export", "--format=nt", "--claims", "kb"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(r.err, "use --format=nq or --format=trig"))
      << r.err;
  // The other formats take the same views.
  r = Run({"export", "--format=tsv", "--all", "kb"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "http://a/s\thttp://a/p\tx\tstring"))
      << r.out;
}

TEST_F(RdfCliTest, ClaimsRoundTripOfSco2025AnswersAlike) {
  const std::string tsv =
      std::string(ANNALS_SOURCE_DIR) + "/datasets/sco2025/claims.tsv";
  ASSERT_EQ(Run({"load", "--quiet", "a", tsv}).exit_code, 0);
  test::CliResult r =
      Run({"export", "--format=nq", "--claims", "--output=a.nq", "a"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Run({"load", "b", "a.nq"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "131 claims added")) << r.out;
  for (std::string q :
       {"HISTORY Russia", "HISTORY \"Power of Siberia 2\"",
        "DISPUTES \"Power of Siberia 2\"", "DISPUTES Russia",
        "FIND ?c source(?c) by(?c) confidence(?c) from(?c) to(?c) recorded(?c) "
        "WHERE ?c: ?s ?p ?o ORDER BY ?c"}) {
    test::CliResult a = Run({"query", "--format=tsv", "a", q});
    test::CliResult b = Run({"query", "--format=tsv", "b", q});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    EXPECT_EQ(a.out, b.out) << q;
  }
  test::CliResult a = Run({"stats", "a"});
  test::CliResult b = Run({"stats", "b"});
  auto claims_line = [](const std::string& s) {
    return s.substr(s.find("claims"),
                    s.find('\n', s.find("claims")) - s.find("claims"));
  };
  EXPECT_EQ(claims_line(a.out), claims_line(b.out));
  // The export of the copy is the same file.
  r = Run({"export", "--format=nq", "--claims", "--output=b.nq", "b"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string first = test::ReadFile(dir_.Join("a.nq"));
  std::string second = test::ReadFile(dir_.Join("b.nq"));
  EXPECT_EQ(first.size(), second.size());
}

// History survives --claims: claims retracted (RETRACT, and by a `one`
// predicate's supersession) come back retracted at the same time, so that
// AS OF before the retraction sees them and after it does not.
TEST_F(RdfCliTest, ClaimsRoundTripKeepsRetractions) {
  Write("a.tsv",
        "subject\tpredicate\tobject\tvalid_from\trecorded_at\tsource\n"
        "Russia\tmember_of\tSCO\t2001-06-15\t2025-01-01\tsco.int\n"
        "Russia\tleader\tPutin\t2012-05\t2025-01-01\t\n"
        "Iran\tmember_of\tSCO\t2023-07-04\t2025-02-01\ttass\n"
        "Iran\tmember_of\tBRICS\t2024\t2025-02-01\t\n");
  Write("a.schema", "predicate leader : entity one\n");
  ASSERT_EQ(Run({"load", "--quiet", "a", "a.tsv"}).exit_code, 0);
  ASSERT_EQ(Run({"schema", "a", "a.schema"}).exit_code, 0);
  test::CliResult r = Run({"query", "a", "RETRACT #c3"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Run({"query", "a",
           "ASSERT Iran member_of SCO FROM 2023-07 SOURCE \"sco.int\" BY "
           "\"Analyst A\" CONFIDENCE 0.8"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Closes #c2 (retracted) with a closed copy.
  r = Run({"query", "a", "ASSERT Russia leader Mishustin FROM 2024-05"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = Run({"export", "--format=nq", "--claims", "--output=a.nq", "a"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.err, "Exported 7 claims")) << r.err;
  const std::string nq = test::ReadFile(dir_.Join("a.nq"));
  EXPECT_TRUE(
      absl::StrContains(nq, "_:c3 <https://annals.dev/ns#retractedAt> \"20"))
      << nq;
  r = Run({"load", "b", "a.nq"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "7 claims added")) << r.out;
  for (std::string q :
       {"HISTORY Iran", "HISTORY Russia", "DISPUTES Iran",
        "FIND ?c ?o WHERE ?c: Russia leader ?o",
        "FIND ?c ?o WHERE ?c: Russia leader ?o AS OF 2025-06-01",
        "FIND ?c ?o WHERE ?c: Iran member_of ?o",
        "FIND ?c ?o WHERE ?c: Iran member_of ?o AS OF 2025-06-01",
        "FIND ?c ?o WHERE ?c: Iran member_of ?o AS OF 2025-01-15",
        "DIFF Iran AS OF 2025-06-01 AND 2099-01-01",
        "FIND ?c source(?c) by(?c) confidence(?c) from(?c) to(?c) recorded(?c) "
        "WHERE ?c: ?s ?p ?o ORDER BY ?c"}) {
    test::CliResult a = Run({"query", "--format=tsv", "a", q});
    test::CliResult b = Run({"query", "--format=tsv", "b", q});
    ASSERT_EQ(a.exit_code, 0) << q << ": " << a.err;
    EXPECT_EQ(a.out, b.out) << q;
  }
  // Before the retraction Iran was in SCO per tass; now per sco.int.
  r = Run({"query", "--format=tsv", "b",
           "FIND source(?c) WHERE ?c: Iran member_of SCO AS OF 2025-06-01"});
  EXPECT_EQ(r.out, "source(?c)\ntass\n") << r.err;
  r = Run({"query", "--format=tsv", "b",
           "FIND source(?c) WHERE ?c: Iran member_of SCO"});
  EXPECT_EQ(r.out, "source(?c)\nsco.int\n") << r.err;
  // Putin's claim, closed by the supersession, holds in 2020 until 2024-05.
  r = Run({"query", "--format=tsv", "b",
           "FIND ?o to(?c) WHERE ?c: Russia leader ?o AT 2020"});
  EXPECT_EQ(r.out, "?o\tto(?c)\nPutin\t2024-05\n") << r.err;
  // The same export of the copy, and loading it again adds nothing.
  r = Run({"export", "--format=nq", "--claims", "--output=b.nq", "b"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(test::ReadFile(dir_.Join("b.nq")), nq);
  r = Run({"load", "b", "a.nq"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "0 claims added, 7 duplicates"))
      << r.out;
  // --as-of before the retraction: the claim as then recorded, live.
  r = Run({"export", "--format=nq", "--claims", "--as-of=2025-06-01", "b"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(absl::StrContains(r.out, "retractedAt")) << r.out;
  EXPECT_TRUE(absl::StrContains(r.out, "_:c3 ")) << r.out;
  EXPECT_FALSE(absl::StrContains(r.out, "_:c5 ")) << r.out;
}

// A retraction the loader cannot take: not a time, or before the record.
TEST_F(RdfCliTest, BadRetractedAtIsRefusedWithItsPosition) {
  const std::string claim =
      "<urn:annals:a> <urn:annals:p> <urn:annals:b> _:c1 .\n"
      "_:c1 <https://annals.dev/ns#recordedAt> "
      "\"2025-01-01\"^^<http://www.w3.org/2001/XMLSchema#date> .\n";
  Write("bad.nq", claim +
                      "_:c1 <https://annals.dev/ns#retractedAt> "
                      "\"2024-01-01\"^^<http://www.w3.org/2001/XMLSchema#date> "
                      ".\n");
  test::CliResult r = Run({"load", "kb", "bad.nq"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(
      absl::StrContains(r.err, "bad.nq:1:1: retractedAt is before recordedAt"))
      << r.err;
  Write("bad2.nq",
        claim + "_:c1 <https://annals.dev/ns#retractedAt> \"soon\" .\n");
  r = Run({"load", "kb", "bad2.nq"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(r.err, "bad2.nq:1:1: retractedAt: ")) << r.err;
}

// In N-Triples each bad line reports its own column, never an earlier
// line's (the reader resets the error position for each line).
TEST_F(RdfCliTest, EachBadLineReportsItsOwnColumn) {
  Write("c.nt",
        "<http://a/s> <http://a/p> <<( <http://a/s> <http://a/p> 1 )>> .\n"
        "<http://a/s> <http://a/p> \"\\uD800\" .\n"
        "<http://a/s> <http://a/p> \"x\" <http://g> .\n"
        "<http://a/s> <http://a/p> \"ok\" .\n"
        "<http://a/s> <http://a/p> \"x\"@ .\n");
  test::CliResult r = Run({"load", "--skip-bad", "kb", "c.nt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(absl::StrContains(r.out, "1 claim added")) << r.out;
  const std::string rejects = test::ReadFile(dir_.Join("c.nt.rejects"));
  EXPECT_TRUE(absl::StrContains(rejects, "# c.nt:1:28: ")) << rejects;
  EXPECT_TRUE(absl::StrContains(rejects, "# c.nt:2:1: not valid UTF-8"))
      << rejects;
  EXPECT_TRUE(absl::StrContains(rejects, "# c.nt:3:31: ")) << rejects;
  EXPECT_TRUE(absl::StrContains(rejects, "# c.nt:5:31: ")) << rejects;
}

}  // namespace
}  // namespace annals
