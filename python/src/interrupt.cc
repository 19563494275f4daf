// Ctrl-C and Connection.interrupt(); see interrupt.h.
#include "interrupt.h"

#include <Python.h>
#include <pybind11/pybind11.h>
#include <pythread.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <utility>

namespace py = pybind11;

namespace annals::python {
namespace {

unsigned long g_main_thread = 0;  // NOLINT(runtime/int): Python's type

// Only the main thread installs the handler, one call at a time (it holds
// the GIL to install and to restore), so these change only while it is not
// installed.
const Cancellation* g_cancel = nullptr;
struct sigaction g_python_action;

void OnSigint(int sig, siginfo_t* info, void* context) {
  if (g_cancel != nullptr) g_cancel->Cancel();
  // On to Python's handler: it trips KeyboardInterrupt.
  if (g_python_action.sa_flags & SA_SIGINFO) {
    g_python_action.sa_sigaction(sig, info, context);
  } else if (g_python_action.sa_handler != SIG_DFL &&
             g_python_action.sa_handler != SIG_IGN) {
    g_python_action.sa_handler(sig);
  }
}

}  // namespace

void InitInterrupts() {
  g_main_thread = py::module_::import("threading")
                      .attr("main_thread")()
                      .attr("ident")
                      .cast<unsigned long>();  // NOLINT(runtime/int)
}

void Interrupts::InterruptAll() {
  std::lock_guard<std::mutex> lock(mu_);
  for (const Cancellation& c : running_) c.Cancel();
}

CancellableCall::CancellableCall(std::shared_ptr<Interrupts> interrupts,
                                 Cancellation cancel)
    : interrupts_(std::move(interrupts)), cancel_(std::move(cancel)) {
  {
    std::lock_guard<std::mutex> lock(interrupts_->mu_);
    interrupts_->running_.push_back(cancel_);
  }
  if (PyThread_get_thread_ident() != g_main_thread || g_cancel != nullptr) {
    return;
  }
  struct sigaction current;
  if (sigaction(SIGINT, nullptr, &current) != 0) return;
  // Python's handler is there unless the program chose SIG_DFL or SIG_IGN:
  // then Ctrl-C is not Python's to handle, nor this module's.
  if (!(current.sa_flags & SA_SIGINFO) &&
      (current.sa_handler == SIG_DFL || current.sa_handler == SIG_IGN)) {
    return;
  }
  g_python_action = current;
  g_cancel = &cancel_;
  struct sigaction action {};
  action.sa_sigaction = OnSigint;
  action.sa_flags = SA_SIGINFO | (current.sa_flags & SA_RESTART);
  sigemptyset(&action.sa_mask);
  if (sigaction(SIGINT, &action, nullptr) != 0) {
    g_cancel = nullptr;
    return;
  }
  handler_installed_ = true;
}

void CancellableCall::Restore() {
  if (!handler_installed_) return;
  handler_installed_ = false;
  sigaction(SIGINT, &g_python_action, nullptr);
  g_cancel = nullptr;
}

void CancellableCall::RaiseIfInterrupted() {
  const bool main = handler_installed_;
  Restore();
  if (main && PyErr_CheckSignals() != 0) throw py::error_already_set();
}

CancellableCall::~CancellableCall() {
  Restore();
  std::lock_guard<std::mutex> lock(interrupts_->mu_);
  auto& running = interrupts_->running_;
  auto it =
      std::find_if(running.begin(), running.end(),
                   [&](const Cancellation& c) { return c.SameAs(cancel_); });
  if (it != running.end()) running.erase(it);
}

}  // namespace annals::python
