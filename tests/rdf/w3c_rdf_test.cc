// The W3C RDF 1.1 test suites (N-Triples, N-Quads, Turtle, TriG) of
// ../shared/datasets/w3c-rdf-tests through Database::Load and the RDF export:
// every positive syntax test loads; every negative one is refused with
// file:line:column and the store unchanged; every eval test loads and
// exports (N-Triples or N-Quads) a graph isomorphic to its expected result.
// Skips where the suites are absent. One process, a fresh store per test.
#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "annals/database.h"
#include "annals/rdf.h"
#include "gtest/gtest.h"
#include "load/rdf_reader.h"
#include "tests/support/temp_dir.h"
#include "tools/export/rdf_writer.h"

namespace annals {
namespace {

namespace fs = std::filesystem;
using load::RdfReader;
using load::RdfStatement;
using load::RdfSyntax;

constexpr char kMf[] =
    "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
constexpr char kRdfType[] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr char kRdft[] = "http://www.w3.org/ns/rdftest#";

fs::path SuiteRoot() {
  return fs::path(ANNALS_SOURCE_DIR) / ".." / "shared" / "datasets" /
         "w3c-rdf-tests" / "rdf11";
}

RdfSyntax SyntaxOf(const fs::path& file) {
  std::string ext = file.extension().string();
  if (ext == ".nq") return RdfSyntax::kNQuads;
  if (ext == ".ttl") return RdfSyntax::kTurtle;
  if (ext == ".trig") return RdfSyntax::kTriG;
  return RdfSyntax::kNTriples;
}

absl::StatusOr<std::vector<RdfStatement>> ReadAll(
    std::unique_ptr<RdfReader> reader) {
  std::vector<RdfStatement> out;
  RdfStatement st;
  while (reader->Next(&st)) out.push_back(st);
  if (!reader->status().ok()) return reader->status();
  return out;
}

struct W3cTest {
  std::string name;
  std::string type;  // local name in rdft:, e.g. TestTurtleEval
  fs::path action;   // the input file
  std::string base;  // its IRI
  fs::path result;   // eval tests: the expected N-Triples/N-Quads
};

// The tests a manifest lists: subjects with an mf:action.
std::vector<W3cTest> ReadManifest(const fs::path& dir) {
  const std::string base = "https://w3c.github.io/rdf-tests/rdf/rdf11/" +
                           dir.filename().string() + "/";
  load::RdfReaderOptions options;
  options.base_iri = base + "manifest.ttl";
  auto reader = RdfReader::Open((dir / "manifest.ttl").string(),
                                RdfSyntax::kTurtle, options);
  EXPECT_TRUE(reader.ok()) << reader.status();
  if (!reader.ok()) return {};
  auto statements = ReadAll(std::move(*reader));
  EXPECT_TRUE(statements.ok()) << statements.status();
  std::map<std::string, W3cTest> tests;
  auto local = [&](const std::string& iri) {
    return dir / iri.substr(iri.find_last_of('/') + 1);
  };
  for (const RdfStatement& st : *statements) {
    const std::string& p = st.predicate.value;
    W3cTest& t = tests[st.subject.value];
    t.name = st.subject.value.substr(st.subject.value.find('#') + 1);
    if (p == std::string(kMf) + "action") {
      t.action = local(st.object.value);
      t.base = st.object.value;
    } else if (p == std::string(kMf) + "result") {
      t.result = local(st.object.value);
    } else if (p == kRdfType && st.object.value.rfind(kRdft, 0) == 0) {
      t.type = st.object.value.substr(std::string(kRdft).size());
    }
  }
  std::vector<W3cTest> out;
  for (auto& [iri, t] : tests) {
    if (!t.action.empty() && !t.type.empty()) out.push_back(t);
  }
  return out;
}

// A canonical form of a set of quads up to blank node renaming: blank nodes
// are coloured by repeated refinement over the statements they occur in
// (ties broken by singling one out), then named by colour.
std::vector<std::string> Canonical(const std::vector<RdfStatement>& quads) {
  auto plain = [](const RdfTerm& t) {
    switch (t.kind) {
      case RdfTerm::Kind::kIri:
        return "<" + t.value + ">";
      case RdfTerm::Kind::kBlank:
        return std::string("_");
      case RdfTerm::Kind::kLiteral:
        return "\"" + t.value + "\"@" + t.language + "^^" + t.datatype;
    }
    return std::string();
  };
  std::map<std::string, int> color;
  for (const RdfStatement& q : quads) {
    for (const RdfTerm* t : {&q.subject, &q.object, &q.graph}) {
      if (t->kind == RdfTerm::Kind::kBlank && (t != &q.graph || q.has_graph)) {
        color[t->value] = 0;
      }
    }
  }
  auto term = [&](const RdfTerm& t, bool present, const std::string& self) {
    if (!present) return std::string("-");
    if (t.kind != RdfTerm::Kind::kBlank) return plain(t);
    if (t.value == self) return std::string("*");
    return "_:" + std::to_string(color[t.value]);
  };
  auto line = [&](const RdfStatement& q, const std::string& self) {
    return term(q.subject, true, self) + " " + plain(q.predicate) + " " +
           term(q.object, true, self) + " " + term(q.graph, q.has_graph, self);
  };
  auto refine = [&] {
    for (size_t round = 0; round <= color.size(); ++round) {
      std::map<std::string, std::string> signature;
      for (auto& [b, c] : color) signature[b] = std::to_string(c) + "|\n";
      for (const RdfStatement& q : quads) {
        for (const RdfTerm* t : {&q.subject, &q.object, &q.graph}) {
          if (t->kind == RdfTerm::Kind::kBlank &&
              (t != &q.graph || q.has_graph)) {
            signature[t->value] += line(q, t->value) + "\n";
          }
        }
      }
      // Sort each signature's lines so statement order does not matter.
      std::set<std::string> distinct;
      for (auto& [b, s] : signature) {
        std::vector<std::string> lines;
        std::stringstream in(s);
        for (std::string l; std::getline(in, l);) lines.push_back(l);
        std::sort(lines.begin() + 1, lines.end());
        s.clear();
        for (const auto& l : lines) s += l + "\n";
        distinct.insert(s);
      }
      std::vector<std::string> ranks(distinct.begin(), distinct.end());
      size_t before = 0;
      {
        std::set<int> colors;
        for (auto& [b, c] : color) colors.insert(c);
        before = colors.size();
      }
      for (auto& [b, c] : color) {
        c = static_cast<int>(
            std::lower_bound(ranks.begin(), ranks.end(), signature[b]) -
            ranks.begin());
      }
      if (ranks.size() == before) break;
    }
  };
  refine();
  while (true) {
    std::map<int, std::vector<std::string>> classes;
    for (auto& [b, c] : color) classes[c].push_back(b);
    auto tied =
        std::find_if(classes.begin(), classes.end(),
                     [](const auto& kv) { return kv.second.size() > 1; });
    if (tied == classes.end()) break;
    color[tied->second[0]] = static_cast<int>(color.size()) + 1;
    refine();
  }
  std::vector<std::string> out;
  for (const RdfStatement& q : quads) out.push_back(line(q, ""));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

class W3cRdfTest : public ::testing::TestWithParam<std::string> {};

TEST_P(W3cRdfTest, Suite) {
  // "rdf-turtle/1of2": the suite, and which share of its tests (each run
  // stays short).
  const std::string param = GetParam();
  const std::string suite = param.substr(0, param.find('/'));
  const int shard = param[param.find('/') + 1] - '0';
  const int shards = param.back() - '0';
  const fs::path dir = SuiteRoot() / suite;
  if (!fs::exists(dir / "manifest.ttl")) {
    GTEST_SKIP() << "no " << dir.string() << " (../shared/datasets)";
  }
  std::vector<W3cTest> all_tests = ReadManifest(dir);
  ASSERT_FALSE(all_tests.empty());
  std::vector<W3cTest> tests;
  for (size_t i = 0; i < all_tests.size(); ++i) {
    if (static_cast<int>(i % shards) + 1 == shard)
      tests.push_back(all_tests[i]);
  }
  test::TempDir tmp("annals_w3c");
  int passed = 0, positive = 0, negative = 0, eval = 0, n = 0;
  const std::regex located(
      "^" +
      std::regex_replace(dir.string(), std::regex(R"([.^$|()\[\]{}*+?\\])"),
                         R"(\$&)") +
      "/[^:]+:[0-9]+:[0-9]+: .+");
  // Syntax tests share one store (a refused load must leave it as it was);
  // each eval test gets a store of its own, to export just its graph.
  Options store_options;
  store_options.sync_writes = false;
  store_options.block_cache_bytes = 1 << 20;
  auto shared = Database::Open(tmp.Join("syntax"), store_options);
  ASSERT_TRUE(shared.ok()) << shared.status();
  for (const W3cTest& t : tests) {
    SCOPED_TRACE(t.name + " (" + t.type + ", " + t.action.string() + ")");
    const bool is_negative = t.type.find("Negative") != std::string::npos;
    const bool is_eval = t.type.find("Eval") != std::string::npos;
    std::optional<Database> own;
    if (is_eval) {
      auto opened =
          Database::Open(tmp.Join("e" + std::to_string(n++)), store_options);
      ASSERT_TRUE(opened.ok()) << opened.status();
      own.emplace(*std::move(opened));
    }
    Database* db = is_eval ? &*own : &*shared;
    auto before = db->Stats();
    ASSERT_TRUE(before.ok());
    LoadOptions options;
    options.base_iri = t.base;
    auto loaded = db->Load({t.action.string()}, options);
    if (is_negative) {
      ++negative;
      EXPECT_FALSE(loaded.ok()) << "a negative syntax test loaded";
      if (loaded.ok()) continue;
      EXPECT_TRUE(
          std::regex_match(std::string(loaded.status().message()), located))
          << loaded.status();
      auto stats = db->Stats();
      ASSERT_TRUE(stats.ok());
      EXPECT_EQ(stats->claims, before->claims) << "the store changed";
      if (stats->claims == before->claims &&
          std::regex_match(std::string(loaded.status().message()), located)) {
        ++passed;
      }
      continue;
    }
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    if (!loaded.ok()) continue;
    if (!is_eval) {
      ++positive;
      ++passed;
      continue;
    }
    ++eval;
    std::vector<Claim> claims;
    ASSERT_TRUE(
        db->Scan(ClaimPattern(), TimeView::AllTime(), [&](const Claim& c) {
            claims.push_back(c);
            return true;
          }).ok());
    const bool quads = SyntaxOf(t.action) == RdfSyntax::kNQuads ||
                       SyntaxOf(t.action) == RdfSyntax::kTriG;
    exporter::RdfWriteOptions write;
    write.format =
        quads ? exporter::RdfFormat::kNQuads : exporter::RdfFormat::kNTriples;
    std::ostringstream exported;
    auto written = exporter::WriteRdf(claims, write, &exported);
    ASSERT_TRUE(written.ok()) << written.status();
    auto actual = ReadAll(RdfReader::FromString(
        exported.str(), "export",
        quads ? RdfSyntax::kNQuads : RdfSyntax::kNTriples, {}));
    ASSERT_TRUE(actual.ok()) << actual.status() << "\n" << exported.str();
    auto expected_reader =
        RdfReader::Open(t.result.string(), SyntaxOf(t.result), {});
    ASSERT_TRUE(expected_reader.ok()) << expected_reader.status();
    auto expected = ReadAll(std::move(*expected_reader));
    ASSERT_TRUE(expected.ok()) << expected.status();
    std::vector<std::string> a = Canonical(*actual), e = Canonical(*expected);
    EXPECT_EQ(a, e) << "export:\n" << exported.str();
    if (a == e) ++passed;
  }
  std::cout << "[ W3C ] " << suite << " (share " << shard << " of " << shards
            << "): " << passed << " of " << tests.size() << " passed ("
            << positive << " positive syntax, " << negative
            << " negative syntax, " << eval << " eval)\n";
  EXPECT_EQ(passed, static_cast<int>(tests.size()));
}

INSTANTIATE_TEST_SUITE_P(Rdf11, W3cRdfTest,
                         ::testing::Values("rdf-n-triples/1of1",
                                           "rdf-n-quads/1of1",
                                           "rdf-turtle/1of3", "rdf-turtle/2of3",
                                           "rdf-turtle/3of3", "rdf-trig/1of3",
                                           "rdf-trig/2of3", "rdf-trig/3of3"),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           std::replace(name.begin(), name.end(), '/', '_');
                           return name;
                         });

}  // namespace
}  // namespace annals
