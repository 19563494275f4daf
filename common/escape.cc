// The string escapers; see escape.h.
#include "common/escape.h"

#include "absl/strings/str_format.h"

namespace annals {
namespace {

// Appends the backslash escape of a backslash, line feed, carriage return or
// tab (\\ \n \r \t), which every format here shares, and returns true; false
// for any other character.
bool AppendBackslashEscape(char c, std::string* out) {
  switch (c) {
    case '\\':
      *out += "\\\\";
      return true;
    case '\n':
      *out += "\\n";
      return true;
    case '\r':
      *out += "\\r";
      return true;
    case '\t':
      *out += "\\t";
      return true;
    default:
      return false;
  }
}

// `text` in double quotes with \" and the backslash escapes, and `hex` (a
// \u%04X or \u%04x format) for the other control characters and DEL: the
// escapes the query language and JSON share.
std::string Quoted(std::string_view text, const absl::FormatSpec<int>& hex) {
  std::string out = "\"";
  for (char c : text) {
    if (AppendBackslashEscape(c, &out)) continue;
    if (c == '"') {
      out += "\\\"";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      out += absl::StrFormat(hex, static_cast<int>(c));
    } else {
      out += c;
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
    if (!AppendBackslashEscape(c, &out)) out += c;
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
