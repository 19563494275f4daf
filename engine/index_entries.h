// Every index entry of one claim: one in each of spo, pos and osp, and a lower
// and an upper entry per position in the time index. Ordinary writes put
// them and `annals check` recomputes them; the bulk loader writes the same
// bytes in sorted runs.
#ifndef ANNALS_ENGINE_INDEX_ENTRIES_H_
#define ANNALS_ENGINE_INDEX_ENTRIES_H_

#include <string>
#include <vector>

#include "engine/claim_record.h"
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

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_INDEX_ENTRIES_H_
