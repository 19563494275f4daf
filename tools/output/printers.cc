// Result printers; see printers.h.
#include "tools/output/printers.h"

#include <algorithm>
#include <numeric>

#include "common/escape.h"
#include "tools/output/cell_text.h"

namespace annals::output {

std::optional<OutputMode> ParseOutputMode(absl::string_view name) {
  if (name == "table") return OutputMode::kTable;
  if (name == "csv") return OutputMode::kCsv;
  if (name == "tsv") return OutputMode::kTsv;
  if (name == "json") return OutputMode::kJson;
  if (name == "line") return OutputMode::kLine;
  return std::nullopt;
}

absl::string_view OutputModeName(OutputMode mode) {
  switch (mode) {
    case OutputMode::kTable:
      return "table";
    case OutputMode::kCsv:
      return "csv";
    case OutputMode::kTsv:
      return "tsv";
    case OutputMode::kJson:
      return "json";
    case OutputMode::kLine:
      return "line";
  }
  return "table";
}

std::vector<size_t> FitWidths(const std::vector<size_t>& natural, size_t width,
                              size_t gap) {
  if (width == 0 || natural.empty()) return natural;
  const size_t gaps = gap * (natural.size() - 1);
  auto total = [&](size_t cap) {
    size_t sum = gaps;
    for (size_t w : natural) sum += std::min(w, cap);
    return sum;
  };
  size_t cap = *std::max_element(natural.begin(), natural.end());
  constexpr size_t kMinCap = 3;
  while (cap > kMinCap && total(cap) > width) --cap;
  std::vector<size_t> fitted;
  for (size_t w : natural) fitted.push_back(std::min(w, cap));
  return fitted;
}

std::string PlainKey(const std::string& column) {
  if (column.size() > 1 && column[0] == '?') return column.substr(1);
  return column;
}

std::vector<std::string> TableLines(
    const std::vector<std::string>& columns,
    const std::vector<std::vector<std::string>>& cells, size_t width,
    bool* cut) {
  std::vector<size_t> natural(columns.size());
  for (size_t i = 0; i < columns.size(); ++i) {
    natural[i] = DisplayWidth(columns[i]);
  }
  for (const auto& row : cells) {
    for (size_t i = 0; i < row.size() && i < natural.size(); ++i) {
      natural[i] = std::max(natural[i], DisplayWidth(row[i]));
    }
  }
  const std::vector<size_t> fitted = FitWidths(natural, width);
  if (cut != nullptr) *cut = fitted != natural;
  auto line = [&](const std::vector<std::string>& row) {
    std::string out;
    for (size_t i = 0; i < row.size() && i < fitted.size(); ++i) {
      if (i) out += "  ";
      std::string cell = Truncate(row[i], fitted[i]);
      out += cell;
      if (i + 1 < row.size()) {
        out.append(fitted[i] - DisplayWidth(cell), ' ');
      }
    }
    return out;
  };
  std::vector<std::string> lines = {line(columns)};
  for (const auto& row : cells) lines.push_back(line(row));
  return lines;
}

namespace {

std::vector<std::vector<std::string>> Texts(const std::vector<Row>& rows) {
  std::vector<std::vector<std::string>> cells;
  for (const Row& row : rows) {
    std::vector<std::string> texts;
    for (const Cell& c : row) texts.push_back(CellText(c));
    cells.push_back(std::move(texts));
  }
  return cells;
}

void PrintJson(const std::vector<std::string>& columns,
               const std::vector<Row>& rows, bool plain_keys,
               std::ostream& out) {
  out << "[";
  for (size_t r = 0; r < rows.size(); ++r) {
    out << (r ? ",\n " : "") << "{";
    for (size_t i = 0; i < columns.size() && i < rows[r].size(); ++i) {
      const Cell& c = rows[r][i];
      out << (i ? ", " : "")
          << JsonString(plain_keys ? PlainKey(columns[i]) : columns[i]) << ": ";
      const bool value = c.kind == Cell::Kind::kValue;
      if (c.kind == Cell::Kind::kNull) {
        out << "null";
      } else if (value && (c.value.kind() == ValueKind::kInteger ||
                           c.value.kind() == ValueKind::kDecimal)) {
        out << c.value.ToString();
      } else {
        out << JsonString(CellText(c));
      }
    }
    out << "}";
  }
  out << "]\n";
}

void PrintSeparated(const std::vector<std::string>& columns,
                    const std::vector<Row>& rows, bool csv, bool plain_keys,
                    std::ostream& out) {
  const char* sep = csv ? "," : "\t";
  auto field = [&](const std::string& s) { return csv ? CsvField(s) : s; };
  for (size_t i = 0; i < columns.size(); ++i) {
    out << (i ? sep : "")
        << field(plain_keys ? PlainKey(columns[i]) : columns[i]);
  }
  out << "\n";
  for (const Row& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      out << (i ? sep : "") << field(CellText(row[i]));
    }
    out << "\n";
  }
}

void PrintLines(const std::vector<std::string>& columns,
                const std::vector<Row>& rows, std::ostream& out) {
  size_t name_width = 0;
  for (const auto& c : columns) name_width = std::max(name_width, c.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    if (r) out << "\n";
    for (size_t i = 0; i < columns.size() && i < rows[r].size(); ++i) {
      out << std::string(name_width - columns[i].size(), ' ') << columns[i]
          << " = " << CellText(rows[r][i]) << "\n";
    }
  }
}

}  // namespace

void PrintRows(const std::vector<std::string>& columns, const std::string& view,
               const std::vector<Row>& rows, const PrintOptions& options,
               std::ostream& out) {
  switch (options.mode) {
    case OutputMode::kJson:
      PrintJson(columns, rows, options.plain_keys, out);
      return;
    case OutputMode::kCsv:
    case OutputMode::kTsv:
      PrintSeparated(columns, rows, options.mode == OutputMode::kCsv,
                     options.plain_keys, out);
      return;
    case OutputMode::kLine:
      PrintLines(columns, rows, out);
      return;
    case OutputMode::kTable:
      break;
  }
  // Table: a header saying what the query saw, then aligned columns.
  out << "-- " << view << "\n";
  bool cut = false;
  for (const std::string& line :
       TableLines(columns, Texts(rows), options.width, &cut)) {
    out << line << "\n";
  }
  out << "(" << rows.size() << (rows.size() == 1 ? " row" : " rows") << ")\n";
  if (cut && !options.cut_hint.empty()) out << options.cut_hint << "\n";
}

absl::Status PrintResult(ResultSet& result, const PrintOptions& options,
                         std::ostream& out) {
  std::vector<Row> rows;
  absl::Status s = result.ReadAll(&rows);
  if (!s.ok()) return s;
  PrintRows(result.columns(), result.view(), rows, options, out);
  return absl::OkStatus();
}

}  // namespace annals::output
