// The valid-time index: a relational interval tree (Kriegel, Pötke and
// Seidl, VLDB 2000) per subject and per predicate, so that "what holds on day
// t" and "what overlaps [t1, t2)" cost a few range scans of the claims that
// answer, not a scan of every claim of a hub subject or predicate.
//
// Days are nodes of a virtual binary tree over 1 .. 2^24-1 (1970-01-01 is the
// root 2^23; days beyond +-2^23 clamp to the ends, which only adds candidates:
// scans recheck exact times). A claim's possible extent, as closed days
// [lo, hi], belongs to its fork node, the highest tree node inside it, and has
// two entries there per position: a lower entry keyed by lo and an upper
// entry keyed by hi (unless hi is the node). Days [a, b] are answered by
//   - the lower entries of every node in [a, b] (each such claim holds there),
//   - the lower entries with lo <= b of the nodes n > b on the root-to-b path,
//   - the upper entries with hi >= a of the nodes n < a on the root-to-a path,
// each claim at most once. FORMAT.md shows the key and value bytes.
#ifndef ANNALS_ENGINE_TIME_INDEX_H_
#define ANNALS_ENGINE_TIME_INDEX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annals/time.h"
#include "engine/claim_record.h"

namespace annals::engine {

// Which id leads a time-index key. Format 3's index by length class
// (time_classes.h) also has the object position; format 2's tree does not.
enum class TimePosition : char {
  kSubject = 's',
  kPredicate = 'p',
  kObject = 'o'
};
inline constexpr TimePosition kTimePositions[] = {TimePosition::kSubject,
                                                  TimePosition::kPredicate};

enum class TimeSide : char { kLower = 'L', kUpper = 'U' };

// A claim's place in the tree: its fork node and its extent in tree days.
struct TreeExtent {
  uint32_t node, lo, hi;
};
TreeExtent ExtentOf(const ClaimRecord& row);
// The closed tree days [a, b] a window of seconds covers (open ends: 1 and
// 2^24-1), and the day (since 1970-01-01) of a tree day.
std::pair<uint32_t, uint32_t> WindowTreeDays(const Window& window);
int64_t TreeDayToDay(uint32_t tree_day);
// Upper entries are read only for nodes left of the window (where hi >= a >
// node), so a claim whose extent ends at its node has none.
inline bool HasTimeEntry(const TreeExtent& e, TimeSide side) {
  return side == TimeSide::kLower || e.hi > e.node;
}

// One time-index key, decoded.
struct TimeKey {
  TimePosition position;
  uint64_t term;  // the subject or predicate
  TimeSide side;
  uint32_t node, bound;
  uint64_t claim;
};
void EncodeTimeKey(const TimeKey& k, std::string* out);
bool DecodeTimeKey(std::string_view key, TimeKey* k);
// The prefix of every key of `term` at `position`.
std::string TimePrefix(TimePosition position, uint64_t term);

// The value: the two ids the key lacks, valid_from's instant relative to the
// node's day, then the claim's index value (`index_value`, as
// EncodeIndexValue wrote it).
void EncodeTimeValue(TimePosition position, const ClaimRecord& row,
                     uint32_t node, std::string_view index_value,
                     std::string* out);
// Fills `row` (every field but batch and row) from a key and its value.
bool DecodeTimeEntry(const TimeKey& key, std::string_view value,
                     ClaimRecord* row);

// The key ranges [begin, end) that hold every claim of `term` at `position`
// whose possible extent overlaps `window`, ascending and disjoint.
std::vector<std::pair<std::string, std::string>> TimeRanges(
    TimePosition position, uint64_t term, const Window& window);

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_TIME_INDEX_H_
