// RDF terms in N-Triples syntax; see ntriples_term.h.
#include "tools/export/ntriples_term.h"

#include <cstdio>

#include "absl/strings/str_cat.h"

namespace annals::exporter {
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

}  // namespace annals::exporter
