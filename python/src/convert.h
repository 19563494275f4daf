// Values between C++ and Python: a result Cell becomes a Python value
// (str, int, float, bool, None, or annals.Time, Quantity, ClaimId,
// Interval), a Python parameter becomes an annals::Value.
#ifndef ANNALS_PYTHON_CONVERT_H_
#define ANNALS_PYTHON_CONVERT_H_

#include <pybind11/pybind11.h>

#include <cstdint>
#include <optional>

#include "annals/result.h"
#include "annals/time.h"
#include "annals/value.h"

namespace annals::python {

// Looks up the classes of annals._types; called once, at import.
void InitConvert();

// Needs the GIL.
pybind11::object ToPython(const Cell& cell);
pybind11::object ToPython(const Value& value);
pybind11::object ToPython(const TimePoint& time);
pybind11::object ToPython(const std::optional<TimePoint>& time);  // None
pybind11::object ToPython(const Interval& interval);
// An annals.ClaimId.
pybind11::object ClaimIdObject(uint64_t id);

// Makes the ClaimIds of a df() column: as ClaimIdObject, without a new
// argument tuple for each. Needs the GIL.
class ClaimIdMaker {
 public:
  ClaimIdMaker();
  // A new reference, or nullptr with the Python error set.
  PyObject* New(uint64_t id);

 private:
  PyTypeObject* type_;
  pybind11::tuple args_;  // our own: its one item is replaced in place
};

// A parameter's value: str -> an entity (a name), bool, int, float (a
// decimal), annals.Time / datetime.datetime / datetime.date -> a date,
// annals.Quantity, annals.ClaimId. TypeError for anything else.
Value FromPython(pybind11::handle object);

// A time given as annals.Time, its text, datetime.date or
// datetime.datetime; TypeError naming `what` for anything else.
TimePoint TimeFromPython(pybind11::handle object, const char* what);

// annals.Time's fields from its text: (seconds, precision name, span end,
// text); annals.Error for text that is not a time.
pybind11::tuple ParseTime(const std::string& text);

}  // namespace annals::python

#endif  // ANNALS_PYTHON_CONVERT_H_
