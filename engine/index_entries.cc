// The index entries of one claim; see index_entries.h.
#include "engine/index_entries.h"

#include "engine/key_codec.h"
#include "engine/time_index.h"

namespace annals::engine {

void ClaimIndexEntries(const ClaimRecord& row, std::vector<IndexEntry>* out) {
  out->clear();
  std::string value;
  EncodeIndexValue(row, &value);
  for (Family f : {Family::kSpo, Family::kPos, Family::kOsp}) {
    IndexEntry& e = out->emplace_back(IndexEntry{f, "", value});
    EncodeIndexKey(f, row.index_key(), &e.key);
  }
  TreeExtent extent = ExtentOf(row);
  for (TimePosition position : kTimePositions) {
    uint64_t term = position == TimePosition::kSubject ? row.s : row.p;
    for (TimeSide side : {TimeSide::kLower, TimeSide::kUpper}) {
      if (!HasTimeEntry(extent, side)) continue;
      IndexEntry& e = out->emplace_back(IndexEntry{Family::kTime, "", ""});
      EncodeTimeKey({position, term, side, extent.node,
                     side == TimeSide::kLower ? extent.lo : extent.hi, row.id},
                    &e.key);
      EncodeTimeValue(position, row, extent.node, value, &e.value);
    }
  }
}

}  // namespace annals::engine
