// The shell's session: one open store, the settings the dot commands change
// (output mode, timer, echo, explain, default view, limits, output file), and
// running
// statements, dot commands and scripts against them. Input comes from the
// REPL (repl.cc) or from a script; this class does not read the terminal.
#ifndef ANNALS_TOOLS_SHELL_SHELL_H_
#define ANNALS_TOOLS_SHELL_SHELL_H_

#include <fstream>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

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
  bool read_only = false;    // the store is open read-only (the prompt says)
  // The statements' time and row limits (timeout_ms and max_rows; .timeout
  // and .maxrows change them).
  QueryOptions limits;
  // Errors name the limits as `annals query` sets them (--max-rows,
  // --timeout), not as the shell's dot commands.
  bool limit_flags = false;
  // Writes may not add a predicate the schema does not declare (--strict,
  // `.strict on`; QueryOptions::strict).
  bool strict = false;
  // Asks a yes/no question on the terminal. Set by the interactive shell:
  // before an ASSERT that adds a name near a known one ("new entity 'Rusia';
  // did you mean 'Russia'?") commits, it asks "commit? [y/N]". Empty (a
  // script, a pipe): never asks.
  std::function<bool(const std::string& question)> confirm;
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

  // "annals> ", or "annals [at 2024, as of 2025-01]> ", with "(read-only) "
  // after "annals" on a read-only store; the continuation prompt ("...> ")
  // is as wide.
  std::string Prompt(bool continuation) const;

  // Predicates and entity names of the store (read once, again after a
  // write or a load).
  const CompletionWords& Words();

  // Updates the terminal width (after a resize).
  void set_width(size_t width) { config_.width = width; }
  void set_confirm(std::function<bool(const std::string&)> confirm) {
    config_.confirm = std::move(confirm);
  }

  // The flag every statement and .load runs with: Cancel() stops the one
  // running (Ctrl-C, sigint.h). It stays set until Reset().
  const Cancellation& cancellation() const { return cancel_; }

 private:
  std::ostream& out();
  bool colour() const { return config_.colour && !file_; }
  void Error(absl::string_view message);
  // A result's notices, a `--` line each on stderr (so that .output files
  // and csv or json output hold only rows).
  void PrintNotices(const std::vector<std::string>& notices);
  // For an ASSERT that adds a name near a known one (seen in a dry run,
  // EXPLAIN of it): prints the notices and asks before it commits. True to
  // go on (no such name, or the user said yes); *asked says whether the
  // notices were printed.
  bool ConfirmNewNames(const std::string& text, const QueryOptions& options,
                       bool* asked);
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
  bool plain_keys_ = false;  // .keys plain
  bool timer_ = false;
  bool echo_ = false;  // scripts print each statement before its answer
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
