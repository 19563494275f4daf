// ClaimRecord: a claim as the engine holds it (dictionary ids, seconds), and
// its two encodings: the claim record of the `claims` family
// (Boost.Serialization, versioned) and the compact value stored under each
// index key, which covers everything a lookup filters or returns so that scans
// never fetch records.
#ifndef ANNALS_ENGINE_CLAIM_RECORD_H_
#define ANNALS_ENGINE_CLAIM_RECORD_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "annals/claim.h"
#include "engine/key_codec.h"

namespace annals::engine {

// One end of a valid-time interval. precision 0 means open.
struct Endpoint {
  int64_t seconds = 0;
  uint8_t precision = 0;
  bool open() const { return precision == 0; }
  friend bool operator==(const Endpoint& a, const Endpoint& b) {
    return a.precision == b.precision && (a.open() || a.seconds == b.seconds);
  }
};

inline constexpr int64_t kNotRetracted = INT64_MAX;

struct ClaimRecord {
  uint64_t id = 0;
  uint64_t s = 0, p = 0, o = 0;  // term ids
  Endpoint from, to;
  int64_t recorded = 0;
  uint8_t recorded_precision = static_cast<uint8_t>(Precision::kSecond);
  int64_t retracted = kNotRetracted;
  uint64_t source = 0, by = 0;  // term ids, 0 = none
  // Stored in millionths: 0.7 comes back as 0.7. See ConfidencePpm.
  double confidence = 1.0;
  uint64_t batch = 0;
  int64_t row = 0;

  bool is_retracted() const { return retracted != kNotRetracted; }
  // valid_from as index keys order it: first instant, INT64_MIN when open.
  int64_t from_key() const { return from.open() ? INT64_MIN : from.seconds; }
  IndexKey index_key() const { return {s, p, o, from_key(), id}; }
  Interval valid() const;
  void set_valid(const Interval& v);
};

// Confidence in millionths (0..1000000), as records and index values keep it.
uint64_t ConfidencePpm(double confidence);

Endpoint ToEndpoint(const std::optional<TimePoint>& t);
std::optional<TimePoint> FromEndpoint(const Endpoint& e);

// Claim record: Boost.Serialization binary archive of every field.
std::string EncodeClaimRecord(const ClaimRecord& row);
void EncodeClaimRecord(const ClaimRecord& row, std::string* out);  // appends
// DataLoss when `bytes` is not a record this version can read.
absl::Status DecodeClaimRecord(std::string_view bytes, ClaimRecord* row);

// Index value: every field not in the index key except batch and row.
void EncodeIndexValue(const ClaimRecord& row, std::string* out);
// Fills the fields EncodeIndexValue wrote, and `from` (whose instant,
// `from_key`, comes from the index key); the caller fills the key's ids.
bool DecodeIndexValue(std::string_view bytes, int64_t from_key,
                      ClaimRecord* row);
// The same for an index value at the start of `bytes`, which it removes
// (format 3's spo values continue after it).
bool ConsumeIndexValue(std::string_view* bytes, int64_t from_key,
                       ClaimRecord* row);

// True when the claim is visible in `view` on both time axes.
bool Visible(const ClaimRecord& row, const TimeView& view);

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_CLAIM_RECORD_H_
