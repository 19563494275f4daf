// Subjects known to be in time by subject (they have more than
// kSmallSubjectClaims claims): a hint that lets a subject-only scan skip its
// probe of the subject's spo entries. Learned from those probes. A hint may
// be older or newer than a scan's snapshot: a subject's entries are never
// removed, and a scan that finds none for a hinted subject reads spo, so the
// hint changes only how fast a scan is. Bounded; safe from many threads.
#ifndef ANNALS_ENGINE_INDEXED_SUBJECTS_H_
#define ANNALS_ENGINE_INDEXED_SUBJECTS_H_

#include <cstddef>
#include <cstdint>
#include <mutex>

#include "absl/container/flat_hash_set.h"

namespace annals::engine {

class IndexedSubjects {
 public:
  static constexpr size_t kCapacity = size_t{1} << 16;

  bool Contains(uint64_t subject) const {
    std::lock_guard<std::mutex> lock(mu_);
    return subjects_.contains(subject);
  }
  // Remembers `subject` unless kCapacity subjects are known already.
  void Add(uint64_t subject) {
    std::lock_guard<std::mutex> lock(mu_);
    if (subjects_.size() < kCapacity) subjects_.insert(subject);
  }

 private:
  // std::mutex: Debian's Abseil is not built for ThreadSanitizer (store.h).
  mutable std::mutex mu_;
  absl::flat_hash_set<uint64_t> subjects_;  // guarded by mu_
};

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_INDEXED_SUBJECTS_H_
