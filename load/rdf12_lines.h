// The one piece of RDF 1.2 `annals load` reads: an N-Triples line
//   REIFIER <http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies> <<( S P O )>>
//   .
// as `annals export --claims --rdf12` writes it (docs/rdf.md). Serd 0.30
// knows no triple terms, so the line goes to it as the plain triple S P O
// (everything else blanked out, columns kept) and the reader makes REIFIER
// the statement's graph: the claim the notes `REIFIER annals:... .` that
// follow describe, exactly as for a --claims N-Quads file.
#ifndef ANNALS_LOAD_RDF12_LINES_H_
#define ANNALS_LOAD_RDF12_LINES_H_

#include <string>

#include "annals/rdf.h"

namespace annals::load {

// True when *line (one line, its line break at the end or not) has that
// shape, REIFIER a blank node or an absolute IRI without escapes, nothing
// after the final `.` but blanks: *line is then rewritten in place and
// *reifier set. False leaves *line alone (Serd then reports `<<(` as the
// syntax error it is to it).
bool UnwrapReification(std::string* line, RdfTerm* reifier);

}  // namespace annals::load

#endif  // ANNALS_LOAD_RDF12_LINES_H_
