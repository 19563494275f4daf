// The FrameBuilder of frame.h.
#include "frame.h"

#include <pybind11/numpy.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <utility>

#include "convert.h"
#include "no_gc.h"

namespace py = pybind11;

namespace annals::python {
namespace {

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

// The array's data, its huge pages advised before the first touch
// (huge_pages.h).
template <typename T>
T* FreshData(py::array& array) {
  void* data = array.mutable_data();
  AdviseHugePages(data, static_cast<size_t>(array.nbytes()));
  return static_cast<T*>(data);
}

PyObject* NewRef(PyObject* o) {
  Py_INCREF(o);
  return o;
}

}  // namespace

FrameBuilder::FrameBuilder(size_t width) : columns_(width) {}

uint32_t* FrameBuilder::Days::Find(int64_t day) {
  constexpr int64_t kMaxDays = int64_t{1} << 21;  // 8 MiB of slots
  if (slots.empty()) {
    base = day - 2048;
    slots.assign(4096, 0);
  }
  const auto size = static_cast<int64_t>(slots.size());
  if (day < base || day >= base + size) {
    const int64_t low = std::min(base, day);
    const int64_t high = std::max(base + size, day + 1);
    if (high - low > kMaxDays) return nullptr;
    const int64_t grown_size =
        std::min(kMaxDays, std::max(high - low, 2 * size));
    const int64_t grown_base = day < base ? high - grown_size : low;
    std::vector<uint32_t> grown(grown_size, 0);
    std::copy(slots.begin(), slots.end(), grown.begin() + (base - grown_base));
    slots.swap(grown);
    base = grown_base;
  }
  return &slots[day - base];
}

int64_t FrameBuilder::Keep(const Cell& cell) {
  distinct_.push_back(cell);
  return static_cast<int64_t>(distinct_.size() - 1);
}

int64_t FrameBuilder::FindTime(const Cell& cell) {
  const TimePoint& t = cell.value.date();
  const int p = static_cast<int>(t.precision);
  constexpr int64_t kDay = 86400;
  if (p >= 1 && p <= 3 && t.seconds % kDay == 0) {
    if (uint32_t* slot = days_[p - 1].Find(t.seconds / kDay)) {
      if (*slot == 0) *slot = static_cast<uint32_t>(Keep(cell)) + 1;
      return *slot - 1;
    }
  }
  auto [found, added] = times_.try_emplace(std::pair(t.seconds, p), 0);
  if (added) found->second = static_cast<uint32_t>(Keep(cell));
  return found->second;
}

int64_t FrameBuilder::Distinct(const Cell& cell, Column& column) {
  if (cell.kind == Cell::Kind::kInterval) return Keep(cell);  // rare
  if (cell.term != 0) {  // read from the store: equal ids, equal values
    if (column.last_term == cell.term) return column.last_term_index;
    auto [found, added] = terms_.try_emplace(cell.term, 0);
    if (added) found->second = static_cast<uint32_t>(Keep(cell));
    column.last_term = cell.term;
    return column.last_term_index = found->second;
  }
  const Value& v = cell.value;
  const ValueKind kind = v.kind();
  if (column.last >= 0 && column.last_kind == kind &&
      (kind == ValueKind::kDate
           ? column.last_time == v.date()
           : column.last_text == v.text() && column.last_unit == v.unit())) {
    return column.last;
  }
  column.last_kind = kind;
  column.last_text = v.text();
  column.last_unit = v.unit();
  column.last_time = v.date();
  // The index of the value in `map` by `key`, kept there if new.
  auto find = [this, &cell](auto& map, const auto& key) -> int64_t {
    auto found = map.find(key);
    if (found != map.end()) return found->second;
    int64_t i = Keep(cell);
    map.emplace(key, static_cast<uint32_t>(i));
    return i;
  };
  switch (kind) {
    case ValueKind::kEntity:
      return column.last = find(entities_, v.text());
    case ValueKind::kString:
      return column.last = find(strings_, v.text());
    case ValueKind::kDate:
      return column.last = FindTime(cell);
    case ValueKind::kQuantity:
      return column.last = find(quantities_, QuantityKey{v.text(), v.unit()});
    default:  // not kOther (Add)
      return column.last = Keep(cell);
  }
}

absl::Status FrameBuilder::LookUpTerms(ResultSet& rows) {
  for (Cell& cell : distinct_) {
    if (cell.term == 0) continue;
    absl::Status status = rows.TermValue(cell.term, &cell.value);
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
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
const char* FrameBuilder::DType(const Column& column) {
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
  auto** data = FreshData<PyObject*>(array);
  std::optional<ClaimIdMaker> claims;
  if (column.has[static_cast<int>(Tag::kClaim)]) claims.emplace();
  // The cells of shared objects are counted, and each object then given
  // its count of references at once (Py_SET_REFCNT): an INCREF a cell
  // wrote to objects all over memory.
  std::vector<uint32_t>& uses = uses_;
  uses.assign(column.has[static_cast<int>(Tag::kOther)] ? objects.size() : 0,
              0);
  size_t r = 0;
  for (; r < rows_; ++r) {
    const int64_t payload = column.payload[r];
    switch (column.tags[r]) {
      case Tag::kOther:
        data[r] = objects[payload].ptr();
        ++uses[payload];
        continue;
      case Tag::kClaim:
        data[r] = claims->New(static_cast<uint64_t>(payload));
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
    if (data[r] == nullptr) break;  // out of memory: the rest stay NULL
  }
  for (size_t i = 0; i < uses.size(); ++i) {
    if (uses[i] == 0) continue;
    PyObject* o = objects[i].ptr();
    Py_SET_REFCNT(o, Py_REFCNT(o) + uses[i]);
  }
  if (r < rows_) throw py::error_already_set();
  return std::move(array);
}

py::list FrameBuilder::Finish() {
  NoGc no_gc;              // the objects make no cycles (no_gc.h)
  HugeArenas huge_arenas;  // the ClaimIds' (huge_pages.h)
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
        std::memcpy(FreshData<int64_t>(values), column.payload.data(),
                    sizeof(int64_t) * rows_);
      }
      out.append(std::move(values));
    } else if (dtype == "float64") {
      py::array_t<double> values(n);
      double* data = FreshData<double>(values);
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
      bool* data = FreshData<bool>(values);
      for (size_t r = 0; r < rows_; ++r) data[r] = column.payload[r] != 0;
      out.append(std::move(values));
    } else if (dtype == "Int64" || dtype == "boolean") {
      // pandas' nullable arrays: the values (0 where null) and the mask.
      py::array_t<int64_t> values(n);
      py::array_t<bool> mask(n);
      int64_t* data = FreshData<int64_t>(values);
      bool* nulls = FreshData<bool>(mask);
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
