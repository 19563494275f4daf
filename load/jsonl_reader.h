// RowReader for JSON Lines: each non-blank line is one flat JSON object whose
// keys are column names (case-insensitive) and whose values are strings,
// numbers, booleans or null.
#ifndef ANNALS_LOAD_JSONL_READER_H_
#define ANNALS_LOAD_JSONL_READER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "load/line_source.h"
#include "load/raw_row.h"
#include "load/row_reader.h"

namespace annals::load {

// Rows have `present` set for the keys given with a non-null value; null
// gives present=false, json=kNull. subject, predicate and object must be
// given and not null (else a bad row), so they are always present.
class JsonlReader : public RowReader {
 public:
  // Opens `path`; fails only on I/O errors ("cannot open 'path': ...").
  // Keys are column names, or names options.renames maps to columns.
  static absl::StatusOr<std::unique_ptr<JsonlReader>> Open(
      const std::string& path, const ReaderOptions& options);

  bool Next(RawRow* row) override;
  absl::Status status() const override { return status_; }
  int64_t bytes_read() const override { return source_->bytes_read(); }
  int64_t bytes_total() const override { return source_->bytes_total(); }

 private:
  JsonlReader(std::unique_ptr<LineSource> source, ColumnRenames renames);

  absl::Status ParseLine(std::string_view line, RawRow* row);
  // The value at line[*pos], for `field` of column `index`.
  absl::Status ParseValue(std::string_view line, size_t* pos, int index,
                          RawField* field);
  // The string whose opening quote is at line[*pos]; *pos moves past its
  // closing quote. *text views the line, or scratch_ when it had escapes.
  absl::Status ParseString(std::string_view line, size_t* pos,
                           std::string_view* text);
  absl::Status ErrorAt(size_t offset, std::string_view message) const;

  std::unique_ptr<LineSource> source_;
  const ColumnRenames renames_;  // keys that stand for columns
  absl::Status status_;
  // Unescaped strings of the current line. Sized to the line before parsing
  // (unescaping never lengthens text), so views into it stay valid.
  std::string scratch_;
  char* out_ = nullptr;  // next free byte of scratch_
};

}  // namespace annals::load

#endif  // ANNALS_LOAD_JSONL_READER_H_
