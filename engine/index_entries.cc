// The entries of one claim; see index_entries.h.
#include "engine/index_entries.h"

#include "engine/key_codec.h"
#include "engine/term_id.h"
#include "engine/time_classes.h"

namespace annals::engine {

bool ObjectIndexed(uint64_t o) {
  ValueKind kind = TermKind(o);
  return kind == ValueKind::kEntity || kind == ValueKind::kString ||
         kind == ValueKind::kClaim;
}

void TimeEntry(TimePosition position, const ClaimRecord& row,
               std::string_view index_value, IndexEntry* out) {
  out->family = Family::kTime;
  out->key.clear();
  out->value.clear();
  EncodeClassKey(position, row, &out->key);
  EncodeClassValue(position, row, index_value, &out->value);
}

void ClaimEntries(const ClaimRecord& row, const RowBase& base,
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
    TimeEntry(position, row, index_value, &out->emplace_back());
  }
}

}  // namespace annals::engine
