// The conversions of convert.h. The Python classes (annals.Time, ...) live
// in annals/_types.py; their constructors are looked up once, when the
// module is imported (InitConvert), so that no later call imports anything.
#include "convert.h"

#include <string>

#include "errors.h"
#include "gil.h"

namespace py = pybind11;

namespace annals::python {
namespace {

struct Types {
  py::object make_time;      // Time._make(seconds, precision, span_end, text)
  py::object make_quantity;  // Quantity._make(value, text, unit)
  py::object claim_id;       // ClaimId(id)
  py::object make_interval;  // Interval(start, end)
  py::object param_text;     // _param_text(value) -> (kind name, text)
};

// Set by InitConvert and kept for the process's life: freeing Python
// objects after the interpreter is gone would crash.
Types* types = nullptr;

}  // namespace

void InitConvert() {
  py::module_ m = py::module_::import("annals._types");
  types =
      new Types{m.attr("Time").attr("_make"), m.attr("Quantity").attr("_make"),
                m.attr("ClaimId"), m.attr("Interval"), m.attr("_param_text")};
}

py::object ToPython(const TimePoint& time) {
  return types->make_time(time.seconds,
                          std::string(PrecisionName(time.precision)),
                          time.SpanEnd(), time.ToString());
}

py::object ToPython(const std::optional<TimePoint>& time) {
  if (!time.has_value()) return py::none();
  return ToPython(*time);
}

py::object ToPython(const Interval& interval) {
  return types->make_interval(ToPython(interval.from), ToPython(interval.to));
}

py::object ToPython(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kEntity:
    case ValueKind::kString:
      return py::str(value.text());
    case ValueKind::kInteger:
      return py::int_(value.integer());
    case ValueKind::kDecimal:
      return py::float_(value.number());
    case ValueKind::kBoolean:
      return py::bool_(value.boolean());
    case ValueKind::kDate:
      return ToPython(value.date());
    case ValueKind::kQuantity:
      return types->make_quantity(value.number(), value.text(), value.unit());
    case ValueKind::kClaim:
      return types->claim_id(value.claim_id());
  }
  return py::str(value.ToString());
}

py::object ToPython(const Cell& cell) {
  switch (cell.kind) {
    case Cell::Kind::kValue:
      return ToPython(cell.value);
    case Cell::Kind::kInterval:
      return ToPython(cell.interval);
    case Cell::Kind::kNull:
      break;
  }
  return py::none();
}

Value FromPython(py::handle object) {
  py::tuple kind_text = types->param_text(object);  // TypeError if unknown
  std::string kind_name = kind_text[0].cast<std::string>();
  std::string text = kind_text[1].cast<std::string>();
  absl::StatusOr<ValueKind> kind = ParseValueKind(kind_name);
  if (!kind.ok()) Raise(kind.status(), Doing::kOther);
  absl::StatusOr<Value> value = Value::Parse(text, *kind);
  if (!value.ok()) Raise(value.status(), Doing::kQuery);
  return *std::move(value);
}

TimePoint TimeFromPython(py::handle object, const char* what) {
  if (py::isinstance<py::str>(object)) {
    absl::StatusOr<TimePoint> time =
        TimePoint::Parse(object.cast<std::string>());
    if (!time.ok()) Raise(time.status(), Doing::kOther);
    return *time;
  }
  py::tuple kind_text = types->param_text(object);
  if (kind_text[0].cast<std::string>() != "date") {
    throw py::type_error(std::string(what) +
                         " is an annals.Time, a time's text, "
                         "datetime.date or datetime.datetime");
  }
  absl::StatusOr<TimePoint> time =
      TimePoint::Parse(kind_text[1].cast<std::string>());
  if (!time.ok()) Raise(time.status(), Doing::kOther);
  return *time;
}

py::tuple ParseTime(const std::string& text) {
  Working working;
  absl::StatusOr<TimePoint> time = TimePoint::Parse(text);
  if (!time.ok()) Raise(time.status(), Doing::kOther);
  return py::make_tuple(time->seconds,
                        std::string(PrecisionName(time->precision)),
                        time->SpanEnd(), time->ToString());
}

}  // namespace annals::python
