// Cell and field text; see cell_text.h.
#include "tools/output/cell_text.h"

#include "common/utf8.h"

namespace annals::output {

std::string CellText(const Cell& cell) {
  if (cell.kind == Cell::Kind::kValue &&
      cell.value.kind() == ValueKind::kString) {
    // An RDF literal with a language or datatype shows them: "chat"@en.
    if (cell.value.lexical().size() != cell.value.text().size()) {
      return cell.value.ToString();
    }
    return cell.value.text();
  }
  return cell.ToString();
}

size_t DisplayWidth(absl::string_view s) {
  size_t n = 0;
  for (char c : s) n += IsUtf8Continuation(c) ? 0 : 1;
  return n;
}

std::string Truncate(absl::string_view s, size_t width) {
  if (DisplayWidth(s) <= width) return std::string(s);
  if (width == 0) return "";
  // Keep width - 1 code points, then the ellipsis.
  size_t kept = 0, i = 0;
  for (; i < s.size(); ++i) {
    if (!IsUtf8Continuation(s[i])) {
      if (kept == width - 1) break;
      ++kept;
    }
  }
  return std::string(s.substr(0, i)) + "\xE2\x80\xA6";
}

}  // namespace annals::output
