// What `annals export --claims` says of each claim beside its triple, in the
// vocabulary of docs/rdf.md (annals:validFrom, validTo, recordedAt,
// retractedAt, source, by, confidence, batch), shared by the named-graph
// writer (rdf_writer.cc) and the RDF 1.2 one (rdf12_writer.cc).
#ifndef ANNALS_TOOLS_EXPORT_CLAIM_NOTES_H_
#define ANNALS_TOOLS_EXPORT_CLAIM_NOTES_H_

#include <string>
#include <utility>
#include <vector>

#include "annals/claim.h"
#include "annals/rdf.h"

namespace annals::exporter {

// The RDF term of a subject or object: an entity's IRI or blank node, a
// claim's `urn:annals:%23c42`, or a literal.
RdfTerm TermOfValue(const Value& v);

// The claim's notes in writing order: (local name in annals:, value).
std::vector<std::pair<std::string, RdfTerm>> ClaimNotes(const Claim& c);

}  // namespace annals::exporter

#endif  // ANNALS_TOOLS_EXPORT_CLAIM_NOTES_H_
