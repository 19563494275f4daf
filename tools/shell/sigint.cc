// SigintScope; see sigint.h.
#include "tools/shell/sigint.h"

#include <atomic>

namespace annals::shell {
namespace {

// Set before the handler is installed and cleared after it is gone: the
// handler never sees it change.
const Cancellation* g_cancel = nullptr;
std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);

void OnSigint(int) {
  g_interrupted.store(true);
  if (g_cancel != nullptr) g_cancel->Cancel();
}

}  // namespace

SigintScope::SigintScope(Cancellation cancel) {
  g_cancel = new Cancellation(std::move(cancel));
  g_interrupted = false;
  struct sigaction action {};
  action.sa_handler = OnSigint;
  sigemptyset(&action.sa_mask);
  // Reads resume after it; the line reader's pselect (never restarted)
  // returns, and it then looks at TakeInterrupt().
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, &previous_);
}

SigintScope::~SigintScope() {
  sigaction(SIGINT, &previous_, nullptr);
  delete g_cancel;
  g_cancel = nullptr;
}

bool SigintScope::TakeInterrupt() { return g_interrupted.exchange(false); }

}  // namespace annals::shell
