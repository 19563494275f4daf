// Claim lookups by pattern: the bound positions and the valid-time window
// choose the index (ChooseIndex); the scan walks that index's ranges on one
// snapshot and filters on both time axes from the index values alone, never
// fetching a claim record. A window with only the subject or only the
// predicate bound reads the time index (time_index.h): the claims whose
// extent overlaps it, whatever the rest of the subject's history. Where
// valid_from follows the bound ids in a key (subject and predicate in spo;
// all three in osp) the window's end also ends the scan.
//
// A ClaimScan is for one thread; many may run at once on one store.
#ifndef ANNALS_ENGINE_SCAN_H_
#define ANNALS_ENGINE_SCAN_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "annals/claim.h"
#include "engine/claim_record.h"
#include "engine/store.h"
#include "engine/time_index.h"

namespace annals::engine {

struct IdPattern {
  std::optional<uint64_t> s, p, o;
};

struct IndexChoice {
  Family family;
  int bound_prefix;  // how many leading ids of the family's order are bound
  // For Family::kTime: the position its keys start with.
  TimePosition time_position = TimePosition::kSubject;
  // "spo prefix 2", "time by subject": for EXPLAIN.
  std::string ToString() const;
};
IndexChoice ChooseIndex(const IdPattern& pattern, const TimeView& view);

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
  bool NextInPrefix(ClaimRow* row);
  bool NextInRanges(ClaimRow* row);
  bool Finish(bool readable);

  Store* store_;
  TimeView view_;
  IndexChoice choice_;
  Snapshot snapshot_;
  std::unique_ptr<RocksIterator> it_;
  bool started_ = false;
  bool finished_ = false;
  std::string prefix_;
  // Time-index scans: the key ranges still to read, the first at `range_`.
  std::vector<std::pair<std::string, std::string>> ranges_;
  size_t range_ = 0;
  absl::Status status_;
  int64_t entries_read_ = 0;
};

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_SCAN_H_
