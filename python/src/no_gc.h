// NoGc: the cyclic garbage collector paused while many result values become
// Python objects (fetchall(), df()). They make no cycles, and the
// collections their allocations would set off cost two thirds of the time.
#ifndef ANNALS_PYTHON_NO_GC_H_
#define ANNALS_PYTHON_NO_GC_H_

#include <pybind11/pybind11.h>

namespace annals::python {

// Pauses the collector for a scope, with the GIL held. Restores it only if
// it was on (another thread's pause may overlap; the last one restores).
class NoGc {
 public:
  NoGc() : was_enabled_(PyGC_Disable()) {}
  ~NoGc() {
    if (was_enabled_) PyGC_Enable();
  }
  NoGc(const NoGc&) = delete;
  NoGc& operator=(const NoGc&) = delete;

 private:
  int was_enabled_;
};

}  // namespace annals::python

#endif  // ANNALS_PYTHON_NO_GC_H_
