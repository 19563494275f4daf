// Claims as RDF 1.2 reifications in N-Triples or Turtle; see rdf12_writer.h.
#include "tools/export/rdf12_writer.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "tools/export/claim_notes.h"

namespace annals::exporter {
namespace {

// xsd:local when the datatype is in xsd: with a plain local name.
bool AppendXsdName(const std::string& iri, std::string* out) {
  if (iri.compare(0, kXsdNs.size(), kXsdNs) != 0 || iri.size() == kXsdNs.size())
    return false;
  for (size_t i = kXsdNs.size(); i < iri.size(); ++i) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(iri[i]))) return false;
  }
  absl::StrAppend(out, "xsd:", iri.substr(kXsdNs.size()));
  return true;
}

void AppendTurtleTerm(const RdfTerm& t, std::string* out) {
  if (t.kind == RdfTerm::Kind::kLiteral && t.language.empty() &&
      !t.datatype.empty()) {
    RdfTerm plain = t;
    plain.datatype.clear();
    std::string datatype;
    if (AppendXsdName(t.datatype, &datatype)) {
      AppendNTriplesTerm(plain, out);
      absl::StrAppend(out, "^^", datatype);
      return;
    }
  }
  AppendNTriplesTerm(t, out);
}

}  // namespace

int64_t WriteRdf12Claims(const std::vector<Claim>& claims, bool turtle,
                         std::ostream* out) {
  int64_t statements = 0;
  std::string text;
  if (turtle) {
    absl::StrAppend(&text, "@prefix annals: <", AbslView(kAnnalsNs), "> .\n",
                    "@prefix xsd: <", AbslView(kXsdNs), "> .\n");
  }
  for (const Claim& c : claims) {
    const std::string reifier = absl::StrCat("_:c", c.id);
    const auto append = turtle ? &AppendTurtleTerm : &AppendNTriplesTerm;
    std::string triple;
    append(TermOfValue(c.subject), &triple);
    triple += ' ';
    append(NodeOfName(c.predicate, /*predicate=*/true), &triple);
    triple += ' ';
    append(TermOfValue(c.object), &triple);
    const auto notes = ClaimNotes(c);
    if (turtle) {
      absl::StrAppend(&text, "\n<< ", triple, " ~ ", reifier, " >>");
      for (size_t i = 0; i < notes.size(); ++i) {
        absl::StrAppend(&text, "\n\tannals:", notes[i].first, " ");
        AppendTurtleTerm(notes[i].second, &text);
        text += i + 1 < notes.size() ? " ;" : " .\n";
      }
    } else {
      absl::StrAppend(&text, reifier, " <", kRdfReifies, "> <<( ", triple,
                      " )>> .\n");
      for (const auto& [what, value] : notes) {
        absl::StrAppend(&text, reifier, " <", AbslView(kAnnalsNs), what, "> ");
        AppendNTriplesTerm(value, &text);
        text += " .\n";
      }
    }
    statements += 1 + static_cast<int64_t>(notes.size());
    if (text.size() > (size_t{1} << 16)) {
      *out << text;
      text.clear();
    }
  }
  *out << text;
  return statements;
}

}  // namespace annals::exporter
