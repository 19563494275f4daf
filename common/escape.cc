// The string escapers; see escape.h.
#include "common/escape.h"

#include "absl/strings/str_format.h"

namespace annals {
namespace {

// `text` in double quotes with \" \\ \n \r \t, and `hex` (a \u%04X or
// \u%04x format) for the other control characters and DEL: the escapes the
// query language and JSON share.
std::string Quoted(std::string_view text, const absl::FormatSpec<int>& hex) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          out += absl::StrFormat(hex, static_cast<int>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

}  // namespace

std::string QueryQuoted(std::string_view text) {
  return Quoted(text, "\\u%04X");
}

std::string JsonString(std::string_view text) {
  return Quoted(text, "\\u%04x");
}

std::string TsvEscaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) {
    return std::string(text);
  }
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace annals
