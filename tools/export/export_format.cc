// TSV and JSON Lines encodings of export fields; see export_format.h.
#include "tools/export/export_format.h"

#include "absl/strings/str_format.h"

namespace annals::exporter {
namespace {

void AppendTsvEscaped(std::string_view text, std::string* out) {
  for (char c : text) {
    switch (c) {
      case '\\':
        out->append("\\\\");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      default:
        out->push_back(c);
    }
  }
}

void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (u < 0x20 || u == 0x7f) {
          out->append(absl::StrFormat("\\u%04x", u));
        } else {
          out->push_back(c);  // UTF-8 as it is
        }
    }
  }
  out->push_back('"');
}

}  // namespace

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
      AppendTsvEscaped(fields[i], &line);
    } else {
      line.append(fields[i]);
    }
  }
  line.push_back('\n');
  return line;
}

std::string JsonLine(const ExportFields& fields) {
  std::string line = "{";
  for (int i = 0; i < kFieldCount; ++i) {
    if (fields[i].empty() && i > 2) continue;  // subject..object: always
    if (line.size() > 1) line.push_back(',');
    AppendJsonString(kFieldNames[i], &line);
    line.push_back(':');
    if (i == kConfidenceField) {
      line.append(fields[i]);
    } else {
      AppendJsonString(fields[i], &line);
    }
  }
  line.append("}\n");
  return line;
}

}  // namespace annals::exporter
