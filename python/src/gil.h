// Working and GilRelease: how the module's calls stay safe while Python
// exits. A daemon thread that takes the GIL back while Python finalizes is
// ended on the spot (pthread_exit); inside this module's C++ frames that
// crashes the process. So every call into the module is Working for its
// whole length, and the atexit hook (AtExit, registered by
// annals/__init__.py) refuses new calls and waits, without the GIL, until
// no call is under way: each can take the GIL back, finish and return to
// Python before finalization starts.
#ifndef ANNALS_PYTHON_GIL_H_
#define ANNALS_PYTHON_GIL_H_

#include <pybind11/pybind11.h>

namespace annals::python {

// What Working throws once Python is exiting; pybind11 turns it into
// annals.Error (module.cc).
struct ExitingError {};

// Marks a call into the module (with the GIL held). ExitingError once
// Python is exiting (after AtExit).
class Working {
 public:
  Working();
  ~Working();
  Working(const Working&) = delete;
  Working& operator=(const Working&) = delete;
};

// The GIL released for a scope (inside a Working call), as
// pybind11::gil_scoped_release. When AtExit gave up waiting for it, the
// destructor never returns (the thread sleeps until the process ends)
// instead of taking the GIL of a finalizing interpreter.
class GilRelease {
 public:
  GilRelease() : state_(PyEval_SaveThread()) {}
  ~GilRelease();
  GilRelease(const GilRelease&) = delete;
  GilRelease& operator=(const GilRelease&) = delete;

 private:
  PyThreadState* state_;
};

// Called at exit with the GIL held: refuses new calls and waits (at most a
// minute, without the GIL) for the calls under way.
void AtExit();
// True once AtExit has run.
bool Exiting();

}  // namespace annals::python

#endif  // ANNALS_PYTHON_GIL_H_
