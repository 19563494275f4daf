// Error locations; see error_location.h.
#include "tools/shell/error_location.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace annals::shell {
namespace {

// Reads the digits at the front of *s into *n.
bool ConsumeNumber(absl::string_view* s, int* n) {
  size_t len = 0;
  while (len < s->size() && absl::ascii_isdigit((*s)[len])) ++len;
  if (len == 0 || !absl::SimpleAtoi(s->substr(0, len), n)) return false;
  s->remove_prefix(len);
  return true;
}

}  // namespace

std::string LocateError(absl::string_view message, absl::string_view source,
                        int line, int column, int shift) {
  absl::string_view rest = message;
  int l = 0, c = 0;
  if (absl::ConsumePrefix(&rest, "line ") && ConsumeNumber(&rest, &l) &&
      absl::ConsumePrefix(&rest, ", column ") && ConsumeNumber(&rest, &c) &&
      absl::ConsumePrefix(&rest, ":")) {
    if (l == 1) c = std::max(1, c - shift) + column - 1;
    return absl::StrCat(source, ":", line + l - 1, ":", c, ":", rest);
  }
  return absl::StrCat(source, ":", line, ": ", message);
}

}  // namespace annals::shell
