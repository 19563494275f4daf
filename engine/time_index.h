// Days of the valid-time index (time_classes.h). Day `d` (floor of seconds
// / 86400) is the tree day `d + 2^23`, clamped to 1 .. 2^24-1 (about 23,000
// years either side of 1970; beyond, claims only become extra candidates,
// which the scans drop on the exact check). A claim's extent is its possible
// valid time as closed tree days [lo, hi] (open ends: 1 and 2^24-1).
#ifndef ANNALS_ENGINE_TIME_INDEX_H_
#define ANNALS_ENGINE_TIME_INDEX_H_

#include <cstdint>
#include <string>
#include <utility>

#include "annals/time.h"
#include "engine/claim_record.h"

namespace annals::engine {

// Which id leads a time-index key: the subject, the predicate or the object.
enum class TimePosition : char {
  kSubject = 's',
  kPredicate = 'p',
  kObject = 'o'
};

// A claim's extent in tree days.
struct TreeExtent {
  uint32_t lo, hi;
};
TreeExtent ExtentOf(const ClaimRecord& row);
// The closed tree days [a, b] a window of seconds covers (open ends: 1 and
// 2^24-1), and the day (since 1970-01-01) of a tree day.
std::pair<uint32_t, uint32_t> WindowTreeDays(const Window& window);
int64_t TreeDayToDay(uint32_t tree_day);

// The prefix of every key of `term` at `position`.
std::string TimePrefix(TimePosition position, uint64_t term);

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_TIME_INDEX_H_
