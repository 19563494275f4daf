// Fuzzes the decoders of stored bytes (engine/key_codec.h,
// engine/claim_record.h, engine/dictionary.h, and format 3's
// engine/clustered_record.h and engine/time_classes.h): a corrupt store must
// give errors, never crashes. The input's first byte picks the decoder, the
// rest is what it reads. Whatever decodes must survive a round trip: encoding
// it and decoding that gives it back.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "engine/claim_record.h"
#include "engine/clustered_record.h"
#include "engine/dictionary.h"
#include "engine/key_codec.h"
#include "engine/time_classes.h"

namespace annals::engine {
namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "round trip failed: %s\n", what);
    std::abort();
  }
}

void FuzzClaimRecord(std::string_view bytes) {
  ClaimRecord row;
  if (!DecodeClaimRecord(bytes, &row).ok()) return;
  const std::string once = EncodeClaimRecord(row);
  ClaimRecord again;
  Check(DecodeClaimRecord(once, &again).ok(), "claim record decodes");
  Check(EncodeClaimRecord(again) == once, "claim record encodes the same");
}

void FuzzIndexValue(std::string_view bytes) {
  int64_t from_key = 0;
  if (bytes.size() >= 8) {
    std::memcpy(&from_key, bytes.data(), 8);
    bytes.remove_prefix(8);
  }
  ClaimRecord row;
  if (!DecodeIndexValue(bytes, from_key, &row)) return;
  std::string once;
  EncodeIndexValue(row, &once);
  ClaimRecord again;
  Check(DecodeIndexValue(once, row.from_key(), &again), "index value decodes");
  std::string twice;
  EncodeIndexValue(again, &twice);
  Check(twice == once, "index value encodes the same");
}

// Format 3's spo value (the index value, batch and row distance): what
// decodes encodes back to the same bytes.
void FuzzClusteredValue(std::string_view bytes) {
  int64_t from_key = 0;
  if (bytes.size() >= 8) {
    std::memcpy(&from_key, bytes.data(), 8);
    bytes.remove_prefix(8);
  }
  ClaimRecord row;
  int64_t distance;
  if (!DecodeClusteredValue(bytes, from_key, &row, &distance)) return;
  const RowBase base{1, 0};
  row.id = 7;
  row.row = RowFromDistance(base, row.id, distance);
  std::string once;
  EncodeClusteredValue(row, base, &once);
  ClaimRecord again;
  Check(DecodeClusteredValue(once, row.from_key(), &again, &distance),
        "clustered value decodes");
  again.id = row.id;
  again.row = RowFromDistance(base, again.id, distance);
  std::string twice;
  EncodeClusteredValue(again, base, &twice);
  Check(twice == once, "clustered value encodes the same");
}

// Format 3's claim pointer round-trips; its time keys and values decode or
// are refused.
void FuzzFormat3(std::string_view bytes) {
  ClaimPointer ptr;
  if (DecodeClaimPointer(bytes, &ptr)) {
    ClaimRecord row;
    row.s = ptr.s;
    row.p = ptr.p;
    if (ptr.from_key != INT64_MIN) row.from = {ptr.from_key, 4};
    std::string once;
    EncodeClaimPointer(row, &once);
    ClaimPointer again;
    Check(DecodeClaimPointer(once, &again) && again.s == ptr.s &&
              again.p == ptr.p && again.from_key == ptr.from_key,
          "claim pointer decodes to the same place");
  }
  ClassKey key;
  if (DecodeClassKey(bytes, &key)) {
    Check(key.length_class <= 24 || key.length_class == kOpenClass,
          "time key class");
  }
  key = {TimePosition::kObject, 9, 3, 1u << 23, 5};
  ClaimRecord row;
  if (DecodeClassEntry(key, bytes, &row)) {
    Check(row.o == 9 && row.id == 5, "time entry keeps the key's ids");
  }
}

void FuzzTerm(std::string_view bytes) {
  auto value = DecodeTerm(bytes);
  if (!value.ok()) return;
  std::string once;
  EncodeTerm(*value, &once);
  auto again = DecodeTerm(once);
  Check(again.ok() && *again == *value, "term decodes to the same value");
}

void FuzzIndexKey(Family f, std::string_view bytes) {
  IndexKey key;
  if (!DecodeIndexKey(f, bytes, &key)) return;
  std::string once;
  EncodeIndexKey(f, key, &once);
  IndexKey again;
  Check(DecodeIndexKey(f, once, &again), "index key decodes");
  Check(again.s == key.s && again.p == key.p && again.o == key.o &&
            again.from == key.from && again.claim == key.claim,
        "index key decodes to the same ids");
}

// Each primitive decoder on the bytes, then its encoding read back.
template <typename T>
void FuzzPrimitive(std::string_view bytes, bool (*get)(std::string_view*, T*),
                   void (*put)(std::string*, T), const char* what) {
  T v;
  if (!get(&bytes, &v)) return;
  std::string once;
  put(&once, v);
  std::string_view in = once;
  T again;
  Check(get(&in, &again) && again == v && in.empty(), what);
}

}  // namespace
}  // namespace annals::engine

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace annals::engine;  // NOLINT: one function, many names
  if (size == 0) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1),
                               size - 1);
  switch (data[0] % 8) {
    case 0:
      FuzzClaimRecord(bytes);
      break;
    case 1:
      FuzzIndexValue(bytes);
      FuzzClusteredValue(bytes);
      break;
    case 2:
      FuzzTerm(bytes);
      break;
    case 3:
      FuzzIndexKey(Family::kSpo, bytes);
      break;
    case 4:
      FuzzIndexKey(Family::kPos, bytes);
      break;
    case 5:
      FuzzIndexKey(Family::kOsp, bytes);
      break;
    case 6:
      FuzzPrimitive<int64_t>(bytes, GetKeyTime, PutKeyTime, "key time");
      FuzzPrimitive<int64_t>(bytes, GetTime, PutTime, "time");
      break;
    default:
      FuzzPrimitive<uint64_t>(bytes, GetId, PutId, "id");
      FuzzPrimitive<uint64_t>(bytes, GetVarint, PutVarint, "varint");
      FuzzPrimitive<uint64_t>(bytes, GetFixed64, PutFixed64, "fixed64");
      FuzzFormat3(bytes);
      break;
  }
  return 0;
}
