// GraphML export (docs/exporting.md, "GraphML"): a directed multigraph for
// networkx, Gephi and yEd. Entities are nodes; every claim is an edge from
// its subject to its object with the claim's predicate, value, valid time,
// recorded_at, source, by and confidence as edge data. An object that is not
// an entity (a string, number, date, quantity, boolean) is a node of its
// own, one per distinct value, so every claim is an edge; a claim that a
// claim is about (#c42) is a node too. Nodes and edges carry declared
// <key>s with attr.type; text is escaped as xml_escape.h says.
#ifndef ANNALS_TOOLS_EXPORT_GRAPHML_WRITER_H_
#define ANNALS_TOOLS_EXPORT_GRAPHML_WRITER_H_

#include <ostream>
#include <vector>

#include "annals/claim.h"
#include "tools/export/export_writer.h"

namespace annals::exporter {

// Writes `claims` (in their order) to *out as one GraphML document. Node ids
// are n0, n1, ... in order of first appearance, edge ids c<claim id>.
// Fills result.claims, result.nodes and the count of claims with text XML
// cannot carry (result.xml_replaced, first_xml_replaced).
ExportResult WriteGraphml(const std::vector<Claim>& claims, std::ostream* out);

}  // namespace annals::exporter

#endif  // ANNALS_TOOLS_EXPORT_GRAPHML_WRITER_H_
