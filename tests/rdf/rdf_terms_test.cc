// The RDF term mapping (annals/rdf.h): names <-> IRIs and blank nodes,
// literals <-> values, each literal either native or kept exactly; tagged
// strings in Value; RFC 3986 resolution (load/iri.h); the reader's errors.
#include <string>
#include <tuple>
#include <vector>

#include "annals/rdf.h"
#include "gtest/gtest.h"
#include "load/iri.h"
#include "load/rdf_reader.h"
#include "query/ast_printer.h"
#include "query/parser.h"

namespace annals {
namespace {

const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";

TEST(RdfNames, IrisStayIrisAndOtherNamesAreMinted) {
  EXPECT_EQ(NodeOfName("http://example.org/x").kind, RdfTerm::Kind::kIri);
  EXPECT_EQ(NodeOfName("http://example.org/x").value, "http://example.org/x");
  EXPECT_EQ(NodeOfName("Power of Siberia 2").value,
            "urn:annals:Power%20of%20Siberia%202");
  EXPECT_EQ(NodeOfName("a<b>").value, "urn:annals:a%3Cb%3E");
  EXPECT_EQ(NodeOfName("Мир").value, "urn:annals:Мир");  // UTF-8 kept
  // A name that looks like one of ours is minted too, so it comes back.
  EXPECT_EQ(NodeOfName("urn:annals:x").value, "urn:annals:urn%3Aannals%3Ax");
  EXPECT_EQ(NodeOfName("_:b1").kind, RdfTerm::Kind::kBlank);
  EXPECT_EQ(NodeOfName("_:b1").value, "b1");
  EXPECT_EQ(NodeOfName("_:b1", /*predicate=*/true).kind, RdfTerm::Kind::kIri);
  EXPECT_EQ(NodeOfName("_:not a label").kind, RdfTerm::Kind::kIri);
  for (std::string name :
       {"Power of Siberia 2", "a<b>", "Мир", "urn:annals:x", "100%", "x y",
        "http://example.org/x", "wd:Q7747", "#c42", "_:not a label"}) {
    EXPECT_EQ(NameOfIri(NodeOfName(name).value), name) << name;
  }
  EXPECT_EQ(NameOfBlank("L7.0.", "b1"), "_:L7.0.b1");
}

TEST(RdfLiterals, CanonicalFormsBecomeNativeValues) {
  EXPECT_EQ(ValueOfLiteral("42", kXsd + "integer", ""), Value::Integer(42));
  EXPECT_EQ(ValueOfLiteral("-1.5", kXsd + "decimal", "").kind(),
            ValueKind::kDecimal);
  EXPECT_EQ(ValueOfLiteral("true", kXsd + "boolean", ""), Value::Boolean(true));
  Value year = ValueOfLiteral("2020", kXsd + "gYear", "");
  ASSERT_EQ(year.kind(), ValueKind::kDate);
  EXPECT_EQ(year.date().precision, Precision::kYear);
  EXPECT_EQ(ValueOfLiteral("2020-05", kXsd + "gYearMonth", "").date().precision,
            Precision::kMonth);
  EXPECT_EQ(ValueOfLiteral("2020-05-01", kXsd + "date", "").date().precision,
            Precision::kDay);
  EXPECT_EQ(ValueOfLiteral("2020-05-01T10:00:00Z", kXsd + "dateTime", "")
                .date()
                .precision,
            Precision::kSecond);
  EXPECT_EQ(ValueOfLiteral("plain", "", ""), Value::String("plain"));
  EXPECT_EQ(ValueOfLiteral("plain", kXsd + "string", ""),
            Value::String("plain"));
  EXPECT_EQ(
      ValueOfLiteral("56 bcm/yr", "https://annals.dev/ns#quantity", "").kind(),
      ValueKind::kQuantity);
}

TEST(RdfLiterals, EveryLiteralRoundTripsExactly) {
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"42", kXsd + "integer", ""},
      {"01", kXsd + "integer", ""},  // not canonical: kept as written
      {"+5", kXsd + "integer", ""},
      {"99999999999999999999", kXsd + "integer", ""},  // beyond 64 bits
      {"1.50", kXsd + "decimal", ""},
      {"2.0", kXsd + "decimal", ""},
      {"1e3", kXsd + "double", ""},
      {"1", kXsd + "boolean", ""},
      {"2020-05-01+02:00", kXsd + "date", ""},
      {"2020-05-01T10:00:00.5Z", kXsd + "dateTime", ""},
      {"5", kXsd + "byte", ""},
      {"chat", "", "en"},
      {"chat", "", "en-GB"},
      {"", "", ""},
      {"a\nb\"c", "", ""},
      {"x", "http://example.org/dt", ""}};
  for (const auto& [lexical, datatype, language] : cases) {
    Value v = ValueOfLiteral(lexical, datatype, language);
    RdfTerm back = LiteralOfValue(v);
    EXPECT_EQ(back.value, lexical) << lexical << " " << datatype;
    EXPECT_EQ(back.language, language) << lexical;
    // A simple literal and xsd:string are the same RDF term.
    EXPECT_EQ(back.datatype, datatype == kXsd + "string" ? "" : datatype)
        << lexical;
  }
}

