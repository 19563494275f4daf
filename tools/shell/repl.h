// `annals shell STORE`: the interactive shell on a terminal (prompts, line
// editing, history, completion), or a script runner when standard input is
// not a terminal (no prompts, no colours, stops at the first error unless
// --keep-going).
#ifndef ANNALS_TOOLS_SHELL_REPL_H_
#define ANNALS_TOOLS_SHELL_REPL_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "annals/database.h"

namespace annals::shell {

// Runs the shell with the arguments after `shell` (options written
// --name=value). Exit code: 0, 1 when a statement or command of a script
// failed (or the store would not open: it is never created here), 2 for a
// usage error.
int ShellMain(const std::vector<std::string>& args);

// `annals shell --help`: usage, options and examples.
extern const char kShellUsage[];

}  // namespace annals::shell

#endif  // ANNALS_TOOLS_SHELL_REPL_H_
