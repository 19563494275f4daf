// The valid-time index (engine/FORMAT.md, "The time family"): one entry a
// claim and position, keyed by position (subject, predicate or object),
// term, the claim's length class and the first day of its extent. The length
// class of a claim whose possible extent is the closed tree days [lo, hi]
// (time_index.h) is the bit width of hi - lo (0 for one day, at most 24), or
// kOpenClass when the extent runs to the tree's end (it never ends). A claim of
// class c overlaps days [a, b] only if a - (2^c - 1) <= lo <= b, so the window
// reads one range of lo per class: every claim that overlaps it, and at most
// the claims of each class that ended less than 2^c days before a. At 1,000,000
// generated facts (bench/class_reads.py) the subject E0 on one day reads
// 5,827 entries for 5,327 answers, and the predicate `signed` over 2015 653
// for 652: one entry a claim where format 2's interval tree wrote 1.83 for
// about the same reads.
#ifndef ANNALS_ENGINE_TIME_CLASSES_H_
#define ANNALS_ENGINE_TIME_CLASSES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annals/time.h"
#include "engine/claim_record.h"
#include "engine/time_index.h"

namespace annals::engine {

inline constexpr uint8_t kOpenClass = 0xff;

// The length class of a claim's extent.
uint8_t LengthClass(const TreeExtent& extent);

// One key, decoded.
struct ClassKey {
  TimePosition position;
  uint64_t term;  // the subject, predicate or object
  uint8_t length_class;
  uint32_t lo;  // the first tree day of the extent
  uint64_t claim;
};
// The key of `row` at `position`: position byte, term (id), class byte, lo
// (3 bytes big-endian), claim id (id).
void EncodeClassKey(TimePosition position, const ClaimRecord& row,
                    std::string* out);
void EncodeClassKey(const ClassKey& k, std::string* out);
bool DecodeClassKey(std::string_view key, ClassKey* k);
// The term of `row` at `position`: its subject, predicate or object.
uint64_t ClassTerm(TimePosition position, const ClaimRecord& row);

// The value: the two ids the key lacks as varints, in subject, predicate,
// object order (p o at the subject position, s o at the predicate's, s p at
// the object's), valid_from
// as a zigzag varint of days from lo's day and a varint second of its day
// (0, 0 when open: the index value says so), then the index value.
void EncodeClassValue(TimePosition position, const ClaimRecord& row,
                      std::string_view index_value, std::string* out);
// Fills `row` (every field but batch and row) from a key and its value.
bool DecodeClassEntry(const ClassKey& key, std::string_view value,
                      ClaimRecord* row);

// The range [begin, end) of the keys of one class of `term` at `position`
// that may overlap `window` (empty when the window is).
std::pair<std::string, std::string> ClassRange(TimePosition position,
                                               uint64_t term,
                                               uint8_t length_class,
                                               const Window& window);
// Every class's range, ascending and disjoint: a reader that seeks to the
// first key at or after a range's begin learns the next class that has
// entries from the key it lands on, and can skip the empty ones.
std::vector<std::pair<std::string, std::string>> ClassRanges(
    TimePosition position, uint64_t term, const Window& window);

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_TIME_CLASSES_H_
