// FrameBuilder: a result's rows gathered by column for Result.df(), in three
// steps. Add() takes the rows without the GIL, into plain C++ buffers: each
// cell an 8-byte payload (an integer, a decimal's double, a boolean, a claim
// id) and a tag, or, for the other values, the index of an equal value seen
// before (entities, strings, times and quantities are kept once each). The
// rows' entities and strings may come as term ids only
// (ResultSet::DeferTerms): LookUpTerms() then looks each distinct one up
// once, still without the GIL. Finish(), with the GIL, makes one NumPy array
// per column in one pass: int64, float64 or bool where every cell fits, the
// values and the null mask of pandas' Int64 or boolean where nulls are among
// integers or booleans, else an object array whose equal cells share one Python
// object (all of them immutable). Not thread-safe: one builder per df() call.
//
// Speed (df() of a million rows of eight columns, docs/python.md): a cell
// costs tens of nanoseconds, most of them in finding its equal value seen
// before; the tables that find them are kept small (a term by its id, a day
// by its number in an array) and each column remembers its last value.
#ifndef ANNALS_PYTHON_FRAME_H_
#define ANNALS_PYTHON_FRAME_H_

#include <pybind11/pybind11.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "annals/result.h"
#include "huge_pages.h"

namespace annals::python {

class FrameBuilder {
 public:
  explicit FrameBuilder(size_t width);

  // Adds one row of `width` cells. Needs no GIL.
  void Add(const Row& row);
  // Gives the distinct values that came as term ids only
  // (ResultSet::DeferTerms) their values, from `rows`. Needs no GIL.
  absl::Status LookUpTerms(ResultSet& rows);
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
  template <typename T>
  using LargeVector = std::vector<T, HugePageAllocator<T>>;
  struct Column {
    LargeVector<Tag> tags;
    // By tag: the integer, the double's bits, 0/1, the claim id, the
    // distinct value's index.
    LargeVector<int64_t> payload;
    bool has[kTags] = {};  // by Tag
    // The column's last distinct value (-1: none) and a copy of what makes
    // it equal, kept here (its Cell is elsewhere in memory): runs of one
    // value (a subject's claims) skip the tables.
    int64_t last = -1;
    ValueKind last_kind = ValueKind::kEntity;
    std::string last_text, last_unit;
    TimePoint last_time;
    // The same for the values read from the store, by Cell::term (0: none).
    uint64_t last_term = 0;
    int64_t last_term_index = -1;
  };
  // The index of a distinct value + 1 (0: none yet) by day number, for the
  // times of year, month or day precision (they start at midnight) from
  // `base` on; empty until the first.
  struct Days {
    int64_t base = 0;
    std::vector<uint32_t> slots;
    // The day's slot, made room for; nullptr if that would make the array
    // too large (the days are too far apart).
    uint32_t* Find(int64_t day);
  };
  // A quantity among the distinct values (what makes two equal).
  struct QuantityKey {
    std::string text, unit;
    bool operator==(const QuantityKey& o) const {
      return text == o.text && unit == o.unit;
    }
    template <typename H>
    friend H AbslHashValue(H h, const QuantityKey& k) {
      return H::combine(std::move(h), k.text, k.unit);
    }
  };

  int64_t Distinct(const Cell& cell, Column& column);
  int64_t Keep(const Cell& cell);
  int64_t FindTime(const Cell& cell);
  static const char* DType(const Column& column);
  pybind11::object ObjectArray(const Column& column,
                               const std::vector<pybind11::object>& objects);

  size_t rows_ = 0;
  std::vector<Column> columns_;
  // The distinct values of all columns (the kOther cells), and their
  // indexes: values read from the store by their term id (Cell::term);
  // others, entities and strings by text (an RDF tag is in the text), times
  // by day (Days, by precision) or else by (seconds, precision), quantities
  // by number and unit. Intervals are not shared.
  LargeVector<Cell> distinct_;
  absl::flat_hash_map<uint64_t, uint32_t> terms_;
  absl::flat_hash_map<std::string, uint32_t> entities_, strings_;
  Days days_[3];  // by Precision kYear, kMonth, kDay
  absl::flat_hash_map<std::pair<int64_t, int>, uint32_t> times_;
  absl::flat_hash_map<QuantityKey, uint32_t> quantities_;
  std::vector<uint32_t> uses_;  // ObjectArray's, kept for the next column
};

}  // namespace annals::python

#endif  // ANNALS_PYTHON_FRAME_H_
