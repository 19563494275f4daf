// CHANGES and DIFF results as a list of marked lines: `+` for a claim that
// began or was recorded, `-` for one that ended, `x` for one retracted, each
// followed by the word, the time and the claim; coloured (green, yellow, red)
// on a terminal.
#ifndef ANNALS_TOOLS_OUTPUT_CHANGE_MARKERS_H_
#define ANNALS_TOOLS_OUTPUT_CHANGE_MARKERS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "annals/result.h"

namespace annals::output {

// Whether `columns` are those of CHANGES and DIFF (change, at, claim, ...).
bool IsChangeList(const std::vector<std::string>& columns);

// `+`, `-`, `x` (or `?` for an unknown kind of change).
absl::string_view ChangeMarker(absl::string_view change);

// One line per row: marker, change word, time, then the other cells, in
// aligned columns, with ANSI colours when `colour`; long values are cut to
// fit `width` (0: no limit), as in a table.
std::vector<std::string> RenderChanges(const std::vector<std::string>& columns,
                                       const std::vector<Row>& rows,
                                       bool colour, size_t width = 0);

}  // namespace annals::output

#endif  // ANNALS_TOOLS_OUTPUT_CHANGE_MARKERS_H_
