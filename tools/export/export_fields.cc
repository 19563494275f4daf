// Claim -> load-file fields; see export_fields.h.
#include "tools/export/export_fields.h"

#include <charconv>
#include <cstdint>

#include "absl/strings/str_cat.h"

namespace annals::exporter {

Value InferredObject(std::string_view text) {
  const char c = text.empty() ? '\0' : text[0];
  const bool maybe_literal = (c >= '0' && c <= '9') || c == '-' || c == '#';
  return maybe_literal ? Value::Infer(text) : Value::Entity(std::string(text));
}

void ObjectField(const Value& value, std::string* text,
                 std::string* object_type) {
  // A string is its text, unquoted; everything else prints as it parses.
  *text = value.kind() == ValueKind::kString ? value.text() : value.ToString();
  object_type->clear();
  // A blank object loads only with its type (load/row_decoder.cc).
  const bool blank = text->find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank || InferredObject(*text) != value) {
    *object_type = std::string(ValueKindName(value.kind()));
  }
}

bool IsValidUtf8(std::string_view text) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int length;
    uint32_t code;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
      code = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      code = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      code = c & 0x07;
    } else {
      return false;
    }
    if (i + length > n) return false;
    for (int k = 1; k < length; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      if ((b & 0xC0) != 0x80) return false;
      code = (code << 6) | (b & 0x3F);
    }
    if ((length == 3 && code < 0x800) || (length == 4 && code < 0x10000) ||
        (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
      return false;
    }
    i += length;
  }
  return true;
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
