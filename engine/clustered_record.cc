// Format 3's clustered claim records and claim pointers; see
// clustered_record.h.
#include "engine/clustered_record.h"

#include "engine/key_codec.h"

namespace annals::engine {
namespace {

constexpr int64_t kDay = 86400;

int64_t FloorDay(int64_t seconds) {
  int64_t day = seconds / kDay;
  return seconds % kDay < 0 ? day - 1 : day;
}

}  // namespace

int64_t RowDistance(const RowBase& base, uint64_t claim, int64_t row) {
  uint64_t predicted =
      static_cast<uint64_t>(base.first_row) + (claim - base.first_claim);
  return static_cast<int64_t>(static_cast<uint64_t>(row) - predicted);
}

int64_t RowFromDistance(const RowBase& base, uint64_t claim, int64_t distance) {
  return static_cast<int64_t>(static_cast<uint64_t>(base.first_row) +
                              (claim - base.first_claim) +
                              static_cast<uint64_t>(distance));
}

void EncodeClusteredValue(const ClaimRecord& row, const RowBase& base,
                          std::string* out) {
  EncodeIndexValue(row, out);
  if (row.batch == 0) return;
  PutVarint(out, row.batch);
  PutVarint(out, ZigZag(RowDistance(base, row.id, row.row)));
}

bool DecodeClusteredValue(std::string_view value, int64_t from_key,
                          ClaimRecord* row, int64_t* row_distance) {
  if (!ConsumeIndexValue(&value, from_key, row)) return false;
  row->batch = 0;
  row->row = 0;
  *row_distance = 0;
  if (value.empty()) return true;
  uint64_t distance;
  if (!GetVarint(&value, &row->batch) || row->batch == 0 ||
      !GetVarint(&value, &distance)) {
    return false;
  }
  *row_distance = UnZigZag(distance);
  return value.empty();
}

bool DecodeSpoEntry(std::string_view key, std::string_view value,
                    ClaimRecord* row, int64_t* row_distance) {
  IndexKey k;
  if (!DecodeIndexKey(Family::kSpo, key, &k) ||
      !DecodeClusteredValue(value, k.from, row, row_distance)) {
    return false;
  }
  row->id = k.claim;
  row->s = k.s;
  row->p = k.p;
  row->o = k.o;
  return true;
}

void EncodeClaimPointer(const ClaimRecord& row, std::string* out) {
  PutVarint(out, row.s);
  PutVarint(out, row.p);
  if (row.from.open()) {
    PutVarint(out, 0);
    return;
  }
  const int64_t day = FloorDay(row.from.seconds);
  PutVarint(out, ZigZag(day) + 1);
  PutVarint(out, static_cast<uint64_t>(row.from.seconds - day * kDay));
}

bool DecodeClaimPointer(std::string_view value, ClaimPointer* out) {
  uint64_t day, second;
  if (!GetVarint(&value, &out->s) || !GetVarint(&value, &out->p) ||
      !GetVarint(&value, &day)) {
    return false;
  }
  if (day == 0) {
    out->from_key = INT64_MIN;
    return value.empty();
  }
  if (!GetVarint(&value, &second) || second >= kDay || !value.empty()) {
    return false;
  }
  const int64_t d = UnZigZag(day - 1);
  if (d < INT64_MIN / kDay + 1 || d > INT64_MAX / kDay - 1) return false;
  out->from_key = d * kDay + static_cast<int64_t>(second);
  return true;
}

std::string SpoPrefix(const ClaimPointer& ptr) {
  std::string out;
  PutId(&out, ptr.s);
  PutId(&out, ptr.p);
  PutKeyTime(&out, ptr.from_key);
  return out;
}

}  // namespace annals::engine
