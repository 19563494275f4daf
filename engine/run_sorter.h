// RunSorter<T, Less>: sorts any number of fixed-size records in bounded
// memory. Records are gathered in a buffer of `run_records`; each full buffer
// is sorted and written to a file of its own in `dir` (a run); Finish() then
// merges the runs (or sorts the only buffer in place, when everything fit)
// and Next() hands the records back in order. Memory: one buffer, then one
// read buffer per run. T must be trivially copyable; `Less` a strict weak
// order (equal records come back in no particular order).
//
// Not thread-safe: one sorter per thread.
#ifndef ANNALS_ENGINE_RUN_SORTER_H_
#define ANNALS_ENGINE_RUN_SORTER_H_

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <queue>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace annals::engine {

template <class T, class Less>
class RunSorter {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  // Run files are named `dir`/`name`-N.run and removed by the destructor.
  RunSorter(std::string dir, std::string name, size_t run_records, Less less)
      : dir_(std::move(dir)),
        name_(std::move(name)),
        run_records_(std::max<size_t>(run_records, 1)),
        less_(less) {
    if (run_records_ <= kMaxReserve) buffer_.reserve(run_records_);
  }
  ~RunSorter() {
    for (Run& r : runs_) {
      if (r.file != nullptr) std::fclose(r.file);
      std::remove(r.path.c_str());
    }
  }
  RunSorter(const RunSorter&) = delete;
  RunSorter& operator=(const RunSorter&) = delete;

  absl::Status Add(const T& record) {
    buffer_.push_back(record);
    ++count_;
    if (buffer_.size() == run_records_) return Spill();
    return absl::OkStatus();
  }
  size_t count() const { return count_; }

  // Ends adding; Next() then returns the records in order.
  absl::Status Finish() {
    if (runs_.empty()) {
      std::sort(buffer_.begin(), buffer_.end(), less_);
      return absl::OkStatus();
    }
    if (!buffer_.empty()) {
      if (absl::Status s = Spill(); !s.ok()) return s;
    }
    std::vector<T>().swap(buffer_);
    for (size_t r = 0; r < runs_.size(); ++r) {
      Run& run = runs_[r];
      run.file = std::fopen(run.path.c_str(), "rb");
      if (run.file == nullptr) return Error("cannot reopen", run.path);
      std::setvbuf(run.file, nullptr, _IOFBF, kReadBuffer);
      T first;
      if (std::fread(&first, sizeof(T), 1, run.file) != 1) {
        return Error("cannot read", run.path);
      }
      --run.left;
      heap_.push({first, r});
    }
    return absl::OkStatus();
  }

  // The next record in order; false at the end. Check status() after.
  bool Next(T* out) {
    if (runs_.empty()) {
      if (next_ == buffer_.size()) return false;
      *out = buffer_[next_++];
      return true;
    }
    if (heap_.empty()) return false;
    auto [record, r] = heap_.top();
    heap_.pop();
    *out = record;
    Run& run = runs_[r];
    if (run.left > 0) {
      T following;
      if (std::fread(&following, sizeof(T), 1, run.file) != 1) {
        status_ = Error("cannot read", run.path);
        return false;
      }
      --run.left;
      heap_.push({following, r});
    }
    return true;
  }
  const absl::Status& status() const { return status_; }

 private:
  static constexpr size_t kReadBuffer = 1 << 20;
  static constexpr size_t kMaxReserve = size_t{1} << 22;
  struct Run {
    std::string path;
    FILE* file = nullptr;
    size_t left = 0;  // records not read yet
  };
  struct Later {  // the heap's order: the smallest record on top
    Less less;
    bool operator()(const std::pair<T, size_t>& a,
                    const std::pair<T, size_t>& b) const {
      return less(b.first, a.first);
    }
  };

  // ResourceExhausted when the disk is full, Internal otherwise.
  absl::Status Error(const char* what, const std::string& path) const {
    int error = errno;
    std::string message =
        absl::StrCat(what, " sort run '", path, "': ", std::strerror(error));
    if (error == ENOSPC || error == EDQUOT) {
      return absl::ResourceExhaustedError(absl::StrCat("disk full: ", message));
    }
    return absl::InternalError(message);
  }

  absl::Status Spill() {
    std::sort(buffer_.begin(), buffer_.end(), less_);
    Run run;
    run.path = absl::StrCat(dir_, "/", name_, "-", runs_.size(), ".run");
    run.left = buffer_.size();
    FILE* f = std::fopen(run.path.c_str(), "wb");
    runs_.push_back(run);
    if (f == nullptr) return Error("cannot create", run.path);
    bool ok = std::fwrite(buffer_.data(), sizeof(T), buffer_.size(), f) ==
              buffer_.size();
    ok = (std::fclose(f) == 0) && ok;
    if (!ok) return Error("cannot write", run.path);
    buffer_.clear();
    return absl::OkStatus();
  }

  std::string dir_, name_;
  size_t run_records_;
  Less less_;
  std::vector<T> buffer_;
  size_t next_ = 0;
  size_t count_ = 0;
  std::vector<Run> runs_;
  std::priority_queue<std::pair<T, size_t>, std::vector<std::pair<T, size_t>>,
                      Later>
      heap_{Later{less_}};
  absl::Status status_;
};

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_RUN_SORTER_H_
