// Writing claims as RDF (N-Triples, N-Quads, Turtle, TriG) through Serd's
// writer, with the term mapping of annals/rdf.h (docs/rdf.md). Plain: one
// triple per claim (nq/trig: in the graph its source names, or the default
// graph). With `claims`: every claim as a quad in a graph of its own
// (a blank node `_:c<id>`), followed by that graph's annotations in the
// default graph (annals:validFrom, validTo, recordedAt, retractedAt, source,
// by, confidence, batch), which `annals load` reads back to the same claim.
#ifndef ANNALS_TOOLS_EXPORT_RDF_WRITER_H_
#define ANNALS_TOOLS_EXPORT_RDF_WRITER_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "annals/claim.h"

namespace annals::exporter {

enum class RdfFormat { kNTriples, kNQuads, kTurtle, kTriG };

// "nt", "nq", "ttl", "trig": the format; nullopt-like false for others.
bool ParseRdfFormat(std::string_view name, RdfFormat* format);
bool HasGraphs(RdfFormat format);

struct RdfWriteOptions {
  RdfFormat format = RdfFormat::kNTriples;
  bool claims = false;  // needs nq or trig, or rdf12
  // With claims: each claim an RDF 1.2 reifier of its triple (rdf12_writer.h)
  // in nt or ttl, instead of a named graph.
  bool rdf12 = false;
  // Written as @prefix in ttl and trig, and used to shorten IRIs there.
  std::vector<std::pair<std::string, std::string>> prefixes;
};

struct RdfWriteResult {
  int64_t claims = 0;
  int64_t statements = 0;
};

// Writes `claims` to *out. InvalidArgument for `claims` with nt or ttl
// (unless rdf12) and for rdf12 without claims or with nq or trig;
// Unavailable when writing fails.
absl::StatusOr<RdfWriteResult> WriteRdf(const std::vector<Claim>& claims,
                                        const RdfWriteOptions& options,
                                        std::ostream* out);

}  // namespace annals::exporter

#endif  // ANNALS_TOOLS_EXPORT_RDF_WRITER_H_
