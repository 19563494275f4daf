// Error messages with the source line and a caret (see diagnostic.h).
#include "query/diagnostic.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "common/utf8.h"

namespace annals::query {
namespace {

constexpr size_t kMaxShown = 100;    // characters of a long line shown
constexpr size_t kShownBefore = 60;  // of them, before the caret

// One character of the displayed line.
struct Shown {
  size_t offset;     // in the line
  std::string text;  // what to print for it
};

std::vector<Shown> DisplayCharacters(std::string_view line) {
  std::vector<Shown> shown;
  for (size_t i = 0; i < line.size();) {
    uint32_t cp = 0;
    size_t len = DecodeUtf8(line, i, &cp);
    if (len == 0) {
      shown.push_back({i, "?"});
      ++i;
      continue;
    }
    if ((cp < 0x20 && cp != '\t') || cp == 0x7F) {
      shown.push_back({i, "?"});
    } else {
      shown.push_back({i, std::string(line.substr(i, len))});
    }
    i += len;
  }
  return shown;
}

}  // namespace

std::string FormatDiagnostic(std::string_view text, const SourcePos& pos,
                             std::string_view message) {
  size_t offset = static_cast<size_t>(
      std::clamp<int64_t>(pos.offset, 0, static_cast<int64_t>(text.size())));
  size_t line_start = static_cast<size_t>(std::clamp<int64_t>(
      pos.offset - (pos.column - 1), 0, static_cast<int64_t>(offset)));
  size_t line_end = text.find('\n', line_start);
  if (line_end == std::string_view::npos) line_end = text.size();
  std::string_view line = text.substr(line_start, line_end - line_start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

  std::vector<Shown> shown = DisplayCharacters(line);
  size_t caret = 0;  // index of the character under the caret
  while (caret < shown.size() && shown[caret].offset < offset - line_start) {
    ++caret;
  }
  size_t begin = 0, end = shown.size();
  if (shown.size() > kMaxShown) {
    begin = caret > kShownBefore ? caret - kShownBefore : 0;
    end = std::min(shown.size(), begin + kMaxShown);
    begin = end - kMaxShown;
  }
  std::string source_line = begin > 0 ? "..." : "";
  std::string pad = begin > 0 ? "   " : "";
  for (size_t i = begin; i < end; ++i) {
    source_line += shown[i].text;
    if (i < caret) pad += shown[i].text == "\t" ? '\t' : ' ';
  }
  if (end < shown.size()) source_line += "...";
  return absl::StrCat("line ", pos.line, ", column ", pos.column, ": ",
                      AbslView(message), "\n  ", source_line, "\n  ", pad, "^");
}

absl::Status SyntaxError(std::string_view text, const SourcePos& pos,
                         std::string_view message) {
  return absl::InvalidArgumentError(FormatDiagnostic(text, pos, message));
}

absl::Status ErrorAt(std::string_view text, const SourcePos& pos,
                     const absl::Status& status) {
  return absl::Status(status.code(),
                      FormatDiagnostic(text, pos, StdView(status.message())));
}

}  // namespace annals::query
