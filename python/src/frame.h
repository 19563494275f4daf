// FrameBuilder: a result's rows gathered by column for Result.df(), in two
// steps. Add() takes the rows without the GIL, into plain C++ buffers: each
// cell an 8-byte payload (an integer, a decimal's double, a boolean) and a
// tag, or, for the other values, the index of an equal value seen before
// (entities, strings, times and quantities are kept once each).
// Finish(), with the GIL, makes one NumPy array per column in one pass:
// int64, float64 or bool where every cell fits, the values and the null
// mask of pandas' Int64 or boolean where nulls are among integers or
// booleans, else an object array whose equal cells share one Python object
// (all of them immutable). Not thread-safe: one builder per df() call.
#ifndef ANNALS_PYTHON_FRAME_H_
#define ANNALS_PYTHON_FRAME_H_

#include <pybind11/pybind11.h>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "annals/result.h"

namespace annals::python {

class FrameBuilder {
 public:
  explicit FrameBuilder(size_t width);

  // Adds one row of `width` cells. Needs no GIL.
  void Add(const Row& row);
  size_t rows() const { return rows_; }

  // One entry per column, with the GIL: an ndarray (int64, float64, bool or
  // object), or a tuple (values, mask, "Int64" | "boolean") for pandas'
  // nullable arrays (mask true where the cell is null).
  pybind11::list Finish();

 private:
  enum class Tag : uint8_t {
    kNull,
    kInteger,
    kDecimal,
    kBoolean,
    kClaim,  // rarely repeated: not shared
    kOther,
  };
  static constexpr int kTags = 6;
  // A distinct value among the kOther cells (what makes two cells equal).
  struct Key {
    uint8_t kind;  // ValueKind, or 0xff for an interval (never shared)
    int64_t number;
    uint8_t precision;
    std::string_view text, unit;
    bool operator==(const Key& o) const {
      return kind == o.kind && number == o.number && precision == o.precision &&
             text == o.text && unit == o.unit;
    }
    template <typename H>
    friend H AbslHashValue(H h, const Key& k) {
      return H::combine(std::move(h), k.kind, k.number, k.precision, k.text,
                        k.unit);
    }
  };
  struct Column {
    std::vector<Tag> tags;
    // By tag: the integer, the double's bits, 0/1, the claim id, the
    // distinct value's index.
    std::vector<int64_t> payload;
    bool has[kTags] = {};  // by Tag
    // The column's last distinct value (-1: none): runs of one value (a
    // subject's claims) skip the hash table, whose probes miss the cache.
    int64_t last = -1;
  };

  int64_t Distinct(const Cell& cell, Column& column);
  const char* DType(const Column& column) const;
  pybind11::object ObjectArray(const Column& column,
                               const std::vector<pybind11::object>& objects);

  size_t rows_ = 0;
  std::vector<Column> columns_;
  std::deque<Cell> distinct_;  // stable: the keys point into it
  absl::flat_hash_map<Key, int64_t> index_;
};

}  // namespace annals::python

#endif  // ANNALS_PYTHON_FRAME_H_
