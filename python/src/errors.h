// Turning an absl::Status of the C++ API into one of annals' Python
// exceptions (annals.Error and its subclasses, defined in annals/_types.py),
// chosen by the status code and by what was being done.
#ifndef ANNALS_PYTHON_ERRORS_H_
#define ANNALS_PYTHON_ERRORS_H_

#include <pybind11/pybind11.h>

#include <string>

#include "absl/status/status.h"

namespace annals::python {

// Looks up the exception classes; called once, at import.
void InitErrors();

// What the failing call was doing: it decides the class for the codes that
// bad input gives (InvalidArgument, NotFound, ...).
enum class Doing { kOpen, kQuery, kLoad, kSchema, kOther };

// Raises the Python exception for `status` (not OK): sets the Python error
// and throws pybind11::error_already_set. Needs the GIL.
[[noreturn]] void Raise(const absl::Status& status, Doing doing);

// Sets annals.Error(message) as the Python error without making the
// exception object (no Python code runs); for exception translators.
void SetErrorUnmade(const char* message);

// Raises annals.Error (or the named subclass) with `message`.
[[noreturn]] void RaiseError(const std::string& message,
                             const char* cls = "Error");

}  // namespace annals::python

#endif  // ANNALS_PYTHON_ERRORS_H_
