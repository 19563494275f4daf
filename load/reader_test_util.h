// Test helpers for the row readers (tests only): files under a fresh temporary
// directory, and reading a whole file into comparable values.
#ifndef ANNALS_LOAD_READER_TEST_UTIL_H_
#define ANNALS_LOAD_READER_TEST_UTIL_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "load/raw_row.h"
#include "tests/support/temp_dir.h"

namespace annals::load::test_util {

// Writes `content` to a new file `name` in a temporary directory made once
// per test process (removed at its exit), and returns its path.
inline std::string WriteTempFile(const std::string& name,
                                 std::string_view content) {
  static const ::annals::test::TempDir dir("annals_load");
  const std::string path = dir.Join(name);
  EXPECT_TRUE(::annals::test::WriteFile(path, content)) << path;
  return path;
}

// A row as plain values: for each column "-" when absent, else its text;
// plus the line and the columns where the fields start.
struct RowValues {
  int64_t line = 0;
  std::vector<std::string> texts;  // kColumnCount entries
  std::vector<int> columns;        // 0 when absent
};

inline RowValues Values(const RawRow& row) {
  RowValues v;
  v.line = row.line;
  for (const RawField& f : row.fields) {
    v.texts.push_back(f.present ? std::string(f.text) : "-");
    v.columns.push_back(f.present ? f.column : 0);
  }
  return v;
}

// Reads rows until the end, recording each bad row's status and skipping it.
struct ReadResult {
  std::vector<RowValues> rows;
  std::vector<std::string> errors;  // status messages of bad rows
  absl::Status end;                 // status at the end (OK or I/O error)
};

inline ReadResult ReadAll(RowReader& reader, int max_errors = 100) {
  ReadResult result;
  RawRow row;
  for (;;) {
    if (reader.Next(&row)) {
      result.rows.push_back(Values(row));
      continue;
    }
    const absl::Status status = reader.status();
    if (status.code() == absl::StatusCode::kInvalidArgument &&
        static_cast<int>(result.errors.size()) < max_errors) {
      result.errors.push_back(std::string(status.message()));
      continue;
    }
    result.end = status;
    return result;
  }
}

}  // namespace annals::load::test_util

#endif  // ANNALS_LOAD_READER_TEST_UTIL_H_
