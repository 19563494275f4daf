// The declarative query test format of tests/queries/*.test (described in
// tests/queries/README.md): a dataset line, then blocks separated by blank
// lines, each a statement with the result or error it must give. This file
// only reads the format; query_runner_test.cc runs it.
#ifndef ANNALS_TESTS_QUERY_RUNNER_TEST_FILE_H_
#define ANNALS_TESTS_QUERY_RUNNER_TEST_FILE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace annals::test {

// One block of a test file.
struct TestStep {
  enum class Kind {
    kStatementOk,     // `statement ok`: the statement succeeds
    kStatementError,  // `statement error <fragment>`: it fails, saying that
    kQuery,           // `query [ordered]`: it gives these rows
    kExplain,         // `explain`: EXPLAIN of it prints this plan
    kRestart,         // `restart`: close and reopen the store
    kSchema,          // `schema`: the lines after it become the schema
    kLoad,            // `load`: the lines after it (TSV) are loaded
  };
  Kind kind = Kind::kStatementOk;
  int line = 0;           // of the directive, 1-based
  std::string directive;  // the directive line as written
  std::string statement;  // its lines joined by '\n' (schema, TSV)
  // kStatementError: each must appear in the error (`CODE: message`).
  std::vector<std::string> error_fragments;
  bool ordered = false;                             // `query ordered`
  std::optional<std::string> view;                  // `view <text>`
  std::optional<std::vector<std::string>> columns;  // `columns a<TAB>b`
  std::vector<std::string> notices;                 // `notice <text>`...
  std::vector<std::string> expected;  // rows, cells joined by tabs
};

struct TestFile {
  std::string path;
  std::string dataset;  // datasets/<dataset>/claims.tsv; empty: none
  std::vector<TestStep> steps;
};

// Parses the text of a test file; `path` is for messages. InvalidArgument
// "path:line: reason" on a malformed file.
absl::StatusOr<TestFile> ParseTestFile(std::string_view path,
                                       std::string_view text);

// Reads and parses the file at `path`.
absl::StatusOr<TestFile> ReadTestFile(const std::string& path);

}  // namespace annals::test

#endif  // ANNALS_TESTS_QUERY_RUNNER_TEST_FILE_H_
