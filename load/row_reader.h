// Opening a load file: picks the reader for its format (TSV, CSV or JSON
// Lines), by the --format flag or by the file's extension.
#ifndef ANNALS_LOAD_ROW_READER_H_
#define ANNALS_LOAD_ROW_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "load/raw_row.h"

namespace annals::load {

enum class Format { kAuto, kTsv, kCsv, kJsonl };

struct ReaderOptions {
  // Longest accepted line (for CSV: record, quoted line breaks included), in
  // bytes without its line end. A longer one is a bad row, and is skipped
  // without being held in memory.
  int64_t max_line_bytes = int64_t{64} << 20;
  // Size of each read(2). Only tests need to change it.
  int64_t chunk_bytes = int64_t{4} << 20;
};

// "tsv", "csv" or "jsonl" (case-insensitive; also "auto"), for a --format
// flag. InvalidArgument naming the supported formats otherwise.
absl::StatusOr<Format> ParseFormat(std::string_view name);

// Opens `path` with the reader for `format`; kAuto picks it by extension:
// .tsv/.txt -> TSV, .csv -> CSV, .jsonl/.ndjson/.json -> JSON Lines. Fails
// when the file cannot be opened (NotFound "cannot open 'path': ..."), the
// extension is unknown, or, for TSV/CSV, the header is bad (InvalidArgument
// "path:1:col: ..."; not resumable). An empty file gives a reader with no
// rows.
absl::StatusOr<std::unique_ptr<RowReader>> OpenRowReader(
    const std::string& path, Format format, const ReaderOptions& options);

}  // namespace annals::load

#endif  // ANNALS_LOAD_ROW_READER_H_
