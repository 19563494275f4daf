// Working, GilRelease and the exit protocol of gil.h.
#include "gil.h"

#include <atomic>
#include <chrono>
#include <thread>

#include "errors.h"

namespace annals::python {
namespace {

std::atomic<bool> exiting{false};
std::atomic<bool> gave_up{false};  // AtExit returned with calls under way
std::atomic<int> active{0};        // Working calls under way

}  // namespace

Working::Working() {
  // Counted before the check: AtExit either sees this call or this call
  // sees the flag (both sequentially consistent).
  ++active;
  if (exiting) {
    --active;
    // Not RaiseError: making the exception runs Python code, which may
    // end this thread (Python is finalizing); the translator registered in
    // module.cc sets it unmade, for Python to make outside these frames.
    throw ExitingError();
  }
}

Working::~Working() { --active; }

GilRelease::~GilRelease() {
  if (gave_up) {
    for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
  }
  PyEval_RestoreThread(state_);
}

void AtExit() {
  exiting = true;
  // This call is not Working: it waits for the others.
  PyThreadState* state = PyEval_SaveThread();
  auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
  while (active > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  if (active > 0) gave_up = true;
  PyEval_RestoreThread(state);
}

bool Exiting() { return exiting; }

}  // namespace annals::python
