// Order-preserving byte encodings of every key Annals stores, and the compact
// encodings of index values. FORMAT.md documents each byte; this file is the
// only place that knows them. Encode/Decode come in pairs and are tested for
// round trip and for sort order.
//
//  - ids (term ids, claim ids): one length byte n (0..8), then the n
//    significant bytes big-endian. Shorter numbers sort first, so byte order
//    is numeric order, and the encoding is prefix-free.
//  - time instants in index keys: the day since 1970-01-01 as an ordered
//    signed integer (negative years and dates before 1970 sort first), then
//    the second of the day as an id; whole days take 4 bytes.
//  - index keys: spo is subject, predicate, valid_from, object, claim id (a
//    subject's history of one predicate comes out in time order); pos and
//    osp are their three ids, valid_from, claim id.
#ifndef ANNALS_ENGINE_KEY_CODEC_H_
#define ANNALS_ENGINE_KEY_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "annals/value.h"
#include "engine/rocks.h"
#include "engine/term_id.h"

namespace annals::engine {

// The on-disk format version this build writes and reads; see FORMAT.md.
inline constexpr int kFormatVersion = 3;

// ---- ids ----
// A length byte, then the id big-endian without leading zero bytes.
void PutId(std::string* out, uint64_t id);
// The same bytes written at `p` (room for 9 needed); returns their end.
inline char* WriteId(char* p, uint64_t id) {
  int n = id == 0 ? 0 : 8 - __builtin_clzll(id) / 8;
  p[0] = static_cast<char>(n);
  for (int i = 0; i < n; ++i) p[n - i] = static_cast<char>(id >> (8 * i));
  return p + n + 1;
}
bool GetId(std::string_view* in, uint64_t* id);
std::string IdKey(uint64_t id);

// ---- time ----
// Fixed 8 bytes (integer terms, dates in terms).
void PutTime(std::string* out, int64_t seconds);
bool GetTime(std::string_view* in, int64_t* seconds);
// Compact, for index keys: the day (an ordered signed integer) and the second
// of the day (an id), so whole days take 4 bytes instead of 8.
void PutKeyTime(std::string* out, int64_t seconds);
bool GetKeyTime(std::string_view* in, int64_t* seconds);
// Order-preserving variable-length signed integer (the day of a key time): a
// length byte 0x80+n for n >= 0 bytes of a non-negative value, 0x7f-n for n
// bytes of a negative one (complemented), then the bytes big-endian.
bool GetOrderedInt(std::string_view* in, int64_t* v);

// ---- varints (index values, meta) ----
void PutVarint(std::string* out, uint64_t v);
bool GetVarint(std::string_view* in, uint64_t* v);
inline uint64_t ZigZag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
inline int64_t UnZigZag(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}
void PutFixed64(std::string* out, uint64_t v);
bool GetFixed64(std::string_view* in, uint64_t* v);

// ---- index keys ----
// The ids of a claim in subject/predicate/object terms, as index keys hold
// them; `from` is the first instant of valid_from's span (kMin when open).
struct IndexKey {
  uint64_t s = 0, p = 0, o = 0;
  int64_t from = INT64_MIN;
  uint64_t claim = 0;
};
// How many ids lead `f`'s keys before valid_from: 2 for spo, 3 otherwise.
int LeadingIds(Family f);
// The three ids of `k` in the order of family `f`.
void IdsInOrder(Family f, const IndexKey& k, uint64_t ids[3]);
// Appends the key for `k` in the order of family `f` (spo, pos or osp).
void EncodeIndexKey(Family f, const IndexKey& k, std::string* out);
bool DecodeIndexKey(Family f, std::string_view key, IndexKey* k);
// The prefix of `f`'s keys whose first `n` ids (in f's order) are `ids`;
// n <= LeadingIds(f).
std::string IndexPrefix(Family f, const uint64_t* ids, int n);

// The smallest key greater than every key starting with `prefix` (for
// iterator upper bounds); empty when there is none.
std::string PrefixEnd(std::string_view prefix);

// ---- meta keys ----
inline constexpr std::string_view kMetaFormatVersion = "format_version";
inline constexpr std::string_view kMetaNextClaim = "next_claim";
inline constexpr std::string_view kMetaNextTerm = "next_term";
inline constexpr std::string_view kMetaNextBatch = "next_batch";
inline constexpr std::string_view kMetaClaimCount = "claim_count";
inline constexpr std::string_view kMetaPredicateCountPrefix = "pcount/";
inline constexpr std::string_view kMetaBatchPrefix = "batch/";

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_KEY_CODEC_H_
