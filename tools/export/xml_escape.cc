// XML 1.0 escaping; see xml_escape.h.
#include "tools/export/xml_escape.h"

#include <cstdint>

#include "common/utf8.h"

namespace annals::exporter {
namespace {

constexpr uint32_t kReplacement = 0xFFFD;

// True for code points XML 1.0 allows (its Char production), surrogates
// aside (DecodeUtf8 never gives them).
bool IsXmlChar(uint32_t cp) {
  if (cp < 0x20) return cp == 0x09 || cp == 0x0A || cp == 0x0D;
  return cp != 0xFFFE && cp != 0xFFFF;
}

}  // namespace

bool AppendXmlEscaped(std::string_view text, std::string* out) {
  bool replaced = false;
  size_t i = 0;
  while (i < text.size()) {
    uint32_t cp = 0;
    size_t len = DecodeUtf8(text, i, &cp);
    if (len == 0) {  // an invalid byte: one replacement each
      AppendUtf8(kReplacement, out);
      replaced = true;
      ++i;
      continue;
    }
    switch (cp) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '"':
        out->append("&quot;");
        break;
      case '\'':
        out->append("&apos;");
        break;
      case '\t':
        out->append("&#9;");
        break;
      case '\n':
        out->append("&#10;");
        break;
      case '\r':
        out->append("&#13;");
        break;
      default:
        if (IsXmlChar(cp)) {
          out->append(text.substr(i, len));
        } else {
          AppendUtf8(kReplacement, out);
          replaced = true;
        }
    }
    i += len;
  }
  return replaced;
}

std::string XmlEscaped(std::string_view text) {
  std::string out;
  AppendXmlEscaped(text, &out);
  return out;
}

}  // namespace annals::exporter
