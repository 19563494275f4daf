// TSV, CSV and JSON Lines encodings of export fields; see export_format.h.
#include "tools/export/export_format.h"

#include "common/escape.h"

namespace annals::exporter {

bool NeedsTsvEscapes(std::string_view text) {
  return text.find_first_of("\t\n\r") != std::string_view::npos;
}

std::string TsvHeader() {
  std::string line;
  for (int i = 0; i < kFieldCount; ++i) {
    if (i > 0) line.push_back('\t');
    line.append(kFieldNames[i]);
  }
  line.push_back('\n');
  return line;
}

std::string TsvLine(const ExportFields& fields, bool escape) {
  std::string line;
  for (int i = 0; i < kFieldCount; ++i) {
    if (i > 0) line.push_back('\t');
    if (escape) {
      line.append(TsvEscaped(fields[i]));
    } else {
      line.append(fields[i]);
    }
  }
  line.push_back('\n');
  return line;
}

std::string CsvHeader() {
  std::string line;
  for (int i = 0; i < kFieldCount; ++i) {
    if (i > 0) line.push_back(',');
    line.append(kFieldNames[i]);
  }
  line.append("\r\n");
  return line;
}

std::string CsvLine(const ExportFields& fields) {
  std::string line;
  for (int i = 0; i < kFieldCount; ++i) {
    if (i > 0) line.push_back(',');
    line.append(CsvField(fields[i]));
  }
  line.append("\r\n");
  return line;
}

std::string JsonLine(const ExportFields& fields) {
  std::string line = "{";
  for (int i = 0; i < kFieldCount; ++i) {
    if (fields[i].empty() && i > 2) continue;  // subject..object: always
    if (line.size() > 1) line.push_back(',');
    line.append(JsonString(kFieldNames[i]));
    line.push_back(':');
    if (i == kConfidenceField) {
      line.append(fields[i]);
    } else {
      line.append(JsonString(fields[i]));
    }
  }
  line.append("}\n");
  return line;
}

}  // namespace annals::exporter
