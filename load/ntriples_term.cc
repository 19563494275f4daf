// RDF terms in N-Triples syntax (AppendNTriplesTerm of annals/rdf.h),
// written by hand: rejected RDF statements, the RDF 1.2 export and the
// `literal` object fields of TSV, CSV and JSON Lines exports.
#include <cstdio>
#include <string>

#include "absl/strings/str_cat.h"
#include "annals/rdf.h"

namespace annals {
namespace {

bool IriRefuses(unsigned char c) {
  return c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' ||
         c == '}' || c == '|' || c == '^' || c == '`' || c == '\\';
}

}  // namespace

void AppendNTriplesTerm(const RdfTerm& t, std::string* out) {
  switch (t.kind) {
    case RdfTerm::Kind::kIri:
      *out += '<';
      for (char c : t.value) {
        if (IriRefuses(static_cast<unsigned char>(c))) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04X",
                        static_cast<unsigned char>(c));
          *out += escape;
        } else {
          *out += c;
        }
      }
      *out += '>';
      return;
    case RdfTerm::Kind::kBlank:
      absl::StrAppend(out, "_:", t.value);
      return;
    case RdfTerm::Kind::kLiteral:
      *out += '"';
      for (char c : t.value) {
        switch (c) {
          case '"':
            *out += "\\\"";
            break;
          case '\\':
            *out += "\\\\";
            break;
          case '\n':
            *out += "\\n";
            break;
          case '\r':
            *out += "\\r";
            break;
          default:
            *out += c;
        }
      }
      *out += '"';
      if (!t.language.empty()) {
        absl::StrAppend(out, "@", t.language);
      } else if (!t.datatype.empty()) {
        RdfTerm dt;
        dt.value = t.datatype;
        *out += "^^";
        AppendNTriplesTerm(dt, out);
      }
      return;
  }
}

}  // namespace annals
