// Statement splitting; see statement_splitter.h.
#include "tools/shell/statement_splitter.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace annals::shell {

std::vector<StatementText> StatementSplitter::AddLine(absl::string_view line) {
  ++line_;
  std::vector<StatementText> done;
  if (started_ && !in_quote_ && absl::StripAsciiWhitespace(line).empty()) {
    done.push_back(std::move(current_));
    current_ = {};
    started_ = false;
    return done;
  }
  bool escaped = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (!started_) {
      if (absl::ascii_isspace(static_cast<unsigned char>(c))) continue;
      if (c == ';') continue;  // empty statements
      if (c == '-' && i + 1 < line.size() && line[i + 1] == '-') break;
      started_ = true;
      current_.line = line_;
      current_.column = static_cast<int>(i) + 1;
    }
    if (in_quote_) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_quote_ = false;
      }
      current_.text += c;
      continue;
    }
    if (c == '"') {
      in_quote_ = true;
    } else if (c == '-' && i + 1 < line.size() && line[i + 1] == '-') {
      // A comment, to the end of the line.
      absl::StrAppend(&current_.text, line.substr(i));
      break;
    } else if (c == ';') {
      done.push_back(std::move(current_));
      current_ = {};
      started_ = false;
      continue;
    }
    current_.text += c;
  }
  if (started_) current_.text += '\n';
  return done;
}

std::optional<StatementText> StatementSplitter::Finish() {
  if (!started_) return std::nullopt;
  started_ = false;
  in_quote_ = false;
  StatementText last = std::move(current_);
  current_ = {};
  return last;
}

}  // namespace annals::shell
