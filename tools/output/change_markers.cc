// Change lists; see change_markers.h.
#include "tools/output/change_markers.h"

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
                                       bool colour) {
  // Align the cells as a table would (no header), then mark each line.
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> changes;
  for (const Row& row : rows) {
    std::vector<std::string> texts;
    for (const Cell& c : row) texts.push_back(CellText(c));
    changes.push_back(texts.empty() ? "" : texts[0]);
    cells.push_back(std::move(texts));
  }
  std::vector<std::string> lines =
      TableLines(std::vector<std::string>(columns.size()), cells, 0);
  std::vector<std::string> out;
  for (size_t i = 0; i < rows.size(); ++i) {
    std::string line =
        std::string(ChangeMarker(changes[i])) + " " + lines[i + 1];
    out.push_back(Paint(line, ChangeColour(changes[i]), colour));
  }
  return out;
}

}  // namespace annals::output
