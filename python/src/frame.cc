// The FrameBuilder of frame.h.
#include "frame.h"

#include <pybind11/numpy.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <utility>

#include "convert.h"
#include "no_gc.h"

namespace py = pybind11;

namespace annals::python {
namespace {

constexpr uint8_t kIntervalKind = 0xff;

int64_t DoubleBits(double d) {
  int64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  return bits;
}

double BitsDouble(int64_t bits) {
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

PyObject* NewRef(PyObject* o) {
  Py_INCREF(o);
  return o;
}

}  // namespace

FrameBuilder::FrameBuilder(size_t width) : columns_(width) {}

int64_t FrameBuilder::Distinct(const Cell& cell, Column& column) {
  auto add = [this](const Cell& c) {
    distinct_.push_back(c);
    return static_cast<int64_t>(distinct_.size() - 1);
  };
  if (cell.kind == Cell::Kind::kInterval) return add(cell);  // rare
  const Value& v = cell.value;
  if (column.last >= 0 && distinct_[column.last].value == v) {
    return column.last;
  }
  const bool date = v.kind() == ValueKind::kDate;
  Key key{static_cast<uint8_t>(v.kind()), date ? v.date().seconds : v.integer(),
          static_cast<uint8_t>(date ? static_cast<int>(v.date().precision) : 0),
          v.text(), v.unit()};
  auto found = index_.find(key);
  if (found != index_.end()) return column.last = found->second;
  int64_t i = column.last = add(cell);
  // The key's views must outlive this row: point them into the copy.
  key.text = distinct_.back().value.text();
  key.unit = distinct_.back().value.unit();
  index_.emplace(key, i);
  return i;
}

void FrameBuilder::Add(const Row& row) {
  for (size_t c = 0; c < columns_.size(); ++c) {
    const Cell& cell = row[c];
    Column& column = columns_[c];
    Tag tag = Tag::kOther;
    int64_t payload = 0;
    if (cell.kind == Cell::Kind::kNull) {
      tag = Tag::kNull;
    } else if (cell.kind == Cell::Kind::kValue) {
      switch (cell.value.kind()) {
        case ValueKind::kInteger:
          tag = Tag::kInteger;
          payload = cell.value.integer();
          break;
        case ValueKind::kDecimal:
          tag = Tag::kDecimal;
          payload = DoubleBits(cell.value.number());
          break;
        case ValueKind::kBoolean:
          tag = Tag::kBoolean;
          payload = cell.value.boolean() ? 1 : 0;
          break;
        case ValueKind::kClaim:
          tag = Tag::kClaim;
          payload = cell.value.integer();
          break;
        default:
          break;
      }
    }
    if (tag == Tag::kOther) payload = Distinct(cell, column);
    column.tags.push_back(tag);
    column.payload.push_back(payload);
    column.has[static_cast<int>(tag)] = true;
  }
  ++rows_;
}

// As the dtypes df() promises (annals/__init__.py).
const char* FrameBuilder::DType(const Column& column) const {
  const bool null = column.has[static_cast<int>(Tag::kNull)];
  const bool integer = column.has[static_cast<int>(Tag::kInteger)];
  const bool decimal = column.has[static_cast<int>(Tag::kDecimal)];
  const bool boolean = column.has[static_cast<int>(Tag::kBoolean)];
  if (column.has[static_cast<int>(Tag::kOther)] ||
      column.has[static_cast<int>(Tag::kClaim)] ||
      (boolean && (integer || decimal))) {
    return "object";
  }
  if (decimal) return "float64";  // integers among them become floats
  if (integer) return null ? "Int64" : "int64";
  if (boolean) return null ? "boolean" : "bool";
  return "object";  // only nulls, or no rows
}

py::object FrameBuilder::ObjectArray(const Column& column,
                                     const std::vector<py::object>& objects) {
  py::array array(py::dtype("O"),
                  std::vector<py::ssize_t>{static_cast<py::ssize_t>(rows_)});
  // A new object array holds NULLs (read as None): each slot takes a new
  // reference once.
  auto** data = static_cast<PyObject**>(array.mutable_data());
  for (size_t r = 0; r < rows_; ++r) {
    const int64_t payload = column.payload[r];
    switch (column.tags[r]) {
      case Tag::kOther:
        data[r] = NewRef(objects[payload].ptr());
        break;
      case Tag::kClaim:
        data[r] = ClaimIdObject(static_cast<uint64_t>(payload)).release().ptr();
        break;
      case Tag::kInteger:
        data[r] = PyLong_FromLongLong(payload);
        break;
      case Tag::kDecimal:
        data[r] = PyFloat_FromDouble(BitsDouble(payload));
        break;
      case Tag::kBoolean:
        data[r] = NewRef(payload != 0 ? Py_True : Py_False);
        break;
      case Tag::kNull:
        data[r] = NewRef(Py_None);
        break;
    }
    if (data[r] == nullptr) throw py::error_already_set();
  }
  return std::move(array);
}

py::list FrameBuilder::Finish() {
  NoGc no_gc;  // the objects make no cycles (no_gc.h)
  std::vector<py::object> objects;
  objects.reserve(distinct_.size());
  for (const Cell& cell : distinct_) objects.push_back(ToPython(cell));
  const auto n = static_cast<py::ssize_t>(rows_);
  py::list out;
  for (const Column& column : columns_) {
    const std::string_view dtype = DType(column);
    if (dtype == "int64") {
      py::array_t<int64_t> values(n);
      if (n > 0) {
        std::memcpy(values.mutable_data(), column.payload.data(),
                    sizeof(int64_t) * rows_);
      }
      out.append(std::move(values));
    } else if (dtype == "float64") {
      py::array_t<double> values(n);
      double* data = values.mutable_data();
      for (size_t r = 0; r < rows_; ++r) {
        switch (column.tags[r]) {
          case Tag::kInteger:
            data[r] = static_cast<double>(column.payload[r]);
            break;
          case Tag::kDecimal:
            data[r] = BitsDouble(column.payload[r]);
            break;
          default:  // null
            data[r] = std::numeric_limits<double>::quiet_NaN();
        }
      }
      out.append(std::move(values));
    } else if (dtype == "bool") {
      py::array_t<bool> values(n);
      bool* data = values.mutable_data();
      for (size_t r = 0; r < rows_; ++r) data[r] = column.payload[r] != 0;
      out.append(std::move(values));
    } else if (dtype == "Int64" || dtype == "boolean") {
      // pandas' nullable arrays: the values (0 where null) and the mask.
      py::array_t<int64_t> values(n);
      py::array_t<bool> mask(n);
      int64_t* data = values.mutable_data();
      bool* nulls = mask.mutable_data();
      for (size_t r = 0; r < rows_; ++r) {
        nulls[r] = column.tags[r] == Tag::kNull;
        data[r] = nulls[r] ? 0 : column.payload[r];
      }
      py::object typed = values;
      if (dtype == "boolean") typed = values.attr("astype")("bool");
      out.append(py::make_tuple(typed, mask, std::string(dtype)));
    } else {
      out.append(ObjectArray(column, objects));
    }
  }
  return out;
}

}  // namespace annals::python
