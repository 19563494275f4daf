// The index entries of one claim; see index_entries.h.
#include "engine/index_entries.h"

#include "engine/key_codec.h"
#include "engine/term_id.h"
#include "engine/time_classes.h"
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

bool ObjectIndexed(uint64_t o) {
  ValueKind kind = TermKind(o);
  return kind == ValueKind::kEntity || kind == ValueKind::kString ||
         kind == ValueKind::kClaim;
}

void Format3Entries(const ClaimRecord& row, const RowBase& base,
                    bool subject_indexed, std::vector<IndexEntry>* out) {
  out->clear();
  IndexEntry& pointer = out->emplace_back(
      IndexEntry{Family::kClaims, IdKey(row.id), std::string()});
  EncodeClaimPointer(row, &pointer.value);
  IndexEntry& record =
      out->emplace_back(IndexEntry{Family::kSpo, std::string(), std::string()});
  EncodeIndexKey(Family::kSpo, row.index_key(), &record.key);
  EncodeClusteredValue(row, base, &record.value);
  std::string index_value;
  EncodeIndexValue(row, &index_value);
  for (TimePosition position :
       {TimePosition::kSubject, TimePosition::kPredicate,
        TimePosition::kObject}) {
    if (position == TimePosition::kSubject && !subject_indexed) continue;
    if (position == TimePosition::kObject && !ObjectIndexed(row.o)) continue;
    IndexEntry& e = out->emplace_back(
        IndexEntry{Family::kTime, std::string(), std::string()});
    EncodeClassKey(position, row, &e.key);
    EncodeClassValue(position, row, index_value, &e.value);
  }
}

}  // namespace annals::engine
