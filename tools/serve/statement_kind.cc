// The read-or-write judgement of a statement (statement_kind.h).
#include "tools/serve/statement_kind.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace annals::serve {

bool IsReadStatement(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
        c == '\v') {
      ++i;
    } else if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else {
      break;
    }
  }
  size_t end = i;
  while (end < text.size() && absl::ascii_isalpha(text[end])) ++end;
  // The keyword must end there: `FINDx` is no keyword (and then no read).
  if (end < text.size() &&
      (absl::ascii_isalnum(text[end]) || text[end] == '_' ||
       static_cast<unsigned char>(text[end]) >= 0x80)) {
    return false;
  }
  const absl::string_view word(text.data() + i, end - i);
  for (absl::string_view read :
       {"FIND", "HISTORY", "CHANGES", "DIFF", "DISPUTES", "PATH", "EXPLAIN"}) {
    if (absl::EqualsIgnoreCase(word, read)) return true;
  }
  return false;
}

}  // namespace annals::serve
