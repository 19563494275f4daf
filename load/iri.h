// Resolving a relative IRI reference against a base IRI, as RFC 3986 section
// 5.2 says (with remove_dot_segments), which Turtle and TriG require and
// Serd's own resolution does not fully do.
#ifndef ANNALS_LOAD_IRI_H_
#define ANNALS_LOAD_IRI_H_

#include <string>
#include <string_view>

namespace annals::load {

// True when `ref` starts with a scheme (`http:`, `urn:`).
bool HasScheme(std::string_view ref);

// The target IRI of `ref` against `base` (an absolute IRI). A `ref` with a
// scheme comes back as it is (RDF keeps absolute IRIs as written).
std::string ResolveIri(std::string_view base, std::string_view ref);

}  // namespace annals::load

#endif  // ANNALS_LOAD_IRI_H_
