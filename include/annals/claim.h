// Claim: a time-stamped triple with its provenance, as the API returns it; and
// ClaimPattern, the lookup the query language is built on.
//
// Plain values; thread-compatible.
#ifndef ANNALS_CLAIM_H_
#define ANNALS_CLAIM_H_

#include <cstdint>
#include <optional>
#include <string>

#include "annals/time.h"
#include "annals/value.h"

namespace annals {

// Stable claim identifier, printed `#c42`. Ids are assigned in increasing
// order and never reused.
using ClaimId = uint64_t;

// What to say when asserting a claim.
struct ClaimInput {
  Value subject;            // an entity or a claim (Value::Claim)
  std::string predicate;    // non-empty
  Value object;             // any value
  Interval valid;           // both ends open by default: always
  std::string source;       // document or URL; may be empty
  std::string by;           // who made the claim (an entity name); may be empty
  double confidence = 1.0;  // in [0, 1]
  // Transaction time to record; nullopt means now. A bulk load may give the
  // day the source first said it.
  std::optional<TimePoint> recorded;
};

// A stored claim.
struct Claim {
  ClaimId id = 0;
  Value subject;
  std::string predicate;
  Value object;
  Interval valid;
  TimePoint recorded;                  // transaction time it entered the store
  std::optional<TimePoint> retracted;  // transaction time it was retracted
  std::string source;
  std::string by;
  double confidence = 1.0;
  uint64_t batch = 0;  // load batch that brought it, 0 for ASSERT
  int64_t row = 0;     // line of that batch's file, 0 for ASSERT
};

// Which claims a lookup returns. Unset positions are wildcards. A lookup
// reads an index that starts with its bound positions (or, with a
// valid-time window and only the subject or only the predicate bound, the
// time index), so it costs about what it returns: only a pattern with no
// position bound reads every claim.
struct ClaimPattern {
  std::optional<Value> subject;
  std::optional<std::string> predicate;
  std::optional<Value> object;
};

// The view a read sees, on both time axes.
struct TimeView {
  // Valid time: only claims holding at some instant of this window. nullopt:
  // any valid time (the whole history).
  std::optional<Window> valid;
  // With `valid` set: true = the claim must certainly hold there (the
  // default), false = possibly holding is enough (`AT ... POSSIBLY`).
  bool certain = true;
  // Transaction time: see the store as it was at the end of this instant
  // (claims recorded at or before it and not yet retracted then). nullopt:
  // as currently recorded (retracted claims hidden).
  std::optional<int64_t> as_of;
  // Include retracted claims regardless of `as_of` (for history and audit).
  bool include_retracted = false;

  // "Holds now, as currently recorded": the default of every query.
  static TimeView Now();
  // Whole history as currently recorded.
  static TimeView AllTime() { return TimeView{}; }
};

}  // namespace annals

#endif  // ANNALS_CLAIM_H_
