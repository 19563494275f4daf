// A load field with object_type `literal`: an RDF literal in N-Triples
// syntax, `"chat"@fr` or `"5"^^<http://www.w3.org/2001/XMLSchema#byte>`,
// as `annals export` writes a string that came from RDF with a language or
// datatype to TSV, CSV and JSON Lines (docs/loading.md), so that it loads
// back to the same value.
#ifndef ANNALS_LOAD_LITERAL_FIELD_H_
#define ANNALS_LOAD_LITERAL_FIELD_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "annals/value.h"

namespace annals::load {

// True for the object_type `literal` (any case, blanks around).
bool IsLiteralType(std::string_view object_type);

// `text` as its value (annals/rdf.h ValueOfLiteral: a tagged string, or a
// native value for a canonical xsd literal). The lexical form takes the
// N-Triples escapes (\t \b \n \r \f \" \' \\ \uXXXX \UXXXXXXXX); after the
// closing quote come nothing, @LANG or ^^<IRI>. InvalidArgument saying
// what is wrong otherwise.
absl::StatusOr<Value> ParseLiteralField(std::string_view text);

}  // namespace annals::load

#endif  // ANNALS_LOAD_LITERAL_FIELD_H_
