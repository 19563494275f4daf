// The notes of a claim in an `annals export --claims` file; see
// claim_notes.h.
#include "tools/export/claim_notes.h"

#include "absl/strings/str_cat.h"
#include "tools/export/export_fields.h"

namespace annals::exporter {

RdfTerm TermOfValue(const Value& v) {
  if (v.kind() == ValueKind::kEntity) return NodeOfName(v.text());
  if (v.kind() == ValueKind::kClaim) return NodeOfName(v.ToString());
  return LiteralOfValue(v);
}

std::vector<std::pair<std::string, RdfTerm>> ClaimNotes(const Claim& c) {
  std::vector<std::pair<std::string, RdfTerm>> notes;
  auto note = [&](const char* what, RdfTerm value) {
    notes.emplace_back(what, std::move(value));
  };
  if (c.valid.from) {
    note("validFrom", LiteralOfValue(Value::Date(*c.valid.from)));
  }
  if (c.valid.to) note("validTo", LiteralOfValue(Value::Date(*c.valid.to)));
  note("recordedAt", LiteralOfValue(Value::Date(c.recorded)));
  if (c.retracted) {
    note("retractedAt", LiteralOfValue(Value::Date(*c.retracted)));
  }
  if (!c.source.empty()) {
    note("source", LiteralOfValue(Value::String(c.source)));
  }
  if (!c.by.empty()) note("by", NodeOfName(c.by));
  if (c.confidence != 1.0) {
    RdfTerm conf;
    conf.kind = RdfTerm::Kind::kLiteral;
    conf.value = ShortestDouble(c.confidence);
    conf.datatype = absl::StrCat(std::string(kXsdNs), "double");
    note("confidence", std::move(conf));
  }
  if (c.batch != 0) {
    note("batch",
         LiteralOfValue(Value::Integer(static_cast<int64_t>(c.batch))));
  }
  return notes;
}

}  // namespace annals::exporter
