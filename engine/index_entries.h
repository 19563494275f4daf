// Every index entry of one claim: one in each of spo, pos and osp, and a lower
// and an upper entry per position in the time index. Ordinary writes put
// them and `annals check` recomputes them; the bulk loader writes the same
// bytes in sorted runs.
#ifndef ANNALS_ENGINE_INDEX_ENTRIES_H_
#define ANNALS_ENGINE_INDEX_ENTRIES_H_

#include <string>
#include <vector>

#include "engine/claim_record.h"
#include "engine/clustered_record.h"
#include "engine/rocks.h"

namespace annals::engine {

struct IndexEntry {
  Family family;
  std::string key, value;
};

// The families that hold index entries.
inline constexpr Family kIndexFamilies[] = {Family::kSpo, Family::kPos,
                                            Family::kOsp, Family::kTime};

// Replaces `out` with the entries of `row`.
void ClaimIndexEntries(const ClaimRecord& row, std::vector<IndexEntry>* out);

// ---- format 3 (FORMAT.md, "Format 3"; not yet what the store writes) ----
// Time by subject holds exactly the claims of subjects with more than this
// many claims (retracted ones included: claims are never deleted).
inline constexpr int kSmallSubjectClaims = 64;
// Whether time by object holds claims with object `o`: entities, strings and
// claims; numbers, booleans and dates are found through their predicate.
bool ObjectIndexed(uint64_t o);
// Replaces `out` with every entry of `row` in format 3: its pointer in
// `claims`, its record in `spo` (with `base`, its batch's, for the row), and
// its time entries by predicate, by subject when `subject_indexed`, by
// object when ObjectIndexed.
void Format3Entries(const ClaimRecord& row, const RowBase& base,
                    bool subject_indexed, std::vector<IndexEntry>* out);

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_INDEX_ENTRIES_H_
