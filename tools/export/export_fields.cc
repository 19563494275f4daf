// Claim -> load-file fields; see export_fields.h.
#include "tools/export/export_fields.h"

#include <charconv>

#include "absl/strings/str_cat.h"
#include "annals/rdf.h"

namespace annals::exporter {

Value InferredObject(std::string_view text) {
  const char c = text.empty() ? '\0' : text[0];
  const bool maybe_literal = (c >= '0' && c <= '9') || c == '-' || c == '#';
  return maybe_literal ? Value::Infer(text) : Value::Entity(std::string(text));
}

bool IsTaggedString(const Value& value) {
  return value.kind() == ValueKind::kString &&
         value.lexical().size() != value.text().size();
}

void ObjectField(const Value& value, std::string* text,
                 std::string* object_type) {
  if (IsTaggedString(value)) {  // "chat"@fr, as RDF writes it
    text->clear();
    AppendNTriplesTerm(LiteralOfValue(value), text);
    *object_type = "literal";
    return;
  }
  // A string is its text, unquoted; everything else prints as it parses.
  *text = value.kind() == ValueKind::kString ? value.text() : value.ToString();
  object_type->clear();
  // A blank object loads only with its type (load/row_decoder.cc).
  const bool blank = text->find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank || InferredObject(*text) != value) {
    *object_type = std::string(ValueKindName(value.kind()));
  }
}

std::string ShortestDouble(double d) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), d);
  if (ec != std::errc()) return absl::StrCat(d);
  return std::string(buf, end);
}

ExportFields FieldsOf(const Claim& claim) {
  ExportFields f;
  f[0] = claim.subject.ToString();  // an entity name or #c42
  f[1] = claim.predicate;
  ObjectField(claim.object, &f[2], &f[3]);
  if (claim.valid.from) f[4] = claim.valid.from->ToString();
  if (claim.valid.to) f[5] = claim.valid.to->ToString();
  f[6] = claim.recorded.ToString();
  f[7] = claim.source;
  f[8] = claim.by;
  if (claim.confidence != 1.0) f[9] = ShortestDouble(claim.confidence);
  return f;
}

}  // namespace annals::exporter
