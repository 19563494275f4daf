// GraphML export (tools/export/graphml_writer.h, xml_escape.h): the exact
// document for a small graph, value nodes shared between claims, XML escaping
// of hostile text, and which claims the view options select.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "annals/database.h"
#include "gtest/gtest.h"
#include "tools/export/export_test_util.h"
#include "tools/export/export_writer.h"
#include "tools/export/graphml_writer.h"
#include "tools/export/xml_escape.h"

namespace annals::exporter {
namespace {

using test_util::ExportText;
using test_util::TempDir;

TimePoint T(const char* text) { return *TimePoint::Parse(text); }

Claim MakeClaim(ClaimId id, Value subject, std::string predicate,
                Value object) {
  Claim c;
  c.id = id;
  c.subject = std::move(subject);
  c.predicate = std::move(predicate);
  c.object = std::move(object);
  c.recorded = T("2025-09-02");
  return c;
}

std::string Graphml(const std::vector<Claim>& claims,
                    ExportResult* result = nullptr) {
  std::ostringstream out;
  ExportResult r = WriteGraphml(claims, &out);
  if (result != nullptr) *result = r;
  return out.str();
}

// The lines of `text` between <graph ...> and </graph>.
std::vector<std::string> GraphLines(const std::string& text) {
  std::vector<std::string> lines = absl::StrSplit(text, '\n');
  std::vector<std::string> inside;
  bool in_graph = false;
  for (const std::string& line : lines) {
    if (absl::StrContains(line, "</graph>")) break;
    if (in_graph) inside.push_back(line);
    if (absl::StrContains(line, "<graph ")) in_graph = true;
  }
  return inside;
}

TEST(XmlEscape, MarkupCharactersAndLineBreaksAsReferences) {
  EXPECT_EQ(XmlEscaped(R"(a<b & "c" 'd'>)"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
  EXPECT_EQ(XmlEscaped("tab\there\nline\r\n"),
            "tab&#9;here&#10;line&#13;&#10;");
  EXPECT_EQ(XmlEscaped(""), "");
}

TEST(XmlEscape, NonAsciiKeptAsUtf8) {
  std::string out;
  EXPECT_FALSE(AppendXmlEscaped("Путин 習近平 é 😀 \u0085", &out));
  EXPECT_EQ(out, "Путин 習近平 é 😀 \u0085");
}

TEST(XmlEscape, WhatXmlCannotCarryBecomesReplacementCharacters) {
  std::string out;
  EXPECT_TRUE(AppendXmlEscaped(std::string("a\0b\x01\x1f\x0b", 6), &out));
  EXPECT_EQ(out, "a\uFFFDb\uFFFD\uFFFD\uFFFD");
  out.clear();
  // Invalid UTF-8: one replacement per byte; U+FFFE and U+FFFF are no XML
  // characters either.
  EXPECT_TRUE(AppendXmlEscaped("x\xff\xc3y\xef\xbf\xbe\xef\xbf\xbf", &out));
  EXPECT_EQ(out, "x\uFFFD\uFFFDy\uFFFD\uFFFD");
  out.clear();
  EXPECT_FALSE(AppendXmlEscaped("\x7f plain", &out));  // DEL is allowed
}

TEST(GraphmlWriter, DeclaresKeysAndWritesNodesThenEdges) {
  Claim held = MakeClaim(3, Value::Entity("SCO summit 2025"), "held_in",
                         Value::Entity("Tianjin"));
  held.valid = {T("2025-08-31"), T("2025-09-02")};
  held.source = "seed-article";
  Claim flow = MakeClaim(7, Value::Entity("Russia"), "gas_flow",
                         *Value::Quantity("56", "bcm/yr"));
  flow.by = "Alexey Miller";
  flow.confidence = 0.9;
  ExportResult result;
  const std::string text = Graphml({held, flow}, &result);
  EXPECT_EQ(result.claims, 2);
  EXPECT_EQ(result.nodes, 4);
  EXPECT_EQ(result.xml_replaced, 0);
  EXPECT_TRUE(
      absl::StartsWith(text,
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml "
                       "xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"));
  EXPECT_TRUE(
      absl::StrContains(text,
                        "  <key id=\"label\" for=\"node\" attr.name=\"label\" "
                        "attr.type=\"string\"/>\n"));
  EXPECT_TRUE(absl::StrContains(
      text,
      "  <key id=\"confidence\" for=\"edge\" attr.name=\"confidence\" "
      "attr.type=\"double\"/>\n"));
  EXPECT_TRUE(absl::EndsWith(text, "  </graph>\n</graphml>\n"));
  const std::vector<std::string> expected = {
      "    <node id=\"n0\"><data key=\"label\">SCO summit 2025</data>"
      "<data key=\"kind\">entity</data></node>",
      "    <node id=\"n1\"><data key=\"label\">Tianjin</data>"
      "<data key=\"kind\">entity</data></node>",
      "    <node id=\"n2\"><data key=\"label\">Russia</data>"
      "<data key=\"kind\">entity</data></node>",
      "    <node id=\"n3\"><data key=\"label\">56 bcm/yr</data>"
      "<data key=\"kind\">quantity</data><data key=\"unit\">bcm/yr</data>"
      "</node>",
      "    <edge id=\"c3\" source=\"n0\" target=\"n1\">"
      "<data key=\"predicate\">held_in</data>"
      "<data key=\"value\">Tianjin</data>"
      "<data key=\"object_type\">entity</data>"
      "<data key=\"valid_from\">2025-08-31</data>"
      "<data key=\"valid_to\">2025-09-02</data>"
      "<data key=\"recorded_at\">2025-09-02</data>"
      "<data key=\"source\">seed-article</data>"
      "<data key=\"confidence\">1</data></edge>",
      "    <edge id=\"c7\" source=\"n2\" target=\"n3\">"
      "<data key=\"predicate\">gas_flow</data>"
      "<data key=\"value\">56 bcm/yr</data>"
      "<data key=\"object_type\">quantity</data>"
      "<data key=\"recorded_at\">2025-09-02</data>"
      "<data key=\"by\">Alexey Miller</data>"
      "<data key=\"confidence\">0.9</data></edge>",
  };
  EXPECT_EQ(GraphLines(text), expected);
}

TEST(GraphmlWriter, ValuesAreNodesSharedByKindAndText) {
  // The integer 56 and the string "56" and the entity 56 are three nodes;
  // two claims with the integer 56 share one; a claim about a claim points
  // at a claim node.
  const std::vector<Claim> claims = {
      MakeClaim(1, Value::Entity("a"), "n", Value::Integer(56)),
      MakeClaim(2, Value::Entity("b"), "n", Value::Integer(56)),
      MakeClaim(3, Value::Entity("a"), "s", Value::String("56")),
      MakeClaim(4, Value::Entity("a"), "e", Value::Entity("56")),
      MakeClaim(5, Value::Claim(1), "confirmed_by", Value::Entity("b")),
      MakeClaim(6, Value::Entity("a"), "on", Value::Date(T("2025-09"))),
  };
  ExportResult result;
  const std::string text = Graphml(claims, &result);
  EXPECT_EQ(result.nodes, 7);  // a 56 b "56" entity-56 #c1 2025-09
  EXPECT_TRUE(absl::StrContains(text,
                                "<node id=\"n1\"><data key=\"label\">56</data>"
                                "<data key=\"kind\">integer</data></node>"));
  EXPECT_TRUE(absl::StrContains(text,
                                "<edge id=\"c2\" source=\"n2\" "
                                "target=\"n1\">"));
  EXPECT_TRUE(absl::StrContains(text,
                                "<node id=\"n3\"><data key=\"label\">56</data>"
                                "<data key=\"kind\">string</data></node>"));
  EXPECT_TRUE(absl::StrContains(text,
                                "<node id=\"n4\"><data key=\"label\">56</data>"
                                "<data key=\"kind\">entity</data></node>"));
  EXPECT_TRUE(absl::StrContains(text,
                                "<node id=\"n5\"><data key=\"label\">#c1</data>"
                                "<data key=\"kind\">claim</data></node>"));
  EXPECT_TRUE(absl::StrContains(text,
                                "<edge id=\"c5\" source=\"n5\" "
                                "target=\"n2\">"));
  EXPECT_TRUE(absl::StrContains(
      text,
      "<data key=\"value\">2025-09</data><data key=\"object_type\">date"
      "</data>"));
}

TEST(GraphmlWriter, HostileTextIsEscapedAndReplacementsCounted) {
  Claim c = MakeClaim(1, Value::Entity("<A & B>"), "says \"hi\"",
                      Value::String("it's\n\x01 done"));
  c.source = "http://x/?a=1&b=2";
  c.by = "Ж'";
  Claim fine = MakeClaim(2, Value::Entity("<A & B>"), "p", Value::Integer(1));
  Claim bad = MakeClaim(9, Value::Entity("bad \xff"), "p", Value::Integer(1));
  ExportResult result;
  const std::string text = Graphml({c, fine, bad}, &result);
  EXPECT_TRUE(
      absl::StrContains(text, "<data key=\"label\">&lt;A &amp; B&gt;</data>"));
  EXPECT_TRUE(absl::StrContains(
      text, "<data key=\"predicate\">says &quot;hi&quot;</data>"));
  EXPECT_TRUE(absl::StrContains(
      text, "<data key=\"value\">it&apos;s&#10;\uFFFD done</data>"));
  EXPECT_TRUE(absl::StrContains(
      text, "<data key=\"source\">http://x/?a=1&amp;b=2</data>"));
  EXPECT_TRUE(absl::StrContains(text, "<data key=\"by\">Ж&apos;</data>"));
  EXPECT_TRUE(absl::StrContains(text, "<data key=\"label\">bad \uFFFD</data>"));
  EXPECT_EQ(result.xml_replaced, 2);
  EXPECT_EQ(result.first_xml_replaced, 1u);
  EXPECT_FALSE(absl::StrContains(text, "\x01"));
}

TEST(GraphmlWriter, EmptyStoreIsAnEmptyGraph) {
  ExportResult result;
  const std::string text = Graphml({}, &result);
  EXPECT_EQ(result.nodes, 0);
  EXPECT_TRUE(GraphLines(text).empty());
  EXPECT_TRUE(absl::StrContains(
      text, "<graph id=\"annals\" edgedefault=\"directed\">\n  </graph>"));
}

// A store with a claim that ended, one that holds now, one that starts in
// the future, and one recorded later than the others.
class GraphmlViewTest : public testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.Join("store"));
    ASSERT_TRUE(db.ok()) << db.status();
    db_.emplace(*std::move(db));
    Add("Obama", {T("2009"), T("2017")}, T("2017-02"));
    Add("Putin", {T("2012-05-07"), std::nullopt}, T("2017-02"));
    Add("Future", {T("2999"), std::nullopt}, T("2017-02"));
    Add("Late", {T("2001"), T("2002")}, T("2020"));
  }
  void Add(const char* who, Interval valid, TimePoint recorded) {
    ClaimInput in;
    in.subject = Value::Entity(who);
    in.predicate = "leads";
    in.object = Value::Entity("country");
    in.valid = valid;
    in.recorded = recorded;
    auto id = db_->Assert(in);
    ASSERT_TRUE(id.ok()) << id.status();
  }
  // The subjects of the claims exported with `options`, as GraphML.
  std::string Subjects(ExportOptions options) {
    options.format = ExportFormat::kGraphml;
    auto claims = SelectClaims(*db_, options);
    EXPECT_TRUE(claims.ok()) << claims.status();
    std::string out;
    for (const Claim& c : claims.value_or(std::vector<Claim>())) {
      out += c.subject.text() + " ";
    }
    return out;
  }
  TempDir dir_;
  std::optional<Database> db_;
};

TEST_F(GraphmlViewTest, DefaultIsWhatHoldsNow) {
  EXPECT_EQ(Subjects({}), "Putin ");
  ExportOptions options;
  options.format = ExportFormat::kGraphml;
  const std::string text = ExportText(*db_, options);
  EXPECT_EQ(GraphLines(text).size(), 3u);  // Putin, country, one edge
}

TEST_F(GraphmlViewTest, AtAllAndAsOf) {
  ExportOptions at;
  at.at = T("2010");
  EXPECT_EQ(Subjects(at), "Obama ");
  ExportOptions all;
  all.all = true;
  EXPECT_EQ(Subjects(all), "Obama Putin Future Late ");
  ExportOptions then = all;
  then.as_of = T("2019");
  EXPECT_EQ(Subjects(then), "Obama Putin Future ");
  at.at = T("2001");
  EXPECT_EQ(Subjects(at), "Late ");
  at.as_of = T("2019");
  EXPECT_EQ(Subjects(at), "");
}

TEST_F(GraphmlViewTest, ClaimsFileFormatsStillDefaultToEveryValidTime) {
  ExportOptions tsv;  // the round-trip promise of TSV, CSV, JSON Lines
  auto claims = SelectClaims(*db_, tsv);
  ASSERT_TRUE(claims.ok());
  EXPECT_EQ(claims->size(), 4u);
  tsv.at = T("2010");
  claims = SelectClaims(*db_, tsv);
  ASSERT_TRUE(claims.ok());
  EXPECT_EQ(claims->size(), 1u);
}

TEST_F(GraphmlViewTest, ConflictingOptionsAreRefused) {
  ExportOptions both;
  both.at = T("2010");
  both.all = true;
  EXPECT_FALSE(SelectClaims(*db_, both).ok());
  ExportOptions query;
  query.query = "FIND ?c WHERE ?c: Putin leads ?o";
  query.all = true;
  auto claims = SelectClaims(*db_, query);
  ASSERT_FALSE(claims.ok());
  EXPECT_TRUE(absl::StrContains(claims.status().message(), "--all"));
  query.all = false;
  claims = SelectClaims(*db_, query);
  ASSERT_TRUE(claims.ok()) << claims.status();
  EXPECT_EQ(claims->size(), 1u);
}

TEST(GraphmlFormatNames, ByNameAndByExtension) {
  EXPECT_EQ(*ParseExportFormat("GraphML"), ExportFormat::kGraphml);
  EXPECT_EQ(*ExportFormatOfPath("out/sco.GRAPHML"), ExportFormat::kGraphml);
  EXPECT_EQ(ExportExtension(ExportFormat::kGraphml), ".graphml");
  EXPECT_FALSE(IsClaimsFileFormat(ExportFormat::kGraphml));
  EXPECT_TRUE(IsClaimsFileFormat(ExportFormat::kJsonl));
}

}  // namespace
}  // namespace annals::exporter
