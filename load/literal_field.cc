// RDF literals in load fields; see literal_field.h.
#include "load/literal_field.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "annals/rdf.h"
#include "common/absl_view.h"
#include "common/utf8.h"

namespace annals::load {
namespace {

absl::Status Bad(std::string_view text, std::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("object '", AbslView(text),
                   "' is not an RDF literal (\"text\", \"text\"@lang or "
                   "\"text\"^^<IRI>): ",
                   AbslView(why)));
}

// Reads `digits` hex digits at text[*i]; false if they are not there.
bool Hex(std::string_view text, size_t* i, int digits, uint32_t* cp) {
  if (*i + digits > text.size()) return false;
  *cp = 0;
  for (int k = 0; k < digits; ++k) {
    const char c = text[*i + k];
    if (!absl::ascii_isxdigit(static_cast<unsigned char>(c))) return false;
    *cp = *cp * 16 + (c <= '9' ? c - '0' : (absl::ascii_tolower(c) - 'a' + 10));
  }
  *i += digits;
  return true;
}

}  // namespace

bool IsLiteralType(std::string_view object_type) {
  return absl::EqualsIgnoreCase(
      absl::StripAsciiWhitespace(AbslView(object_type)), "literal");
}

absl::StatusOr<Value> ParseLiteralField(std::string_view text) {
  if (text.empty() || text[0] != '"') {
    return Bad(text, "it does not start with a double quote");
  }
  std::string lexical;
  size_t i = 1;
  for (;;) {
    if (i >= text.size()) return Bad(text, "no closing double quote");
    const char c = text[i++];
    if (c == '"') break;
    if (c != '\\') {
      lexical += c;
      continue;
    }
    if (i >= text.size()) return Bad(text, "a backslash at the end");
    const char e = text[i++];
    uint32_t cp = 0;
    switch (e) {
      case 't':
        lexical += '\t';
        break;
      case 'b':
        lexical += '\b';
        break;
      case 'n':
        lexical += '\n';
        break;
      case 'r':
        lexical += '\r';
        break;
      case 'f':
        lexical += '\f';
        break;
      case '"':
      case '\'':
      case '\\':
        lexical += e;
        break;
      case 'u':
      case 'U':
        if (!Hex(text, &i, e == 'u' ? 4 : 8, &cp) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF)) {
          return Bad(text, "a bad \\u or \\U escape");
        }
        AppendUtf8(cp, &lexical);
        break;
      default:
        return Bad(text, absl::StrCat("unknown escape \\", std::string(1, e)));
    }
  }
  std::string_view rest = text.substr(i);
  std::string_view language, datatype;
  if (absl::StartsWith(AbslView(rest), "@")) {
    language = rest.substr(1);
    bool ok = !language.empty() &&
              absl::ascii_isalpha(static_cast<unsigned char>(language[0]));
    for (char c : language) {
      ok = ok &&
           (absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-');
    }
    if (!ok) return Bad(text, "a bad language tag");
  } else if (absl::StartsWith(AbslView(rest), "^^<") &&
             absl::EndsWith(AbslView(rest), ">")) {
    datatype = rest.substr(3, rest.size() - 4);
    if (!IsAbsoluteIri(datatype)) return Bad(text, "a bad datatype IRI");
  } else if (!rest.empty()) {
    return Bad(text, "text after the closing quote");
  }
  if (!IsValidUtf8(lexical)) return Bad(text, "not valid UTF-8");
  return ValueOfLiteral(lexical, datatype, language);
}

}  // namespace annals::load
