// What running a statement gives the layer above: its columns, the view it
// read ("valid now, as currently recorded"), and its rows as a stream. The
// API wraps it in an annals::ResultSet.
#ifndef ANNALS_QUERY_QUERY_RESULT_H_
#define ANNALS_QUERY_QUERY_RESULT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "annals/result.h"

namespace annals::query {

// Produces a result's rows one at a time.
class RowSource {
 public:
  virtual ~RowSource() = default;
  // Fills *row and returns true, or returns false at the end (*status OK)
  // or on an error.
  virtual bool Next(Row* row, absl::Status* status) = 0;

  // From the next row on, cells that a source reads as entities or strings
  // from the store's terms may hold only their id (Cell::term, kind kValue,
  // an empty value) for the reader to look up once per distinct id with
  // Term(). For readers that share equal values (Python's df()); sources
  // that do not read terms ignore it.
  virtual void DeferTerms() {}
  // The value of term `id`, as the rows' snapshot has it.
  virtual absl::Status Term(uint64_t id, Value* out) {
    (void)id;
    (void)out;
    return absl::InternalError("this result reads no terms");
  }
};

struct QueryResult {
  std::vector<std::string> columns;
  std::string view;
  std::unique_ptr<RowSource> rows;
  // Said besides the rows: unknown names in a read, new names in a write.
  std::vector<std::string> notices;
};

// A result from rows computed up front (ASSERT, RETRACT, EXPLAIN, PATH).
QueryResult FixedResult(std::vector<std::string> columns, std::string view,
                        std::vector<Row> rows);
// A result of one `plan` column, a line a row (EXPLAIN).
QueryResult PlanResult(const std::vector<std::string>& lines, std::string view);

}  // namespace annals::query

#endif  // ANNALS_QUERY_QUERY_RESULT_H_
