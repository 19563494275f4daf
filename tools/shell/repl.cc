// The shell's main loop; see repl.h.
#include "tools/shell/repl.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "annals/database.h"
#include "tools/cli/open_store.h"
#include "tools/cli/store_flags.h"
#include "tools/cli/suggest.h"
#include "tools/shell/line_reader.h"
#include "tools/shell/shell.h"
#include "tools/shell/sigint.h"

namespace annals::shell {

const char kShellUsage[] =
    R"(Usage: annals shell [--keep-going] [--read-only] [--max-rows=N] [--timeout=DURATION] [--strict] STORE

An interactive shell on STORE (an existing store: `annals init` or `annals
load` makes one): statements end with `;` or a blank line and may span
lines; .help lists the dot commands (.mode, .timer, .echo, .explain,
.strict, .at, .asof, .maxrows, .timeout, .schema, .stats, .load, .read,
.output, .quit).
Line editing, history (in $ANNALS_HISTORY, $XDG_STATE_HOME/annals/history or
~/.annals_history) and tab completion of keywords, predicates and names.

Ctrl-C stops the statement (or .load) that is running and returns to the
prompt; on a half-typed statement it clears it. Ctrl-D on an empty prompt
leaves the shell; on a half-typed statement it discards it, unrun.

When standard input is not a terminal it runs it as a script: no prompts,
no colours, and it stops at the first error with exit code 1, naming the
script's line and column (stdin:LINE:COLUMN, or FILE:LINE:COLUMN for .read),
or at Ctrl-C with exit code 130.

When another process holds STORE for writing, the shell opens it read-only
and says so: the prompt reads `annals (read-only)>`, each statement sees
what that process has committed by then, and writes are refused.

Options:
  --keep-going       run the rest of a script after an error (exit code 1
                     if any failed)
  --read-only        open the store without the writer lock: writes are
                     refused, and reads follow whoever writes it
  --max-rows=N       a result may hold N rows (default 1000000; 0: no
                     limit); .maxrows changes it
  --timeout=DURATION a statement may run that long: 1500 (milliseconds),
                     30s, 2m (default 30s; 0: no limit); .timeout changes it
  --strict           refuse writes that add a predicate the schema does not
                     declare (.strict on|off changes it)

On a terminal, an ASSERT that adds a name near a known one ("new entity
'Rusia'; did you mean 'Russia'?") asks "commit? [y/N]" before it writes;
from a pipe or a script it never asks (the notice goes to stderr).

Examples:
  annals shell sco.annals
  annals shell sco.annals < report.aq
  echo 'HISTORY Russia pipeline_gas_to_china;' | annals shell sco.annals
)";

namespace {

size_t TerminalWidth() {
  if (!isatty(STDOUT_FILENO)) return 0;
  winsize ws{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    return ws.ws_col;
  }
  int columns = 0;
  const char* env = std::getenv("COLUMNS");
  if (env && absl::SimpleAtoi(env, &columns) && columns > 0) return columns;
  return 80;
}

bool ColourTerminal() {
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr &&
         term != nullptr && std::strcmp(term, "dumb") != 0;
}

int Interactive(Shell& shell, const std::string& store) {
  LineReader reader(HistoryPath(),
                    [&]() -> const CompletionWords& { return shell.Words(); });
  shell.set_confirm([&](const std::string& question) {
    std::string answer;
    LineReader::Read read = reader.ReadLine(question, &answer);
    if (read == LineReader::Read::kEnd) std::cout << "\n";
    return read == LineReader::Read::kLine &&
           (absl::EqualsIgnoreCase(answer, "y") ||
            absl::EqualsIgnoreCase(answer, "yes"));
  });
  // Ctrl-C: cancels the statement running, or drops the line being typed
  // (at the commit question: no).
  SigintScope sigint(shell.cancellation());
  std::cout << "annals shell on " << store
            << ": statements end with ; or a blank line, .help for help\n";
  StatementSplitter splitter;
  std::string entry;  // the lines of the statement being typed
  // Runs `run`, then clears the cancellation and forgets a Ctrl-C that
  // stopped it (it is not for the next prompt). The flag is clear when a
  // statement starts, unless Ctrl-C came after its line was read: then it
  // stops at once.
  auto running = [&](auto run) {
    auto outcome = run();
    SigintScope::TakeInterrupt();
    shell.cancellation().Reset();
    return outcome;
  };
  std::string input;
  while (true) {
    shell.set_width(TerminalWidth());
    LineReader::Read read =
        reader.ReadLine(shell.Prompt(splitter.pending()), &input);
    if (read == LineReader::Read::kInterrupted) {  // back to `annals>`
      shell.cancellation().Reset();
      splitter = StatementSplitter();
      entry.clear();
      continue;
    }
    if (read == LineReader::Read::kEnd) {
      std::cout << "\n";
      // Only what ended with `;` or a blank line runs: a statement cut
      // short is not committed.
      if (splitter.pending()) {
        std::cout << "(unfinished statement discarded)\n";
      }
      return 0;
    }
    for (absl::string_view line : absl::StrSplit(input, '\n')) {
      if (!splitter.pending() &&
          absl::StartsWith(absl::StripLeadingAsciiWhitespace(line), ".")) {
        reader.AddHistory(std::string(line));
        Outcome o = running([&] { return shell.RunDotCommand(line, "", 0); });
        if (o == Outcome::kQuit) return 0;
        continue;
      }
      if (!splitter.pending() && absl::StripAsciiWhitespace(line).empty()) {
        continue;
      }
      entry += (entry.empty() ? "" : "\n") + std::string(line);
      std::vector<StatementText> done = splitter.AddLine(line);
      if (!splitter.pending()) {
        // A recalled entry runs as it is: it ends with `;`.
        absl::string_view text = absl::StripTrailingAsciiWhitespace(entry);
        if (!absl::EndsWith(text, ";")) entry = std::string(text) + ";";
        reader.AddHistory(entry);
        entry.clear();
      }
      for (const StatementText& s : done) {
        running([&] { return shell.RunStatement(s, ""); });
      }
    }
  }
}

}  // namespace

int ShellMain(const std::vector<std::string>& args) {
  ShellConfig config;
  cli::StoreFlags flags;
  std::string store;
  auto usage = [](const std::string& message) {
    std::cerr << "annals: " << message << "\n\n" << kShellUsage;
    return 2;
  };
  for (const std::string& arg : args) {
    if (arg == "--help" || arg == "-h") {
      std::cout << kShellUsage;
      return 0;
    } else if (arg == "--keep-going") {
      config.keep_going = true;
    } else if (arg == "--strict") {
      config.strict = true;
    } else if (absl::StartsWith(arg, "--")) {
      const size_t eq = arg.find('=');
      const std::string name =
          arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
      const std::string value =
          eq == std::string::npos ? "" : arg.substr(eq + 1);
      absl::StatusOr<bool> taken =
          cli::ParseStoreFlag(name, value, /*limits=*/true, &flags);
      if (!taken.ok()) return usage(std::string(taken.status().message()));
      if (!*taken) return usage(cli::UnknownOptionMessage(name, kShellUsage));
    } else if (!store.empty()) {
      return usage("shell takes one STORE");
    } else {
      store = arg;
    }
  }
  if (store.empty()) return usage("shell needs a STORE");
  absl::StatusOr<Database> db = cli::OpenStore(
      store, flags.read_only ? cli::Access::kRead : cli::Access::kWriteOrRead,
      std::cerr);
  if (!db.ok()) {
    std::cerr << "annals: " << db.status().message() << "\n";
    return 1;
  }
  config.read_only = db->read_only();
  config.limits = flags.limits;
  config.interactive = isatty(STDIN_FILENO);
  config.colour = config.interactive && ColourTerminal();
  config.width = TerminalWidth();
  Shell shell(std::move(*db), config);
  if (config.interactive) return Interactive(shell, store);
  SigintScope sigint(shell.cancellation());
  switch (shell.RunScript(std::cin, "stdin")) {
    case Outcome::kError:
      return 1;
    case Outcome::kCancelled:
      return kExitInterrupted;
    default:
      return 0;
  }
}

}  // namespace annals::shell
