// How cells are written out as text (strings bare, as in psql; JSON strings
// and CSV fields are common/escape.h's), and the display width of UTF-8 text
// in terminal columns, with truncation that keeps characters whole.
#ifndef ANNALS_TOOLS_OUTPUT_CELL_TEXT_H_
#define ANNALS_TOOLS_OUTPUT_CELL_TEXT_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"
#include "annals/result.h"

namespace annals::output {

// `Gazprom`, `56 bcm/yr`, `2025-09-02`; a string without its quotes; empty
// for null.
std::string CellText(const Cell& cell);

// Terminal columns `s` takes: one per code point (no wide characters in the
// data Annals ships; control bytes count as one).
size_t DisplayWidth(absl::string_view s);
// `s` cut to at most `width` columns, ending in `…` when cut.
std::string Truncate(absl::string_view s, size_t width);

}  // namespace annals::output

#endif  // ANNALS_TOOLS_OUTPUT_CELL_TEXT_H_
