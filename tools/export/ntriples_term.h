// One RDF term in N-Triples syntax (which Turtle reads too), written by
// hand: the RDF 1.2 export (rdf12_writer.h) and the `literal` object fields
// of TSV, CSV and JSON Lines exports (export_fields.h).
#ifndef ANNALS_TOOLS_EXPORT_NTRIPLES_TERM_H_
#define ANNALS_TOOLS_EXPORT_NTRIPLES_TERM_H_

#include <string>

#include "annals/rdf.h"

namespace annals::exporter {

// `t` in N-Triples syntax: <IRI> with \u escapes of the characters an
// IRIREF refuses, _:label, or "lexical" with \" \\ \n \r escaped and its
// @language or ^^<datatype>.
void AppendNTriplesTerm(const RdfTerm& t, std::string* out);

}  // namespace annals::exporter

#endif  // ANNALS_TOOLS_EXPORT_NTRIPLES_TERM_H_
