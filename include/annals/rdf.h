// RDF terms and how Annals maps them to its values (docs/rdf.md): IRIs and
// blank nodes are entities, `urn:annals:` IRIs stand for ordinary names, xsd
// literals whose lexical form is canonical become native values, and every
// other literal a tagged string (Value::TaggedString) that keeps its lexical
// form, datatype and language. `annals load` and `annals export` of RDF
// (N-Triples, N-Quads, Turtle, TriG) use this mapping.
#ifndef ANNALS_RDF_H_
#define ANNALS_RDF_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "annals/value.h"

namespace annals {

struct RdfTerm {
  enum class Kind : uint8_t { kIri, kBlank, kLiteral };
  Kind kind = Kind::kIri;
  // The IRI, the blank node's label (without `_:`), or the literal's lexical
  // form (escapes undone).
  std::string value;
  std::string datatype;  // literals: the datatype IRI, "" for plain ones
  std::string language;  // literals: the language tag, "" if none
};

// Names that are not IRIs are written as IRIs under this namespace, each
// byte outside [A-Za-z0-9._~-] and below 0x80 percent-encoded.
inline constexpr std::string_view kNameIriPrefix = "urn:annals:";
// Annals' own vocabulary (quantities, `annals export --claims`).
inline constexpr std::string_view kAnnalsNs = "https://annals.dev/ns#";
inline constexpr std::string_view kXsdNs = "http://www.w3.org/2001/XMLSchema#";

// The entity name of an IRI: the IRI itself, or for `urn:annals:` + encoded
// name the name it encodes.
std::string NameOfIri(std::string_view iri);

// The entity name of blank node `label` of a load: `_:` + scope + label.
std::string NameOfBlank(std::string_view scope, std::string_view label);

// The RDF node an entity name (or a source) is written as: a blank node for
// `_:label` (label a valid blank node label), the IRI for a name that is an
// absolute IRI (a scheme, then no space, control character or <>"{}|^`\),
// else `urn:annals:` + the percent-encoded name. `predicate`: never a blank
// node.
RdfTerm NodeOfName(std::string_view name, bool predicate = false);

// True for a name that NodeOfName writes as that IRI.
bool IsAbsoluteIri(std::string_view name);

// The value of a literal: integer, decimal, boolean, date (xsd:date, dateTime
// in UTC, gYear, gYearMonth, with their precision) and Annals quantities
// when the lexical form is the canonical one Annals writes back; a plain
// string for a simple literal or xsd:string; otherwise a tagged string.
Value ValueOfLiteral(std::string_view lexical, std::string_view datatype,
                     std::string_view language);

// The literal a non-entity, non-claim value is written as (the reverse of
// ValueOfLiteral): RdfTerm kind kLiteral.
RdfTerm LiteralOfValue(const Value& value);

// Appends `t` in N-Triples syntax (which Turtle reads too): <IRI> with \u
// escapes of the characters an IRIREF refuses, _:label, or "lexical" with
// \" \\ \n \r escaped and its @language or ^^<datatype>.
void AppendNTriplesTerm(const RdfTerm& t, std::string* out);

}  // namespace annals

#endif  // ANNALS_RDF_H_
