// Ctrl-C and Connection.interrupt() for the module's long calls (execute,
// fetching rows, loads), which run C++ with the GIL released, where Python's
// own SIGINT handling cannot reach them.
//
// On Python's main thread, a CancellableCall puts a C-level SIGINT handler
// in front of Python's for the length of the call: it cancels the call's
// Cancellation (annals/cancel.h; only an atomic store) and hands the signal
// on to Python's handler, which trips KeyboardInterrupt as usual. The C++
// work stops within milliseconds; once the GIL is back the call runs the
// Python handlers (PyErr_CheckSignals), so KeyboardInterrupt is raised, and
// the connection goes on working. Other threads, to which Python never
// delivers signals, are stopped by Connection.interrupt(), which cancels
// every call of the connection under way (a registry of their
// cancellations, shared with its results).
#ifndef ANNALS_PYTHON_INTERRUPT_H_
#define ANNALS_PYTHON_INTERRUPT_H_

#include <memory>
#include <mutex>
#include <vector>

#include "annals/cancel.h"

namespace annals::python {

// The cancellations of one connection's calls under way.
class Interrupts {
 public:
  // Cancels every call under way (a call that starts later is not).
  void InterruptAll();

 private:
  friend class CancellableCall;
  std::mutex mu_;
  std::vector<Cancellation> running_;  // guarded by mu_
};

// With the GIL held, around a call that then releases it to run C++ with
// `cancel` (see above). The destructor must run with the GIL held; call
// RaiseIfInterrupted() after the GIL is back, before looking at the status.
class CancellableCall {
 public:
  CancellableCall(std::shared_ptr<Interrupts> interrupts, Cancellation cancel);
  ~CancellableCall();
  CancellableCall(const CancellableCall&) = delete;
  CancellableCall& operator=(const CancellableCall&) = delete;

  // Restores Python's SIGINT handler and runs Python's signal handlers:
  // raises KeyboardInterrupt (error_already_set) if Ctrl-C came.
  void RaiseIfInterrupted();

 private:
  void Restore();

  std::shared_ptr<Interrupts> interrupts_;
  Cancellation cancel_;
  bool handler_installed_ = false;
};

// Remembers which thread is Python's main thread (at module init).
void InitInterrupts();

}  // namespace annals::python

#endif  // ANNALS_PYTHON_INTERRUPT_H_
