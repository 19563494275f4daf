// Strings loaded from RDF with a language or datatype (tagged strings,
// docs/rdf.md) in the exports that are not RDF: TSV, CSV and JSON Lines
// write the RDF literal with object_type `literal` and load back to the same
// values; GraphML gives the lexical form with language and datatype
// attributes; no export and no query output holds the raw 0xFF byte of the
// stored form. Also the `literal` field's own errors.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "load/literal_field.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

class TaggedExportTest : public ::testing::Test {
 protected:
  test::CliResult Run(const std::vector<std::string>& args) {
    return test::RunCli(dir_.path(), args);
  }
  void Load() {
    test::WriteFileIn(dir_.path(), "t.ttl",
                      "@prefix ex: <http://example.org/> .\n"
                      "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
                      "ex:cat ex:name \"chat\"@fr , \"Katze\"@de-CH ;\n"
                      "  ex:code \"5\"^^xsd:byte ;\n"
                      "  ex:odd \"a \\\"q\\\", tab\\t\\\\ and\\nline\"@en ;\n"
                      "  ex:plain \"chat\" ; ex:n \"007\"^^xsd:integer .\n");
    test::CliResult r = Run({"load", "a", "t.ttl"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  test::TempDir dir_{"annals_tagged_export"};
};

constexpr char kAll[] =
    "FIND ?p ?o WHERE <http://example.org/cat> ?p ?o ORDER BY ?p ?o";

TEST_F(TaggedExportTest, TsvCsvJsonlWriteLiteralsThatLoadBackAlike) {
  Load();
  const test::CliResult want = Run({"query", "--format=tsv", "a", kAll});
  ASSERT_EQ(want.exit_code, 0) << want.err;
  EXPECT_TRUE(absl::StrContains(want.out, "\"chat\"@fr")) << want.out;
  EXPECT_FALSE(absl::StrContains(want.out, "\xFF")) << want.out;
  for (std::string ext : {"tsv", "csv", "jsonl"}) {
    const std::string file = "a." + ext;
    test::CliResult r = Run({"export", "--output=" + file, "a"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string text = test::ReadFile(dir_.Join(file));
    EXPECT_FALSE(absl::StrContains(text, "\xFF")) << ext << ": " << text;
    r = Run({"load", "b" + ext, file});
    ASSERT_EQ(r.exit_code, 0) << ext << ": " << r.err;
    r = Run({"query", "--format=tsv", "b" + ext, kAll});
    EXPECT_EQ(r.out, want.out) << ext;
  }
  // The fields as written.
  EXPECT_TRUE(
      absl::StrContains(test::ReadFile(dir_.Join("a.tsv")),
                        "http://example.org/name\t\"chat\"@fr\tliteral\t"));
  EXPECT_TRUE(absl::StrContains(
      test::ReadFile(dir_.Join("a.tsv")),
      "\t\"5\"^^<http://www.w3.org/2001/XMLSchema#byte>\tliteral\t"));
  EXPECT_TRUE(absl::StrContains(
      test::ReadFile(dir_.Join("a.csv")),
      ",\"\"\"a \\\"\"q\\\"\", tab\t\\\\ and\\nline\"\"@en\",literal,"))
      << test::ReadFile(dir_.Join("a.csv"));
  EXPECT_TRUE(absl::StrContains(
      test::ReadFile(dir_.Join("a.jsonl")),
      "\"object\":\"\\\"Katze\\\"@de-CH\",\"object_type\":\"literal\""))
      << test::ReadFile(dir_.Join("a.jsonl"));
  // A plain string and a native integer are as before.
  EXPECT_TRUE(absl::StrContains(test::ReadFile(dir_.Join("a.tsv")),
                                "http://example.org/plain\tchat\tstring\t"));
}

TEST_F(TaggedExportTest, GraphmlGivesLexicalFormWithLanguageOrDatatype) {
  Load();
  test::CliResult r = Run({"export", "--format=graphml", "a"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(absl::StrContains(r.out, "\xFF"));
  EXPECT_TRUE(absl::StrContains(
      r.out,
      "<key id=\"language\" for=\"all\" attr.name=\"language\" "
      "attr.type=\"string\"/>"))
      << r.out;
  EXPECT_TRUE(absl::StrContains(
      r.out,
      "<data key=\"label\">chat</data><data key=\"kind\">string</data><data "
      "key=\"language\">fr</data></node>"))
      << r.out;
  EXPECT_TRUE(absl::StrContains(
      r.out,
      "<data key=\"value\">5</data><data key=\"object_type\">string</data>"
      "<data key=\"datatype\">http://www.w3.org/2001/XMLSchema#byte</data>"))
      << r.out;
  // Without tagged strings the keys are not declared.
  r = Run({"export", "--format=graphml", "a",
           "FIND ?c WHERE ?c: ?s <http://example.org/plain> ?o"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(absl::StrContains(r.out, "language")) << r.out;
}

TEST_F(TaggedExportTest, BadLiteralFieldsAreRefusedAtTheObject) {
  test::WriteFileIn(dir_.path(), "bad.tsv",
                    "subject\tpredicate\tobject\tobject_type\n"
                    "a\tp\t\"x\"@fr\tliteral\n"
                    "a\tp\tchat\tLiteral\n");
  test::CliResult r = Run({"load", "kb", "bad.tsv"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(
      r.err, "bad.tsv:3:5: object 'chat' is not an RDF literal"))
      << r.err;
}

TEST(LiteralFieldTest, ParsesWhatExportWritesAndRefusesTheRest) {
  auto v = load::ParseLiteralField("\"a\\\"b\\\\\\n\\u00e9\\U0001F600\"@en-GB");
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->lexical(), "a\"b\\\n\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(v->language(), "en-GB");
  v = load::ParseLiteralField("\"5\"^^<http://www.w3.org/2001/XMLSchema#byte>");
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->datatype(), "http://www.w3.org/2001/XMLSchema#byte");
  // Canonical xsd literals become native values, as in RDF loads.
  v = load::ParseLiteralField(
      "\"42\"^^<http://www.w3.org/2001/XMLSchema#integer>");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->kind(), ValueKind::kInteger);
  v = load::ParseLiteralField("\"plain\"");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, Value::String("plain"));
  EXPECT_TRUE(load::IsLiteralType(" LITERAL "));
  EXPECT_FALSE(load::IsLiteralType("string"));
  for (const char* bad : {"chat", "\"open", "\"x\"@", "\"x\"@1a", "\"x\"@en fr",
                          "\"x\"^^xsd:byte", "\"x\"^^<rel>", "\"x\" trailing",
                          "\"\\q\"", "\"\\ud800\"", "\"\\u12\"", "\"x\\"}) {
    absl::StatusOr<Value> r = load::ParseLiteralField(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_TRUE(
          absl::StrContains(r.status().message(), "is not an RDF literal"))
          << r.status();
    }
  }
}

}  // namespace
}  // namespace annals
