// Splits shell input, line by line, into statements: a statement ends with
// `;` (outside quotes and `--` comments) or with a blank line. Each keeps
// where it starts in the input, so errors can name the script's lines.
#ifndef ANNALS_TOOLS_SHELL_STATEMENT_SPLITTER_H_
#define ANNALS_TOOLS_SHELL_STATEMENT_SPLITTER_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace annals::shell {

struct StatementText {
  std::string text;  // from its first character, without the `;`
  int line = 1;      // of its first character in the input, from 1
  int column = 1;    // of its first character, from 1
};

class StatementSplitter {
 public:
  // Takes the next line of input (without its line break); returns the
  // statements it completes (none, one, or several on one line).
  std::vector<StatementText> AddLine(absl::string_view line);
  // Ends the input: the unfinished statement, if any.
  std::optional<StatementText> Finish();
  // True while a statement has begun and not ended (continuation prompt).
  bool pending() const { return started_; }
  // Lines taken so far.
  int lines() const { return line_; }

 private:
  std::string text_;
  bool started_ = false;
  bool in_quote_ = false;
  int line_ = 0;
  StatementText current_;
};

}  // namespace annals::shell

#endif  // ANNALS_TOOLS_SHELL_STATEMENT_SPLITTER_H_
