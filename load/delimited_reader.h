// RowReader for tab- and comma-separated files: TSV (fields literal, no
// quoting) and CSV (RFC 4180 quoting, quoted fields may span lines). The first
// non-blank line is a header naming the columns. A TSV file whose first line
// is `#escapes=backslash` (kTsvEscapesLine; `annals export` writes it) has
// its header on the next line and backslash escapes in every field: `\t`
// tab, `\n` line feed, `\r` carriage return, `\\` backslash; any other
// backslash is a bad row.
#ifndef ANNALS_LOAD_DELIMITED_READER_H_
#define ANNALS_LOAD_DELIMITED_READER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "load/line_source.h"
#include "load/raw_row.h"
#include "load/row_reader.h"

namespace annals::load {

// The first line of a TSV file whose fields have backslash escapes.
inline constexpr std::string_view kTsvEscapesLine = "#escapes=backslash";

class DelimitedReader : public RowReader {
 public:
  enum class Dialect { kTsv, kCsv };

  // Opens `path` and reads its header, with options.renames applied. Fails on
  // I/O errors and on a bad header (InvalidArgument "path:line:col: ...":
  // unknown, duplicated or missing required column, or a rename of a name
  // the header does not have). A file with no header (empty, or only blank
  // lines) gives a reader with no rows.
  static absl::StatusOr<std::unique_ptr<DelimitedReader>> Open(
      const std::string& path, Dialect dialect, const ReaderOptions& options);

  bool Next(RawRow* row) override;
  absl::Status status() const override { return status_; }
  int64_t bytes_read() const override { return source_->bytes_read(); }
  int64_t bytes_total() const override { return source_->bytes_total(); }

  // The file's columns in header order (empty for an empty file).
  const std::vector<Column>& columns() const { return columns_; }
  // The file starts with kTsvEscapesLine.
  bool escapes() const { return escapes_; }

 private:
  // One field of the current record: where its text is, and where its first
  // byte (the opening quote, for a quoted CSV field) is in the record.
  struct Span {
    size_t begin;  // in the record, or in scratch_ when unescaped
    size_t size;
    size_t raw_begin;
    bool in_scratch;
  };

  DelimitedReader(std::unique_ptr<LineSource> source, Dialect dialect);

  absl::Status ReadHeader(const ColumnRenames& renames);
  // Splits *record into spans_; a CSV record may grow to further lines.
  absl::Status Split(std::string_view* record);
  absl::Status SplitCsv(std::string_view* record);
  // Unescapes the TSV field spans_.back() into scratch_ (escapes_ only).
  absl::Status UnescapeTsv(std::string_view record);
  // Checks field count and UTF-8 of a split record.
  absl::Status CheckRecord(std::string_view record) const;
  // Line and 1-based column of byte `offset` of the current record.
  std::pair<int64_t, int64_t> Locate(std::string_view record,
                                     size_t offset) const;
  absl::Status ErrorAt(std::string_view record, size_t offset,
                       std::string_view message) const;
  std::string_view SpanText(std::string_view record, const Span& span) const;

  std::unique_ptr<LineSource> source_;
  const Dialect dialect_;
  std::vector<Column> columns_;  // header order
  RawRow empty_row_;             // header columns present with empty text
  absl::Status status_;
  bool multiline_ = false;  // the current CSV record spans lines
  bool escapes_ = false;    // TSV fields have backslash escapes
  std::vector<Span> spans_;
  std::string scratch_;  // unescaped CSV fields of the current record
};

}  // namespace annals::load

#endif  // ANNALS_LOAD_DELIMITED_READER_H_
