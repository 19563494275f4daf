// Line editing for the interactive shell on GNU readline: prompts, history
// kept in a file across sessions, and tab completion from the shell's words.
// Ctrl-C (SIGINT, under a SigintScope: sigint.h) drops the line being typed.
// One LineReader at a time (readline's state is global).
#ifndef ANNALS_TOOLS_SHELL_LINE_READER_H_
#define ANNALS_TOOLS_SHELL_LINE_READER_H_

#include <functional>
#include <optional>
#include <string>

#include "tools/shell/completion.h"

namespace annals::shell {

// Where history is kept: $ANNALS_HISTORY, else $XDG_STATE_HOME/annals/history,
// else ~/.annals_history; empty when none of these can be found.
std::string HistoryPath();

class LineReader {
 public:
  // Reads history from `history_file` (if it exists); `words` gives the
  // names to complete.
  LineReader(std::string history_file,
             std::function<const CompletionWords&()> words);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  enum class Read { kLine, kEnd, kInterrupted };
  // The next line typed into *line (several, separated by '\n', when a
  // recalled multi-line entry is entered): kLine; kEnd at end of input
  // (Ctrl-D on an empty line); kInterrupted on Ctrl-C, the typed text
  // dropped (and "^C" and a new line shown).
  Read ReadLine(const std::string& prompt, std::string* line);
  // Adds an entry to the history and appends it to the file, unless it
  // repeats the last one.
  void AddHistory(const std::string& entry);

 private:
  std::string history_file_;
  std::string last_entry_;
};

}  // namespace annals::shell

#endif  // ANNALS_TOOLS_SHELL_LINE_READER_H_
