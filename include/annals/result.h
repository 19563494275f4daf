// Query results: typed cells in named columns, streamed row by row, with the
// view the query read (valid time and transaction time) spelled out so that
// nobody mistakes "what holds now" for all of history.
//
// A ResultSet is for one thread; it keeps the snapshot it reads alive.
#ifndef ANNALS_RESULT_H_
#define ANNALS_RESULT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "annals/cancel.h"
#include "annals/time.h"
#include "annals/value.h"

namespace annals {

// One cell: nothing (an unbound OPTIONAL variable), a value (entity, string,
// number, quantity, date with its precision, claim id, boolean), or a
// valid-time interval.
struct Cell {
  enum class Kind : uint8_t { kNull, kValue, kInterval };
  Kind kind = Kind::kNull;
  Value value;
  Interval interval;
  // The store's id of `value` where a query read it from the store's terms
  // (an entity, string, number, source...), else 0. Within one result, two
  // cells with the same nonzero id hold equal values: a consumer can share
  // them (Python's df()) without comparing them.
  uint64_t term = 0;
  // `Gazprom`, `"text"`, `56 bcm/yr`, `2025-09-02`, `#c42`,
  // `[2025-09-02, ...)`, or empty for null.
  std::string ToString() const {
    switch (kind) {
      case Kind::kValue:
        return value.ToString();
      case Kind::kInterval:
        return interval.ToString();
      case Kind::kNull:
        break;
    }
    return "";
  }

  static Cell Of(Value v) {
    Cell c;
    c.kind = Kind::kValue;
    c.value = std::move(v);
    return c;
  }
  static Cell Of(Interval i) {
    Cell c;
    c.kind = Kind::kInterval;
    c.interval = std::move(i);
    return c;
  }
};

using Row = std::vector<Cell>;

// Limits a query runs within; each is reported clearly when reached
// (ResourceExhausted or DeadlineExceeded naming the limit).
struct QueryOptions {
  int64_t timeout_ms = 30000;       // 0: none
  int64_t max_rows = 1000000;       // rows a result may hold
  int64_t max_path_nodes = 100000;  // nodes a PATH search may visit
  // Threads a FIND with DISTINCT or ORDER BY (and no aggregate) may use to
  // gather its rows, when its first pattern matches many claims (each
  // thread follows the later patterns from a share of them). The rows and
  // their order are the same with any number. 0: one a core, at most 8;
  // 1: the calling thread only; at most 64.
  int threads = 0;
  // A default view for statements written without one (the shell's `.at`
  // and `.asof`). A FIND, DISPUTES or PATH with no AT or DURING of its own
  // reads `AT default_at`; a FIND pattern's own clause still wins for that
  // pattern. A read with no AS OF of its own reads `AS OF default_as_of`
  // (HISTORY and CHANGES take only this one; DIFF names its own times).
  // nullopt: what holds now, as currently recorded.
  std::optional<TimePoint> default_at;
  std::optional<TimePoint> default_as_of;
  // Strict: an ASSERT that would add a predicate the schema does not
  // declare is refused (InvalidArgument at the predicate, nothing written).
  // (Schemas declare predicates, not entities: new entity names are
  // allowed, and said in the result's notices.)
  bool strict = false;
  // Stops the statement from another thread or a signal handler
  // (annals/cancel.h): Query and Execute, and ResultSet::Next as rows stream,
  // then fail with CancelledError "statement cancelled". Keep a copy to
  // cancel with; a new QueryOptions has a flag of its own, not set.
  Cancellation cancel;
};

class ResultSet {
 public:
  ResultSet(ResultSet&&) noexcept;
  ResultSet& operator=(ResultSet&&) noexcept;
  ~ResultSet();

  const std::vector<std::string>& columns() const;
  // What the query saw, e.g. "valid now, as currently recorded" or
  // "valid at 2025-09-02, as recorded by the end of 2025-09-01".
  const std::string& view() const;
  // What the answer says besides its rows, one sentence each, known before
  // the first row: a name the store lacks in a read ("unknown name
  // 'Germny'; did you mean 'Germany'?": the pattern naming it matches
  // nothing, which is an answer, not an error), a name a write adds ("new
  // entity 'Rusia'; did you mean 'Russia'?"). Empty for most results.
  const std::vector<std::string>& notices() const;

  // Moves to the next row: true and row() is set; false at the end or on an
  // error, which status() then says (CancelledError once the query's
  // QueryOptions::cancel is cancelled). Rows are computed as they are asked
  // for.
  bool Next();
  const Row& row() const;
  absl::Status status() const;

  // Reads every remaining row.
  absl::Status ReadAll(std::vector<Row>* rows);

  // For readers that gather many rows and keep each distinct value once (a
  // column store, a DataFrame): from the next row to the end, a cell that
  // holds an entity or a string read from the store may carry only its id
  // (Cell::term; kind kValue, the value empty), to be looked up with
  // TermValue() once per distinct id. Rows a query gathers before handing
  // them out (ORDER BY, DISTINCT, aggregates) keep their values.
  void DeferTerms();
  // The value of term `id` of this result's rows, read from its snapshot.
  absl::Status TermValue(uint64_t id, Value* out);

 private:
  friend class Database;
  friend class PreparedQuery;
  struct Impl;
  explicit ResultSet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace annals

#endif  // ANNALS_RESULT_H_
