// Claim lookups by pattern: the bound positions and the valid-time window
// choose the index (ChooseIndex); the scan walks that index's ranges on one
// snapshot and filters on both time axes from the entries alone, never
// fetching a claim's pointer. A bound subject reads `spo` (with the
// predicate: its history in valid_from order, which the window's end also
// ends); a subject alone with a window reads the time index by subject
// (time_classes.h), which holds only subjects of more than
// kSmallSubjectClaims claims: the scan first reads up to kProbeEntries of
// the subject's spo entries and answers from those when they are all; else
// its seek to the first class range in time by subject says whether the
// subject is there. A subject once found there is remembered by the store
// (indexed_subjects.h), and later scans of it skip the probe.
// Otherwise a bound object (an entity, string or claim) reads time by
// object, a bound predicate time by predicate, each by class ranges with a
// window or whole without one; nothing bound scans `spo`.
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
#include "engine/interrupt.h"
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
  // Reads the index `choice` names (a planner's; ChooseIndex(pattern, view)
  // when absent) and returns exactly the claims that match every bound
  // position of `pattern` and are visible in `view`, whichever index it
  // reads. A choice made for positions that are unbound when the scan runs
  // (a variable an OPTIONAL group left unbound) reads the same family with
  // the prefix of the positions that are bound; a time-index choice whose
  // position is unbound reads as ChooseIndex would. With an `interrupt` (not
  // owned; null: none) each index entry read ticks it, matching or not; when
  // it trips the scan ends with its status.
  ClaimScan(Store* store, const IdPattern& pattern, const TimeView& view,
            std::shared_ptr<const Snapshot> snapshot,
            std::optional<IndexChoice> choice = std::nullopt,
            Interrupt* interrupt = nullptr);
  // The next matching claim (every field but batch and row), or false at the
  // end (and on every later call); then status() says whether the scan
  // completed.
  bool Next(ClaimRecord* row);
  // For a caller that may stop after the first matches (PATH): a time-index
  // scan with a window reads the open length class (claims that never end,
  // most of what holds at a day) before the others, at the cost of one seek
  // back. The same claims either way. Call before the first Next.
  void ReadOpenClaimsFirst();
  absl::Status status() const { return status_; }
  const IndexChoice& choice() const { return choice_; }
  // Index entries read, matching or not (for EXPLAIN ANALYZE and tests).
  int64_t entries_read() const { return entries_read_; }

 private:
  bool NextInPrefix(ClaimRecord* row);
  bool NextInRanges(ClaimRecord* row);
  // True when the subject is not in time by subject (and `small_rows_`
  // then holds its visible claims, read from spo); else the time index is
  // open for NextInRanges. Reads up to kProbeEntries of the subject's spo
  // entries first, and seeks in time by subject only when there are more.
  bool ProbeIsWhole();
  void RotateOpenClassFirst();
  void OpenTimeIndex();
  // The claim at the iterator, an entry of spo.
  bool DecodeEntry(ClaimRecord* row);
  bool Finish(bool readable);
  // One entry read: ticks the interrupt; true (and finished, with its
  // status) when it trips.
  bool Interrupted();
  // Whether the claim matches the bound positions the index key does not.
  bool MatchesPattern(const ClaimRecord& row) const;

  Store* store_;
  IdPattern pattern_;
  TimeView view_;
  IndexChoice choice_;
  std::shared_ptr<const Snapshot> snapshot_;
  std::unique_ptr<RocksIterator> it_;
  bool started_ = false;
  bool finished_ = false;
  std::string prefix_;
  // Time-index scans: the key ranges still to read, the first at `range_`.
  std::vector<std::pair<std::string, std::string>> ranges_;
  size_t range_ = 0;
  // Subject-only time scans: the visible claims of a subject found small
  // (at most kSmallSubjectClaims, so not in time by subject) by the probe
  // of its spo entries, returned from `small_next_`.
  uint64_t time_term_ = 0;
  bool probe_done_ = false, small_ = false;
  // Whether ProbeIsWhole left the time index at the first range's begin.
  bool positioned_ = false;
  // With open_first_: the open class's range comes first, and the range at
  // rewind_at_ (the next) is sought back to.
  bool open_first_ = false;
  size_t rewind_at_ = SIZE_MAX;
  static constexpr int kProbeEntries = 48;
  std::vector<ClaimRecord> small_rows_;
  size_t small_next_ = 0;
  absl::Status status_;
  int64_t entries_read_ = 0;
  Interrupt* interrupt_ = nullptr;
};

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_SCAN_H_
