// Timelines of HISTORY results drawn in the terminal: one lane per value,
// bars over the valid intervals on a shared time axis with year, month or
// day ticks, arrows for open ends, a shaded segment over the span of an end
// known only to the year or month, and the change points marked.
//
//   48 bcm/yr   █████████████████████████████████████████████
//   56 bcm/yr                                               ███▶
//   changes     ▲                                           ▲
//              ─┬───────┬───────┬──────┬───────┬───────┬────────
//               2020    2021    2022   2023    2024    2025
//
// An end known only to the year or month is shaded (░) over that span.
// Pure functions: rows or spans in, lines out.
#ifndef ANNALS_TOOLS_OUTPUT_TIMELINE_H_
#define ANNALS_TOOLS_OUTPUT_TIMELINE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "annals/result.h"
#include "annals/time.h"

namespace annals::output {

// One claim's valid time in one lane.
struct TimelineSpan {
  std::string lane;               // what holds: `56 bcm/yr`, `status planned`
  std::optional<TimePoint> from;  // nullopt: since forever
  std::optional<TimePoint> to;    // nullopt: still holds
};

// The spans of a HISTORY result (columns claim, [predicate,] value, from,
// to, ...): the lane is the value, after the predicate when there is a
// predicate column. Empty when the columns are not HISTORY's.
std::vector<TimelineSpan> SpansFromHistory(
    const std::vector<std::string>& columns, const std::vector<Row>& rows);

// The timeline's lines, each at most `width` columns (at least 30 are
// used), with ANSI colours when `colour`. Empty for no spans. At most 30
// lanes; a last line counts the values left out.
std::vector<std::string> RenderTimeline(const std::vector<TimelineSpan>& spans,
                                        size_t width, bool colour);

}  // namespace annals::output

#endif  // ANNALS_TOOLS_OUTPUT_TIMELINE_H_
