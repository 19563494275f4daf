// `annals export --claims --rdf12`: every claim as an RDF 1.2 reifier of its
// triple instead of a named graph (docs/rdf.md), written by hand (Debian
// 12's Serd 0.30 knows no triple terms). N-Triples 1.2, one line a
// statement, which `annals load` reads back:
//   _:c7 <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies>
//       <<( <urn:annals:Russia> <urn:annals:member_of> <urn:annals:SCO> )>> .
//   _:c7 <https://annals.dev/ns#recordedAt> "..."^^<...#dateTime> .
// Turtle 1.2, a reifying triple with the reifier named:
//   << <urn:annals:Russia> <urn:annals:member_of> <urn:annals:SCO> ~ _:c7 >>
//   	annals:recordedAt "..."^^xsd:dateTime .
#ifndef ANNALS_TOOLS_EXPORT_RDF12_WRITER_H_
#define ANNALS_TOOLS_EXPORT_RDF12_WRITER_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "annals/claim.h"
#include "annals/rdf.h"

namespace annals::exporter {

inline constexpr char kRdfReifies[] =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies";

// Writes `claims`: `turtle` false for N-Triples 1.2, true for Turtle 1.2.
// Returns the number of statements (reifications and notes).
int64_t WriteRdf12Claims(const std::vector<Claim>& claims, bool turtle,
                         std::ostream* out);

}  // namespace annals::exporter

#endif  // ANNALS_TOOLS_EXPORT_RDF12_WRITER_H_