TEST(RdfLiterals, TaggedStringsShowTheirTag) {
  Value chat = Value::TaggedString("chat", "en", "");
  EXPECT_EQ(chat.kind(), ValueKind::kString);
  EXPECT_EQ(chat.text(), std::string("chat\xFF@en"));
  EXPECT_EQ(chat.lexical(), "chat");
  EXPECT_EQ(chat.language(), "en");
  EXPECT_EQ(chat.datatype(), "");
  EXPECT_EQ(chat.ToString(), "\"chat\"@en");
  Value byte = Value::TaggedString("5", "", kXsd + "byte");
  EXPECT_EQ(byte.datatype(), kXsd + "byte");
  EXPECT_EQ(byte.ToString(), "\"5\"^^<" + kXsd + "byte>");
  EXPECT_NE(byte, Value::String("5"));
  EXPECT_EQ(Value::TaggedString("x", "", ""), Value::String("x"));
  EXPECT_EQ(Value::String("x").lexical(), "x");
}

TEST(RdfIri, ResolvesAsRfc3986Says) {
  const std::string base = "http://a/b/c/d;p?q";
  // RFC 3986 section 5.4.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"g:h", "g:h"},
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q#s"},
      {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"../..", "http://a/"},
      {"../../../g", "http://a/g"},
      {"g.", "http://a/b/c/g."},
      {"./../g", "http://a/b/g"},
      {"g;x=1/../y", "http://a/b/c/y"},
  };
  for (const auto& [ref, target] : cases) {
    EXPECT_EQ(load::ResolveIri(base, ref), target) << ref;
  }
  EXPECT_TRUE(load::HasScheme("urn:x"));
  EXPECT_FALSE(load::HasScheme("a/b:c"));
}

std::vector<load::RdfStatement> Read(const std::string& text,
                                     load::RdfSyntax syntax,
                                     absl::Status* status) {
  auto reader = load::RdfReader::FromString(text, "in", syntax, {});
  std::vector<load::RdfStatement> out;
  load::RdfStatement st;
  while (true) {
    if (reader->Next(&st)) {
      out.push_back(st);
      continue;
    }
    *status = reader->status();
    if (status->ok() || syntax == load::RdfSyntax::kTurtle) break;
    // N-Triples goes on past a bad line.
    if (reader->Next(&st)) {
      out.push_back(st);
      continue;
    }
    break;
  }
  return out;
}

TEST(RdfReader, ErrorsSayFileLineColumnAndNTriplesGoesOn) {
  absl::Status status;
  auto got = Read(
      "<http://a/s> <http://a/p> \"x\" .\n<http://a/s> <http://a/p> bad .\n"
      "<http://a/s> <http://a/p> \"y\" .\n",
      load::RdfSyntax::kNTriples, &status);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].line, 3);
  EXPECT_EQ(got[1].object.value, "y");

  auto reader = load::RdfReader::FromString(
      "@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b nope:c .\n",
      "f.ttl", load::RdfSyntax::kTurtle, {});
  load::RdfStatement st;
  ASSERT_TRUE(reader->Next(&st));
  EXPECT_EQ(st.subject.value, "http://e/a");
  EXPECT_FALSE(reader->Next(&st));
  EXPECT_TRUE(absl::IsInvalidArgument(reader->status()));
  EXPECT_EQ(reader->status().message().substr(0, 7), "f.ttl:3");
  // Turtle does not go on past a syntax error.
  EXPECT_FALSE(reader->Next(&st));
  EXPECT_TRUE(absl::IsFailedPrecondition(reader->status()));
  ASSERT_EQ(reader->prefixes().size(), 1u);
  EXPECT_EQ(reader->prefixes()[0].second, "http://e/");
}

TEST(RdfReader, RefusesSurrogateEscapes) {
  auto reader =
      load::RdfReader::FromString("<http://a/s> <http://a/p> \"\\ud800\" .\n",
                                  "in.nt", load::RdfSyntax::kNTriples, {});
  load::RdfStatement st;
  EXPECT_FALSE(reader->Next(&st));
  EXPECT_TRUE(absl::IsInvalidArgument(reader->status()));
}

}  // namespace
}  // namespace annals

namespace annals {
namespace {

TEST(RdfQueryNames, IrisAndPrefixedNamesParseAndPrintBack) {
  auto script =
      query::Parse("FIND ?o WHERE wd:Q7747 <http://example.org/p> ?o");
  ASSERT_TRUE(script.ok()) << script.status();
  std::string printed = query::ToString(*script);
  EXPECT_NE(printed.find("wd:Q7747"), std::string::npos) << printed;
  EXPECT_NE(printed.find("<http://example.org/p>"), std::string::npos)
      << printed;
  auto again = query::Parse(printed);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(query::ToString(*again), printed);
  // `?c: x` is still a claim variable, not a prefixed name.
  EXPECT_TRUE(query::Parse("FIND ?c WHERE ?c: a b ?o").ok());
}

}  // namespace
}  // namespace annals
