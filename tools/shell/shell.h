// The shell's session: one open store, the settings the dot commands change
// (output mode, timer, explain, default view, output file), and running
// statements, dot commands and scripts against them. Input comes from the
// REPL (repl.cc) or from a script; this class does not read the terminal.
#ifndef ANNALS_TOOLS_SHELL_SHELL_H_
#define ANNALS_TOOLS_SHELL_SHELL_H_

#include <fstream>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "annals/database.h"
#include "tools/output/printers.h"
#include "tools/shell/completion.h"
#include "tools/shell/statement_splitter.h"

namespace annals::shell {

// What running something came to. kCancelled: stopped by the shell's
// Cancellation (Ctrl-C); a script stops there, even with keep_going.
enum class Outcome { kOk, kError, kQuit, kCancelled };

struct ShellConfig {
  bool interactive = false;  // stdin is a terminal: prompts, history
  bool colour = false;       // stdout is a terminal that takes colours
  bool keep_going = false;   // a script goes on after an error
  size_t width = 0;          // of the terminal; 0: not a terminal
};

class Shell {
 public:
  Shell(Database db, ShellConfig config);

  // Runs a statement. `source` names where it came from for errors ("stdin"
  // or a file); empty when typed at the prompt (errors then point into the
  // statement itself).
  Outcome RunStatement(const StatementText& statement,
                       const std::string& source);
  // Runs a dot command line (`.mode csv`) at `line` of `source`.
  Outcome RunDotCommand(absl::string_view line, const std::string& source,
                        int line_no);
  // Runs every statement and dot command of `in`, stopping at the first
  // error unless keep_going (then kError if any failed).
  Outcome RunScript(std::istream& in, const std::string& source);

  // "annals> ", or "annals [at 2024, as of 2025-01]> "; the continuation
  // prompt ("...> ") is as wide.
  std::string Prompt(bool continuation) const;

  // Predicates and entity names of the store (read once, again after a
  // write or a load).
  const CompletionWords& Words();

  // Updates the terminal width (after a resize).
  void set_width(size_t width) { config_.width = width; }

  // The flag every statement and .load runs with: Cancel() stops the one
  // running (Ctrl-C, sigint.h). It stays set until Reset().
  const Cancellation& cancellation() const { return cancel_; }

 private:
  std::ostream& out();
  bool colour() const { return config_.colour && !file_; }
  void Error(absl::string_view message);
  // Statement errors, located in `source` when there is one.
  void StatementError(absl::string_view message, const std::string& source,
                      const StatementText& statement, int shift);
  void PrintHelp();
  Outcome SetTime(absl::string_view what, absl::string_view arg);
  Outcome Load(const std::vector<std::string>& files);
  Outcome Read(const std::string& file);

  // Reports a statement or .load's error: kCancelled for a cancel.
  Outcome Failed(const absl::Status& status, const std::string& source,
                 const StatementText* statement, int shift);

  Database db_;
  ShellConfig config_;
  Cancellation cancel_;
  output::OutputMode mode_ = output::OutputMode::kTable;
  bool timer_ = false;
  bool explain_ = false;
  std::optional<TimePoint> at_;
  std::optional<TimePoint> as_of_;
  std::unique_ptr<std::ofstream> file_;  // .output FILE
  std::string file_name_;
  int read_depth_ = 0;
  bool words_loaded_ = false;
  CompletionWords words_;
};

}  // namespace annals::shell

#endif  // ANNALS_TOOLS_SHELL_SHELL_H_
