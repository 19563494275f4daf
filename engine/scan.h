// Claim lookups by pattern: the bound positions choose the index ordering
// (ChooseIndex), the scan walks that index's prefix on one snapshot and
// filters on both time axes from the index values alone, never fetching a
// claim record. Where valid_from follows the bound ids in the key (subject
// and predicate in spo; all three in osp) the valid-time window's end also
// ends the scan; a subject-only scan skips, predicate by predicate, the
// claims that start after the window.
//
// A ClaimScan is for one thread; many may run at once on one store.
#ifndef ANNALS_ENGINE_SCAN_H_
#define ANNALS_ENGINE_SCAN_H_

#include <cstdint>
#include <memory>
#include <optional>

#include "annals/claim.h"
#include "engine/claim_record.h"
#include "engine/store.h"

namespace annals::engine {

struct IdPattern {
  std::optional<uint64_t> s, p, o;
};

struct IndexChoice {
  Family family;
  int bound_prefix;  // how many leading ids of the family's order are bound
};
IndexChoice ChooseIndex(const IdPattern& pattern);

class ClaimScan {
 public:
  ClaimScan(Store* store, const IdPattern& pattern, const TimeView& view,
            Snapshot snapshot);
  // The next matching claim (every field but batch and row), or false at the
  // end (and on every later call); then status() says whether the scan
  // completed.
  bool Next(ClaimRow* row);
  absl::Status status() const { return status_; }
  const IndexChoice& choice() const { return choice_; }
  // Index entries read, matching or not (for EXPLAIN ANALYZE and tests).
  int64_t entries_read() const { return entries_read_; }

 private:
  Store* store_;
  TimeView view_;
  IndexChoice choice_;
  Snapshot snapshot_;
  std::unique_ptr<RocksIterator> it_;
  bool started_ = false;
  bool finished_ = false;
  std::string prefix_;
  // Subject-only scans skip the rest of a predicate once valid_from reaches
  // this (the end of the valid-time window).
  int64_t skip_after_ = INT64_MAX;
  static constexpr int kStepsBeforeSeek = 8;
  int past_window_ = 0;  // consecutive entries past the window
  absl::Status status_;
  int64_t entries_read_ = 0;
};

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_SCAN_H_
