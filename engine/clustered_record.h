// Claim records (engine/FORMAT.md, "Claim record"): a
// claim's record lives in its `spo` entry, whose key holds the subject,
// predicate, valid_from, object and claim id and whose value holds the rest
// (the index value, then the batch and the row); `claims` keeps only where
// each claim id is in `spo`. A loaded claim's row is stored as its distance
// from the row its claim id predicts (the batch's first row plus the claims
// since the batch's first claim), which is 0 for most rows of a file.
#ifndef ANNALS_ENGINE_CLUSTERED_RECORD_H_
#define ANNALS_ENGINE_CLUSTERED_RECORD_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/claim_record.h"

namespace annals::engine {

// Where a batch starts: its first claim id and that claim's row.
struct RowBase {
  uint64_t first_claim = 0;
  int64_t first_row = 0;
};
// A row as its distance from the row `claim` would have, and back. Both
// wrap on overflow rather than fail: a damaged base only misplaces the row.
int64_t RowDistance(const RowBase& base, uint64_t claim, int64_t row);
int64_t RowFromDistance(const RowBase& base, uint64_t claim, int64_t distance);

// The spo value: the index value (EncodeIndexValue), then, when the claim
// came from a load (batch not 0), the batch as a varint and the row's
// distance from `base` (the batch's) as a zigzag varint.
void EncodeClusteredValue(const ClaimRecord& row, const RowBase& base,
                          std::string* out);
// Fills the fields the value holds and `from` (its instant, `from_key`, is
// the key's); `row_distance` gets the stored distance (0 without a batch):
// the caller, who knows the batch's base, turns it into `row->row`.
bool DecodeClusteredValue(std::string_view value, int64_t from_key,
                          ClaimRecord* row, int64_t* row_distance);

// A whole spo entry: the claim (every field but `row`, whose stored
// distance goes to `row_distance`; 0 without a batch).
bool DecodeSpoEntry(std::string_view key, std::string_view value,
                    ClaimRecord* row, int64_t* row_distance);

// Where a claim is in spo: its subject, predicate and valid_from.
struct ClaimPointer {
  uint64_t s = 0, p = 0;
  int64_t from_key = INT64_MIN;  // as ClaimRecord::from_key: MIN when open
};
// The `claims` value: subject and predicate as varints, then valid_from as
// a varint of its zigzag day plus one (0 when open) and, unless open, a
// varint of its second of the day.
void EncodeClaimPointer(const ClaimRecord& row, std::string* out);
bool DecodeClaimPointer(std::string_view value, ClaimPointer* out);
// The spo key prefix every claim at `ptr` starts with (subject, predicate,
// valid_from): the claim is the entry under it whose claim id matches.
std::string SpoPrefix(const ClaimPointer& ptr);

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_CLUSTERED_RECORD_H_
