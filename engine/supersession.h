// Supersession: a predicate the schema declares `one` holds one value at a
// time per claimant: per source and author (`by`). Within one claimant
// (no source, or no author, counts as one), the claims of a subject and
// such a predicate form a step
// function: each holds from its start until its own end or the next start of
// another value, whichever comes first. Supersede() keeps that true as a new
// claim arrives, whatever the order in which claims arrive:
//
//   - a live claim of another value that starts before the new one and ends
//     after its start is closed where the new one starts (retracted, and a
//     copy ending there recorded: AS OF before, the old claim is seen as it
//     was);
//   - a live claim of another value with the same start (the same first
//     instant) is replaced: retracted, the newest statement wins;
//   - the new claim itself ends where the first later-starting live claim of
//     another value starts, if that comes before its own end (the later claim
//     arrived first);
//   - a new claim equal to a live one after that (same object, valid time,
//     source and by) is not stored again.
//
// Starts and ends are ordered by their first instant (`2019` before
// `2019-06-01`; an open start before everything, an open end after); a
// closed end is the closing claim's start as written, with its precision.
// Claims of the same value, and claims of other claimants, are never closed:
// other claimants' overlapping values are disputes (DISPUTES).
#ifndef ANNALS_ENGINE_SUPERSESSION_H_
#define ANNALS_ENGINE_SUPERSESSION_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/claim_record.h"
#include "engine/store.h"

namespace annals::engine {

struct SupersedeEffects {
  // The group member `added` (as closed) equals, if any: nothing to store.
  std::optional<size_t> duplicate;
  std::vector<size_t> replaced;  // group members to retract
  std::vector<size_t> closed;    // group members to close at added's start
  // The group member where `added` now ends (it started inside `added`).
  std::optional<size_t> closed_by;
};

// `group`: the live claims with `added`'s subject, predicate, source and by.
// Closes `*added` when a later claim of another value starts inside it, and
// says what `added` does to the group. Pure: reads and writes nothing else.
SupersedeEffects Supersede(const std::vector<ClaimRecord>& group,
                           ClaimRecord* added);

// The member of `group` equal to `c` (same object, valid time, source and
// by), if any.
std::optional<size_t> FindSame(const std::vector<ClaimRecord>& group,
                               const ClaimRecord& c);

// `row` closed where `closer` starts: a new claim (id 0) recorded at
// `recorded`, otherwise `row` as it was.
ClaimRecord ClosedCopy(const ClaimRecord& row, const ClaimRecord& closer,
                       int64_t recorded);

// The live (not retracted) claims of subject `s` and predicate `p` from
// `source` and `by` (0: none), all valid time, as the store holds them now
// (every field but batch and row).
absl::StatusOr<std::vector<ClaimRecord>> LiveGroup(Store* store, uint64_t s,
                                                   uint64_t p, uint64_t source,
                                                   uint64_t by);

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_SUPERSESSION_H_
