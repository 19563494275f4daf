// RunSorter<T, Less>: sorts any number of fixed-size records in bounded
// memory. Records are gathered in a buffer of `run_records`; each full buffer
// is sorted and written to a file of its own in `dir` (a run); Finish() then
// merges the runs (the last buffer sorted in memory, the others read back in
// blocks) and Next() hands the records back in order. Memory: one buffer,
// then the last buffer and one read block per run written. T must be trivially
// copyable; `Less` a strict weak order (equal records come back in no
// particular order).
//
// Not thread-safe: one sorter per thread.
#ifndef ANNALS_ENGINE_RUN_SORTER_H_
#define ANNALS_ENGINE_RUN_SORTER_H_

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/huge_pages.h"
#include "engine/interrupt.h"

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
    if (run_records_ <= kMaxReserve) Reserve();
  }
  ~RunSorter() { RemoveRuns(); }
  // Sorts tick `interrupt` (not owned; null: none) and stop with its status
  // when it trips (interrupt.h); the caller ticks it for Add and Next.
  void set_interrupt(Interrupt* interrupt) { interrupt_ = interrupt; }
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
    if (runs_.empty()) return Sort();
    for (size_t r = 0; r < runs_.size(); ++r) {
      Run& run = runs_[r];
      run.file = std::fopen(run.path.c_str(), "rb");
      if (run.file == nullptr) return Error("cannot reopen", run.path);
      std::setvbuf(run.file, nullptr, _IONBF, 0);  // read in whole blocks
      if (absl::Status s = Refill(&run); !s.ok()) return s;
      heap_.push_back(r);
    }
    // The last buffer stays in memory as a run of its own.
    if (!buffer_.empty()) {
      if (absl::Status s = Sort(); !s.ok()) return s;
      Run run;
      run.block.swap(buffer_);
      runs_.push_back(std::move(run));
      heap_.push_back(runs_.size() - 1);
    }
    std::vector<T>().swap(buffer_);
    for (size_t i = heap_.size() / 2; i-- > 0;) SiftDown(i);
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
    Run& run = runs_[heap_[0]];
    *out = run.block[run.pos++];
    if (run.pos == run.block.size()) {
      if (run.left > 0) {
        if (absl::Status s = Refill(&run); !s.ok()) {
          status_ = s;
          heap_.clear();
          return false;
        }
      } else {  // the run is done
        std::vector<T>().swap(run.block);
        heap_[0] = heap_.back();
        heap_.pop_back();
        if (heap_.empty()) return true;
      }
    }
    SiftDown(0);
    return true;
  }
  const absl::Status& status() const { return status_; }

  // Empties the sorter for another set of records, keeping its buffer's
  // memory when nothing went to disk (many small sorts in a row).
  void Reset() {
    RemoveRuns();
    runs_.clear();
    heap_.clear();
    buffer_.clear();
    if (buffer_.capacity() == 0 && run_records_ <= kMaxReserve) Reserve();
    next_ = 0;
    count_ = 0;
    status_ = absl::OkStatus();
  }

 private:
  static constexpr size_t kReadBuffer = 1 << 20;
  static constexpr size_t kMaxReserve = size_t{1} << 22;

  // Reserves a run's records, in 2 MB pages (huge_pages.h).
  void Reserve() {
    buffer_.reserve(run_records_);
    AdviseHugePages(buffer_.data(), run_records_ * sizeof(T));
  }
  struct Run {
    std::string path;
    FILE* file = nullptr;
    size_t left = 0;       // records not read yet
    std::vector<T> block;  // records read, from `pos` on not handed out
    size_t pos = 0;
  };

  void RemoveRuns() {
    for (Run& r : runs_) {
      if (r.file != nullptr) std::fclose(r.file);
      if (!r.path.empty()) std::remove(r.path.c_str());
    }
  }

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

  // Reads the run's next block of records.
  absl::Status Refill(Run* run) {
    size_t n =
        std::min(run->left, std::max<size_t>(kReadBuffer / sizeof(T), 1));
    run->block.resize(n);
    run->pos = 0;
    if (std::fread(run->block.data(), sizeof(T), n, run->file) != n) {
      return Error("cannot read", run->path);
    }
    run->left -= n;
    return absl::OkStatus();
  }

  // The merge heap holds run numbers, the run whose next record is smallest
  // on top.
  bool RunLess(size_t a, size_t b) const {
    const Run& x = runs_[a];
    const Run& y = runs_[b];
    return less_(x.block[x.pos], y.block[y.pos]);
  }
  void SiftDown(size_t i) {
    size_t n = heap_.size();
    while (true) {
      size_t smallest = i, l = 2 * i + 1, r = l + 1;
      if (l < n && RunLess(heap_[l], heap_[smallest])) smallest = l;
      if (r < n && RunLess(heap_[r], heap_[smallest])) smallest = r;
      if (smallest == i) return;
      std::swap(heap_[i], heap_[smallest]);
      i = smallest;
    }
  }

  absl::Status Sort() {
    if (interrupt_ == nullptr) {
      std::sort(buffer_.begin(), buffer_.end(), less_);
      return absl::OkStatus();
    }
    return InterruptibleSort(buffer_.begin(), buffer_.end(), less_, interrupt_);
  }

  absl::Status Spill() {
    if (absl::Status s = Sort(); !s.ok()) return s;
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
  std::vector<size_t> heap_;  // run numbers
  absl::Status status_;
  Interrupt* interrupt_ = nullptr;
};

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_RUN_SORTER_H_
