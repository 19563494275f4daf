// Claims as RDF through Serd's writer; see rdf_writer.h.
#include "tools/export/rdf_writer.h"

#include <serd/serd.h>

#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "annals/rdf.h"
#include "tools/export/claim_notes.h"
#include "tools/export/rdf12_writer.h"

namespace annals::exporter {
namespace {

const uint8_t* U8(const std::string& s) {
  return reinterpret_cast<const uint8_t*>(s.c_str());
}

size_t Sink(const void* buf, size_t len, void* stream) {
  auto* out = static_cast<std::ostream*>(stream);
  out->write(static_cast<const char*>(buf), static_cast<std::streamsize>(len));
  return *out ? len : 0;
}

// A term and the Serd nodes that point into it (keep it alive while used).
struct Node {
  RdfTerm term;
  SerdNode node = SERD_NODE_NULL;
  SerdNode datatype = SERD_NODE_NULL;
  SerdNode language = SERD_NODE_NULL;
  void Set(RdfTerm t) {
    term = std::move(t);
    SerdType type = term.kind == RdfTerm::Kind::kIri     ? SERD_URI
                    : term.kind == RdfTerm::Kind::kBlank ? SERD_BLANK
                                                         : SERD_LITERAL;
    // Built by hand: Serd's own constructors stop at a NUL byte.
    SerdNodeFlags flags = 0;
    size_t chars = 0;
    for (char c : term.value) {
      if (c == '\n' || c == '\r') flags |= SERD_HAS_NEWLINE;
      if (c == '"') flags |= SERD_HAS_QUOTE;
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++chars;
    }
    node = SerdNode{U8(term.value), term.value.size(), chars, flags, type};
    datatype = term.datatype.empty()
                   ? SERD_NODE_NULL
                   : serd_node_from_string(SERD_URI, U8(term.datatype));
    language = term.language.empty()
                   ? SERD_NODE_NULL
                   : serd_node_from_string(SERD_LITERAL, U8(term.language));
  }
};

RdfTerm Annals(std::string_view local) {
  RdfTerm t;
  t.value = absl::StrCat(std::string(kAnnalsNs), std::string(local));
  return t;
}

class Writer {
 public:
  Writer(const RdfWriteOptions& options, std::ostream* out)
      : options_(options) {
    SerdSyntax syntax = options.format == RdfFormat::kNTriples ? SERD_NTRIPLES
                        : options.format == RdfFormat::kNQuads ? SERD_NQUADS
                        : options.format == RdfFormat::kTurtle ? SERD_TURTLE
                                                               : SERD_TRIG;
    bool terse = syntax == SERD_TURTLE || syntax == SERD_TRIG;
    env_ = serd_env_new(nullptr);
    writer_ = serd_writer_new(
        syntax,
        static_cast<SerdStyle>(
            terse ? SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED : 0),
        env_, nullptr, &Sink, out);
    if (terse) {
      // xsd: and (with --claims) annals: unless the store names them.
      std::vector<std::pair<std::string, std::string>> prefixes =
          options.prefixes;
      auto add = [&](const std::string& name, std::string_view iri) {
        for (const auto& p : prefixes) {
          if (p.first == name) return;
        }
        prefixes.emplace_back(name, std::string(iri));
      };
      add("xsd", kXsdNs);
      if (options.claims) add("annals", kAnnalsNs);
      for (const auto& [name, iri] : prefixes) {
        SerdNode n = serd_node_from_string(SERD_LITERAL, U8(name));
        SerdNode u = serd_node_from_string(SERD_URI, U8(iri));
        serd_writer_set_prefix(writer_, &n, &u);
      }
    }
  }
  ~Writer() {
    serd_writer_free(writer_);
    serd_env_free(env_);
  }

  void Write(const Node* graph, const Node& s, const Node& p, const Node& o) {
    serd_writer_write_statement(
        writer_, 0, graph != nullptr ? &graph->node : nullptr, &s.node, &p.node,
        &o.node, o.datatype.type == SERD_NOTHING ? nullptr : &o.datatype,
        o.language.type == SERD_NOTHING ? nullptr : &o.language);
    ++statements_;
  }
  void Finish() { serd_writer_finish(writer_); }
  int64_t statements() const { return statements_; }

 private:
  const RdfWriteOptions& options_;
  SerdEnv* env_ = nullptr;
  SerdWriter* writer_ = nullptr;
  int64_t statements_ = 0;
};

}  // namespace

bool ParseRdfFormat(std::string_view name, RdfFormat* format) {
  std::string n(name);
  absl::AsciiStrToLower(&n);
  if (n == "nt")
    *format = RdfFormat::kNTriples;
  else if (n == "nq")
    *format = RdfFormat::kNQuads;
  else if (n == "ttl")
    *format = RdfFormat::kTurtle;
  else if (n == "trig")
    *format = RdfFormat::kTriG;
  else
    return false;
  return true;
}

bool HasGraphs(RdfFormat format) {
  return format == RdfFormat::kNQuads || format == RdfFormat::kTriG;
}

absl::StatusOr<RdfWriteResult> WriteRdf(const std::vector<Claim>& claims,
                                        const RdfWriteOptions& options,
                                        std::ostream* out) {
  RdfWriteResult result;
  if (options.rdf12) {
    if (!options.claims || (options.format != RdfFormat::kNTriples &&
                            options.format != RdfFormat::kTurtle)) {
      return absl::InvalidArgumentError(
          "--rdf12 writes --claims as RDF 1.2 reifications: use it with "
          "--claims and nt or ttl");
    }
    result.statements =
        WriteRdf12Claims(claims, options.format == RdfFormat::kTurtle, out);
    result.claims = static_cast<int64_t>(claims.size());
    out->flush();
    if (!*out) return absl::UnavailableError("writing the export failed");
    return result;
  }
  if (options.claims && !HasGraphs(options.format)) {
    return absl::InvalidArgumentError(
        "--claims writes each claim in a graph of its own: use nq or trig");
  }
  Writer writer(options, out);
  Node s, p, o, g, ap, ao;
  for (const Claim& c : claims) {
    s.Set(TermOfValue(c.subject));
    p.Set(NodeOfName(c.predicate, /*predicate=*/true));
    o.Set(TermOfValue(c.object));
    if (!options.claims) {
      bool graph = HasGraphs(options.format) && !c.source.empty();
      if (graph) g.Set(NodeOfName(c.source));
      writer.Write(graph ? &g : nullptr, s, p, o);
      ++result.claims;
      continue;
    }
    RdfTerm claim_graph;
    claim_graph.kind = RdfTerm::Kind::kBlank;
    claim_graph.value = absl::StrCat("c", c.id);
    g.Set(claim_graph);
    writer.Write(&g, s, p, o);
    for (auto& [what, value] : ClaimNotes(c)) {
      ap.Set(Annals(what));
      ao.Set(std::move(value));
      writer.Write(nullptr, g, ap, ao);
    }
    ++result.claims;
  }
  writer.Finish();
  result.statements = writer.statements();
  out->flush();
  if (!*out) return absl::UnavailableError("writing the export failed");
  return result;
}

}  // namespace annals::exporter
