// TimeWriter: a bulk load's writer of one position of the time index
// (time_classes.h) into one sorted SST file. Entries are sorted by their
// key's parts (term, length class, first day, claim id) in fixed-size
// records that carry the value when it fits, so that writing reads them in
// order; a longer value waits in memory beside the sort.
//
// Flush sorts what was added since the last flush and writes it, or drops
// it: the load feeds time by subject one subject at a time (in spo's order)
// and keeps a subject's entries only when it has more than
// kSmallSubjectClaims claims. Time by predicate and by object are fed in any
// order and flushed once, at Finish, through runs on disk when large.
//
// Not thread-safe: one writer per thread.
#ifndef ANNALS_ENGINE_TIME_WRITER_H_
#define ANNALS_ENGINE_TIME_WRITER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "engine/claim_record.h"
#include "engine/interrupt.h"
#include "engine/rocks.h"
#include "engine/run_sorter.h"
#include "engine/time_index.h"

namespace annals::engine {

// One entry as the sort sees it.
struct ClassSortKey {
  uint64_t term, claim;
  uint32_t lo;
  uint8_t length_class;
  uint8_t value_size;  // kLongValue: `value` holds an index into the longs
  char value[42];
};
static_assert(sizeof(ClassSortKey) == 64);

struct ClassKeyLess {
  bool operator()(const ClassSortKey& x, const ClassSortKey& y) const;
};

class TimeWriter {
 public:
  // The SST file is `path`; sort runs go to `sort_dir` (`run_records`
  // records each).
  TimeWriter(const Rocks& rocks, TimePosition position, std::string path,
             const std::string& sort_dir, size_t run_records,
             Interrupt* interrupt);

  absl::Status Open();
  // `index_value` is the claim's EncodeIndexValue.
  absl::Status Add(const ClaimRecord& claim, std::string_view index_value);
  // Entries added since the last flush.
  size_t pending() const { return sorter_.count(); }
  // Writes the entries added since the last flush (`keep`), or drops them.
  absl::Status Flush(bool keep);
  // Flushes what is left, finishes the file, and adds it to `files` unless
  // it is empty.
  absl::Status Finish(std::vector<Rocks::Ingest>* files);

 private:
  static constexpr uint8_t kLongValue = 255;
  const Rocks& rocks_;
  TimePosition position_;
  std::string path_;
  RunSorter<ClassSortKey, ClassKeyLess> sorter_;
  std::vector<std::string> long_values_;
  std::unique_ptr<SstWriter> writer_;
  std::string key_, value_;
  Interrupt* interrupt_;
};

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_TIME_WRITER_H_
