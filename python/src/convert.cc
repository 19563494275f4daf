// The conversions of convert.h. The Python classes (annals.Time, ...) live
// in annals/_types.py; their constructors are looked up once, when the
// module is imported (InitConvert), so that no later call imports anything.
#include "convert.h"

#include <cstdint>
#include <string>

#include "errors.h"
#include "gil.h"

namespace py = pybind11;

namespace annals::python {
namespace {

struct Types {
  py::object time;           // the class Time, filled in here
  py::object time_attrs[4];  // "_seconds", "_precision", "_span_end", "_text"
  py::object precisions[5];  // PrecisionName of Precision 1..4, interned
  py::object make_quantity;  // Quantity._make(value, text, unit)
  py::object claim_id;       // ClaimId(id)
  py::object make_interval;  // Interval(start, end)
  py::object param_text;     // _param_text(value) -> (kind name, text)
};

// The last Time values made, by (seconds, precision) hashed into a fixed
// table: a result's times repeat (a column of days holds a few thousand
// distinct values), and formatting the text (TimePoint::ToString) was a
// tenth of df()'s time. Only immutable objects (int, str) are shared; each
// cell still gets its own Time. Used with the GIL held.
struct TimeParts {
  int64_t seconds = 0;
  int precision = -1;  // -1: empty
  py::object seconds_object, span_end, text;
};
constexpr size_t kTimeCacheSize = 4096;  // indexed by 12 bits of a hash
static_assert(kTimeCacheSize == size_t{1} << 12);

// Set by InitConvert and kept for the process's life: freeing Python
// objects after the interpreter is gone would crash.
Types* types = nullptr;
TimeParts* time_cache = nullptr;  // kTimeCacheSize entries

}  // namespace

void InitConvert() {
  py::module_ m = py::module_::import("annals._types");
  types = new Types{};
  types->time = m.attr("Time");
  const char* attrs[4] = {"_seconds", "_precision", "_span_end", "_text"};
  for (int i = 0; i < 4; ++i) {
    types->time_attrs[i] =
        py::reinterpret_steal<py::object>(PyUnicode_InternFromString(attrs[i]));
  }
  for (int p = 1; p <= 4; ++p) {
    std::string name(PrecisionName(static_cast<Precision>(p)));
    types->precisions[p] = py::reinterpret_steal<py::object>(
        PyUnicode_InternFromString(name.c_str()));
  }
  types->make_quantity = m.attr("Quantity").attr("_make");
  types->claim_id = m.attr("ClaimId");
  types->make_interval = m.attr("Interval");
  types->param_text = m.attr("_param_text");
  time_cache = new TimeParts[kTimeCacheSize];
}

// A Time with its four slots set here, without a Python call: df() makes
// one per time cell, and a Python constructor's frame was about half of a
// cell's cost.
py::object ToPython(const TimePoint& time) {
  auto* type = reinterpret_cast<PyTypeObject*>(types->time.ptr());
  py::tuple no_args;
  py::object t = py::reinterpret_steal<py::object>(
      type->tp_new(type, no_args.ptr(), nullptr));
  if (!t) throw py::error_already_set();
  auto p = static_cast<int>(time.precision);
  py::object precision =
      p >= 1 && p <= 4 ? types->precisions[p]
                       : py::str(std::string(PrecisionName(time.precision)));
  TimeParts& parts =
      time_cache[(static_cast<uint64_t>(time.seconds) * 0x9E3779B97F4A7C15u +
                  static_cast<uint64_t>(p)) >>
                 52];  // the top 12 bits: kTimeCacheSize = 4096
  if (parts.precision != p || parts.seconds != time.seconds) {
    parts.seconds_object = py::int_(time.seconds);
    parts.span_end = py::int_(time.SpanEnd());
    parts.text = py::str(time.ToString());
    parts.seconds = time.seconds;
    parts.precision = p;
  }
  py::object values[4] = {parts.seconds_object, precision, parts.span_end,
                          parts.text};
  for (int i = 0; i < 4; ++i) {
    if (PyObject_SetAttr(t.ptr(), types->time_attrs[i].ptr(),
                         values[i].ptr()) != 0) {
      throw py::error_already_set();
    }
  }
  return t;
}

// ClaimId is an int subclass: made by int's own constructor, without a
// call through Python (a wide df() makes one per row).
py::object ClaimIdObject(uint64_t id) {
  auto* type = reinterpret_cast<PyTypeObject*>(types->claim_id.ptr());
  py::tuple args = py::make_tuple(py::int_(id));
  py::object c = py::reinterpret_steal<py::object>(
      type->tp_new(type, args.ptr(), nullptr));
  if (!c) throw py::error_already_set();
  return c;
}

ClaimIdMaker::ClaimIdMaker()
    : type_(reinterpret_cast<PyTypeObject*>(types->claim_id.ptr())), args_(1) {
  PyTuple_SET_ITEM(args_.ptr(), 0, PyLong_FromLong(0));
}

PyObject* ClaimIdMaker::New(uint64_t id) {
  PyObject* number = PyLong_FromUnsignedLongLong(id);
  if (number == nullptr) return nullptr;
  // Nobody else sees the tuple, and int's tp_new keeps no reference to it.
  PyObject* old = PyTuple_GET_ITEM(args_.ptr(), 0);
  PyTuple_SET_ITEM(args_.ptr(), 0, number);
  Py_XDECREF(old);
  return type_->tp_new(type_, args_.ptr(), nullptr);
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
      // An RDF literal with a language or datatype (docs/rdf.md) reads as
      // it is written in RDF: "chat"@en.
      if (value.lexical().size() != value.text().size()) {
        return py::str(value.ToString());
      }
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
      return ClaimIdObject(value.claim_id());
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
