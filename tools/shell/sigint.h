// Ctrl-C for the shell and the command line: while a SigintScope lives,
// SIGINT cancels its Cancellation (annals/cancel.h; the running statement or
// load stops with CancelledError) and is remembered for the line reader,
// which then drops the line being typed. The handler only stores to atomic
// flags (async-signal-safe); the previous handler comes back when the scope
// ends.
#ifndef ANNALS_TOOLS_SHELL_SIGINT_H_
#define ANNALS_TOOLS_SHELL_SIGINT_H_

#include <signal.h>

#include "annals/cancel.h"

namespace annals::shell {

// The exit code of a command stopped by Ctrl-C (128 + SIGINT), as shells
// report it.
inline constexpr int kExitInterrupted = 130;

class SigintScope {
 public:
  // Installs the handler; `cancel` is the flag it sets. One scope at a time.
  explicit SigintScope(Cancellation cancel);
  ~SigintScope();
  SigintScope(const SigintScope&) = delete;
  SigintScope& operator=(const SigintScope&) = delete;

  // Whether SIGINT came since the last call (and forgets it).
  static bool TakeInterrupt();

 private:
  struct sigaction previous_;
};

}  // namespace annals::shell

#endif  // ANNALS_TOOLS_SHELL_SIGINT_H_
