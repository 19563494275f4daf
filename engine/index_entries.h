// Every entry of one claim in format 3 (engine/FORMAT.md): its pointer in
// `claims`, its record in `spo`, and its entries in the time index by
// predicate, by object (when its object is indexed there) and by subject
// (when its subject has more than kSmallSubjectClaims claims). Ordinary
// writes put them and `annals check` recomputes them; the bulk loader writes
// the same bytes in sorted runs.
#ifndef ANNALS_ENGINE_INDEX_ENTRIES_H_
#define ANNALS_ENGINE_INDEX_ENTRIES_H_

#include <string>
#include <vector>

#include "engine/claim_record.h"
#include "engine/clustered_record.h"
#include "engine/rocks.h"
#include "engine/time_index.h"

namespace annals::engine {

struct IndexEntry {
  Family family;
  std::string key, value;
};

// Time by subject holds exactly the claims of subjects with more than this
// many claims (retracted ones included: claims are never deleted).
inline constexpr int kSmallSubjectClaims = 64;
// Whether time by object holds claims with object `o`: entities, strings and
// claims; numbers, booleans and dates are found through their predicate.
bool ObjectIndexed(uint64_t o);

// Replaces `out` with every entry of `row`: its pointer in `claims`, its
// record in `spo` (with `base`, its batch's, for the row), and its time
// entries by predicate, by subject when `subject_indexed`, by object when
// ObjectIndexed.
void ClaimEntries(const ClaimRecord& row, const RowBase& base,
                  bool subject_indexed, std::vector<IndexEntry>* out);
// The time entry of `row` at `position` (`index_value`: EncodeIndexValue's).
void TimeEntry(TimePosition position, const ClaimRecord& row,
               std::string_view index_value, IndexEntry* out);

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_INDEX_ENTRIES_H_
