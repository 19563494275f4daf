// Opening a load file: picks the reader for its format (TSV, CSV or JSON
// Lines), by the --format flag or by the file's extension.
#ifndef ANNALS_LOAD_ROW_READER_H_
#define ANNALS_LOAD_ROW_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "annals/load.h"
#include "load/line_source.h"
#include "load/raw_row.h"

namespace annals::load {

struct ReaderOptions {
  // Longest accepted line (for CSV: record, quoted line breaks included), in
  // bytes without its line end. A longer one is a bad row, and is skipped
  // without being held in memory.
  int64_t max_line_bytes = int64_t{64} << 20;
  // Size of each read(2). Only tests need to change it.
  int64_t chunk_bytes = int64_t{4} << 20;
  // Read only this part of the file (OpenRowReaders sets it).
  LineRange part;
  // The header of a TSV/CSV part that does not start at the file's start.
  std::vector<Column> columns;
  // That part's file starts with the `#escapes=backslash` line (TSV only).
  bool tsv_escapes = false;
  // Header names and JSON keys that stand for columns (LoadOptions::columns).
  ColumnRenames renames;
  // RDF: the base IRI ("" for the file's own) and what goes before each
  // blank node label to make it the load's own (annals/rdf.h).
  std::string base_iri;
  // RDF read as Wikidata's statement model, labels in `language`
  // (load/wikidata_reader.h).
  bool wikidata = false;
  std::string language = "en";
  std::string blank_scope;
};

// Opens `path` with the reader for `format`; kAuto picks it by extension:
// .tsv/.txt -> TSV, .csv -> CSV, .jsonl/.ndjson/.json -> JSON Lines, .nt,
// .nq, .ttl, .trig -> RDF (one reader per file, never split). Fails
// when the file cannot be opened (NotFound "cannot open 'path': ..."), the
// extension is unknown, or, for TSV/CSV, the header is bad (InvalidArgument
// "path:1:col: ..."; not resumable). An empty file gives a reader with no
// rows.
absl::StatusOr<std::unique_ptr<RowReader>> OpenRowReader(
    const std::string& path, LoadFormat format, const ReaderOptions& options);

// The format of `path` by its extension (any case), as above; kAuto when the
// extension is not one of them or there is none.
LoadFormat FormatFromExtension(const std::string& path);

// Readers for up to `parts` consecutive parts of the file, to parse in
// parallel; together they read every row once, in order, with the right
// line numbers. Files that cannot be split safely (CSV, whose quoted fields
// may span lines) or are small get one reader. Fails as OpenRowReader.
absl::StatusOr<std::vector<std::unique_ptr<RowReader>>> OpenRowReaders(
    const std::string& path, LoadFormat format, const ReaderOptions& options,
    int parts);

}  // namespace annals::load

#endif  // ANNALS_LOAD_ROW_READER_H_
