// Result printers for `annals query` and the shell: table (aligned columns
// under a header naming the view, fitted to a width), csv, tsv, json and
// line (one `column = value` per line, a blank line between rows).
#ifndef ANNALS_TOOLS_OUTPUT_PRINTERS_H_
#define ANNALS_TOOLS_OUTPUT_PRINTERS_H_

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "annals/result.h"

namespace annals::output {

enum class OutputMode { kTable, kCsv, kTsv, kJson, kLine };

// "table", "csv", "tsv", "json", "line"; nullopt for anything else.
std::optional<OutputMode> ParseOutputMode(absl::string_view name);
absl::string_view OutputModeName(OutputMode mode);

struct PrintOptions {
  OutputMode mode = OutputMode::kTable;
  // Table mode only: the widest a line may be, in terminal columns; long
  // values are cut and end in `…`. 0: no limit.
  size_t width = 0;
  // Table mode only: a line printed after the row count when a value was
  // cut to fit `width` (e.g. a hint to `.mode line`); empty: none.
  std::string cut_hint;
  // csv, tsv and json: column names without their leading `?` (`x`, not
  // `?x`), as other tools name columns.
  bool plain_keys = false;
};

// `column` as PrintOptions::plain_keys names it: without a leading `?`.
std::string PlainKey(const std::string& column);

// Widths of columns whose widest cells are `natural`, so that they and the
// gaps of `gap` between them fit in `width`: the widest columns shrink first,
// none below 3 (or its natural width). 0: `natural` unchanged.
std::vector<size_t> FitWidths(const std::vector<size_t>& natural, size_t width,
                              size_t gap = 2);

// A table's lines (without the view header and the row count): the header
// and one line per row, columns two spaces apart, the last one unpadded.
// *cut (when given) says whether a value or name was cut to fit `width`.
std::vector<std::string> TableLines(
    const std::vector<std::string>& columns,
    const std::vector<std::vector<std::string>>& cells, size_t width,
    bool* cut = nullptr);

// Prints rows already read, in `options.mode`.
void PrintRows(const std::vector<std::string>& columns, const std::string& view,
               const std::vector<Row>& rows, const PrintOptions& options,
               std::ostream& out);

// Reads every row of `result` and prints them; the error of the read, if any
// (then nothing is printed).
absl::Status PrintResult(ResultSet& result, const PrintOptions& options,
                         std::ostream& out);

}  // namespace annals::output

#endif  // ANNALS_TOOLS_OUTPUT_PRINTERS_H_
