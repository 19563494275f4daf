// One input row as a reader sees it: the text of each known column and where it
// stands in the file, before any typing. Readers (TSV/CSV, JSON Lines) produce
// RawRows; RowDecoder turns them into typed claims and reports errors at
// file:line:column.
#ifndef ANNALS_LOAD_RAW_ROW_H_
#define ANNALS_LOAD_RAW_ROW_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace annals::load {

// The columns a load file may have. Header names are matched
// case-insensitively. DO NOT reorder: used as array indexes only (not
// persisted), but kept stable for readability of error messages and tests.
enum class Column : int {
  kSubject = 0,
  kPredicate,
  kObject,
  kValidFrom,
  kValidTo,
  kRecordedAt,
  kSource,
  kBy,
  kConfidence,
  kObjectType,  // entity|string|integer|decimal|boolean|date|quantity
};
inline constexpr int kColumnCount = 10;

// Header name of a column ("valid_from"), and the reverse (nullopt-like -1).
std::string_view ColumnName(Column c);
int ColumnFromName(std::string_view header_name);  // -1 when unknown

// A name that stands for a column in the files of a load
// (LoadOptions::columns): header name or JSON key `start` for valid_from.
struct ColumnRename {
  std::string name;  // as given; matched case-insensitively
  Column column;
};
using ColumnRenames = std::vector<ColumnRename>;

// Checks LoadOptions::columns and resolves its Annals column names:
// InvalidArgument "column mapping start:valid_fro: unknown column ...", or
// for an empty name, a name mapped twice or a column named by two names.
absl::StatusOr<ColumnRenames> ResolveColumnRenames(
    const std::vector<std::pair<std::string, std::string>>& columns);

// The column of a header name or JSON key: a rename of it first, then its own
// name; -1 when it is neither. *rename (may be null) is the index of the
// rename used, or -1.
int ColumnFromName(std::string_view header_name, const ColumnRenames& renames,
                   int* rename);

// JSON Lines values keep their JSON kind so that 56 and "56" can differ.
enum class JsonKind : uint8_t { kNone = 0, kString, kNumber, kBool, kNull };

struct RawField {
  std::string_view
      text;            // unescaped text; valid until the reader's next Next()
  int32_t column = 0;  // 1-based byte column of the field's first byte
  bool present =
      false;  // false: column absent from the file or JSON key absent
  JsonKind json = JsonKind::kNone;  // kNone for TSV/CSV
};

struct RawRow {
  int64_t line = 0;  // 1-based line number in the file
  std::array<RawField, kColumnCount> fields;
  // When the claim was retracted: RDF `annals export --claims` files only
  // (annals:retractedAt), not a column of TSV, CSV or JSON Lines.
  RawField retracted_at;
  const RawField& operator[](Column c) const {
    return fields[static_cast<int>(c)];
  }
  RawField& operator[](Column c) { return fields[static_cast<int>(c)]; }
};

// A reader of one file. Next() returns true with *row filled, false at end of
// file (status() then says whether the end was clean). A malformed row makes
// Next() return false with a non-OK status(); when the caller skips bad rows
// it calls Next() again, which resumes at the following line.
class RowReader {
 public:
  virtual ~RowReader() = default;
  // Returns true and fills *row, or false at the end or on a bad row.
  virtual bool Next(RawRow* row) = 0;
  // After Next() returned false: OK at a clean end of file; InvalidArgument
  // "file:line:column: reason" for a malformed row (resumable by calling
  // Next() again); another code for an I/O error (not resumable).
  virtual absl::Status status() const = 0;
  // Bytes consumed so far and the file size (for progress), 0 if unknown.
  virtual int64_t bytes_read() const = 0;
  virtual int64_t bytes_total() const = 0;
  // RDF files: the prefixes declared so far (name, namespace IRI), and the
  // last row's statement as an N-Triples/N-Quads line (for the reject file).
  virtual std::vector<std::pair<std::string, std::string>> prefixes() const {
    return {};
  }
  virtual std::string StatementText() const { return {}; }
};

}  // namespace annals::load

#endif  // ANNALS_LOAD_RAW_ROW_H_
