// Format selection for load files (see row_reader.h).
#include "load/row_reader.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "load/delimited_reader.h"
#include "load/jsonl_reader.h"
#include "load/reader_util.h"

namespace annals::load {
namespace {

// Format for the extension of `path`, or kAuto when it is not known.
Format FormatFromExtension(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  const size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
    return Format::kAuto;
  }
  const std::string ext = absl::AsciiStrToLower(path.substr(dot + 1));
  if (ext == "tsv" || ext == "txt") return Format::kTsv;
  if (ext == "csv") return Format::kCsv;
  if (ext == "jsonl" || ext == "ndjson" || ext == "json") return Format::kJsonl;
  return Format::kAuto;
}

}  // namespace

absl::StatusOr<Format> ParseFormat(std::string_view name) {
  const std::string lower = absl::AsciiStrToLower(AbslView(name));
  if (lower == "tsv") return Format::kTsv;
  if (lower == "csv") return Format::kCsv;
  if (lower == "jsonl") return Format::kJsonl;
  if (lower == "auto") return Format::kAuto;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown format '", AbslView(name),
                   "'; supported formats are tsv, csv and jsonl"));
}

absl::StatusOr<std::unique_ptr<RowReader>> OpenRowReader(
    const std::string& path, Format format, const ReaderOptions& options) {
  if (format == Format::kAuto) {
    format = FormatFromExtension(path);
    if (format == Format::kAuto) {
      return absl::InvalidArgumentError(absl::StrCat(
          "cannot tell the format of '", path,
          "' from its extension; use .tsv or .txt (TSV), .csv (CSV), "
          ".jsonl, .ndjson or .json (JSON Lines), or give the format"));
    }
  }
  switch (format) {
    case Format::kTsv:
    case Format::kCsv: {
      auto reader = DelimitedReader::Open(path,
                                          format == Format::kTsv
                                              ? DelimitedReader::Dialect::kTsv
                                              : DelimitedReader::Dialect::kCsv,
                                          options);
      if (!reader.ok()) return reader.status();
      return std::unique_ptr<RowReader>(std::move(*reader));
    }
    case Format::kJsonl: {
      auto reader = JsonlReader::Open(path, options);
      if (!reader.ok()) return reader.status();
      return std::unique_ptr<RowReader>(std::move(*reader));
    }
    case Format::kAuto:
      break;
  }
  return absl::InternalError("unreachable");
}

}  // namespace annals::load
