// Change lists; see change_markers.h.
#include "tools/output/change_markers.h"

#include <algorithm>

#include "tools/output/ansi.h"
#include "tools/output/cell_text.h"
#include "tools/output/printers.h"

namespace annals::output {

bool IsChangeList(const std::vector<std::string>& columns) {
  return columns.size() >= 3 && columns[0] == "change" && columns[1] == "at" &&
         columns[2] == "claim";
}

absl::string_view ChangeMarker(absl::string_view change) {
  if (change == "began" || change == "recorded") return "+";
  if (change == "ended") return "-";
  if (change == "retracted") return "x";
  return "?";
}

namespace {
absl::string_view ChangeColour(absl::string_view change) {
  if (change == "began" || change == "recorded") return kGreen;
  if (change == "ended") return kYellow;
  if (change == "retracted") return kRed;
  return "";
}
}  // namespace

std::vector<std::string> RenderChanges(const std::vector<std::string>& columns,
                                       const std::vector<Row>& rows,
                                       bool colour, size_t width) {
  // Align the cells as a table would (no header), then mark each line. The
  // change, its time and the claim keep their width; the rest fit what is
  // left.
  constexpr size_t kKept = 3;
  std::vector<std::vector<std::string>> kept, rest;
  std::vector<std::string> changes;
  for (const Row& row : rows) {
    std::vector<std::string> texts;
    for (const Cell& c : row) texts.push_back(CellText(c));
    changes.push_back(texts.empty() ? "" : texts[0]);
    const size_t split = std::min(kKept, texts.size());
    kept.emplace_back(texts.begin(), texts.begin() + split);
    rest.emplace_back(texts.begin() + split, texts.end());
  }
  const size_t split = std::min(kKept, columns.size());
  std::vector<std::string> left =
      TableLines(std::vector<std::string>(split), kept, 0);
  size_t used = 0;  // marker, kept columns, gap
  for (const auto& line : left) used = std::max(used, DisplayWidth(line));
  used += 4;
  std::vector<std::string> right =
      TableLines(std::vector<std::string>(columns.size() - split), rest,
                 width == 0          ? 0
                 : width > used + 10 ? width - used
                                     : 10);
  std::vector<std::string> out;
  for (size_t i = 0; i < rows.size(); ++i) {
    std::string line =
        std::string(ChangeMarker(changes[i])) + " " + left[i + 1];
    if (!right[i + 1].empty()) line += "  " + right[i + 1];
    out.push_back(Paint(line, ChangeColour(changes[i]), colour));
  }
  return out;
}

}  // namespace annals::output
