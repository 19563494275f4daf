// The C++ side of annals.Connection and annals.Result: an open Database
// shared by the connection and the results it gave, statements run and
// rows read with the GIL released.
//
// Thread safety: a Connection may be used from any number of Python threads
// (the Database serialises writes, reads run concurrently); a Result may
// too, its rows are read under a mutex.
#ifndef ANNALS_PYTHON_CONNECTION_H_
#define ANNALS_PYTHON_CONNECTION_H_

#include <pybind11/pybind11.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "annals/database.h"
#include "interrupt.h"

namespace annals::python {

class Result {
 public:
  // `cancel` is the one the statement runs with; `interrupts` its
  // connection's (rows are read as a cancellable call: interrupt.h).
  Result(std::shared_ptr<Database> db, std::unique_ptr<PreparedQuery> prepared,
         ResultSet rows, std::shared_ptr<Interrupts> interrupts,
         Cancellation cancel);

  pybind11::list columns() const;
  const std::string& view() const { return view_; }
  pybind11::list notices() const;

  pybind11::object FetchOne();  // a tuple, or None at the end
  pybind11::list FetchMany(int64_t n);
  pybind11::list FetchAll();
  pybind11::tuple Next();  // __next__: StopIteration at the end
  // The remaining rows by column, for df(): (columns, [one entry of
  // FrameBuilder::Finish per column]). Rows are read without the GIL.
  pybind11::tuple Frame();
  // Up to `n` next rows, which the fetch methods then give again (for
  // _repr_html_).
  pybind11::list Peek(int64_t n);

 private:
  // Reads up to `n` rows (all when n < 0) without the GIL, the peeked ones
  // first; `keep`: leaves them to be read again. Raises the query's error.
  std::vector<Row> Read(int64_t n, bool keep = false);
  // As Read, calling `each(const Row&)` on each row (without the GIL)
  // instead of keeping it.
  template <typename Fn>
  void ReadEach(int64_t n, bool keep, Fn&& each);

  std::vector<std::string> columns_;
  std::string view_;
  std::vector<std::string> notices_;
  std::mutex mu_;
  bool done_ = false;  // guarded by mu_
  // Destroyed in reverse order: the rows, then the statement they were run
  // from, then (if last) the database.
  std::shared_ptr<Database> db_;
  std::unique_ptr<PreparedQuery> prepared_;
  ResultSet rows_;            // guarded by mu_
  std::deque<Row> buffered_;  // guarded by mu_: peeked, not yet fetched
  std::shared_ptr<Interrupts> interrupts_;
  Cancellation cancel_;
};

class Connection {
 public:
  // `strict`: the default of Execute's and Load's `strict`.
  Connection(const std::string& path, bool read_only, bool create, bool strict);

  // Runs one statement; `params` is a dict of `$name` (or `name`) -> value,
  // or None.
  // `options` holds the QueryOptions given (default_at and default_as_of as
  // Python times; strict None: the connection's).
  std::unique_ptr<Result> Execute(
      const std::string& statement, pybind11::object params,
      pybind11::object at, pybind11::object as_of, pybind11::object timeout_ms,
      pybind11::object max_rows, pybind11::object max_path_nodes,
      pybind11::object threads, pybind11::object strict);
  LoadResult Load(
      const std::vector<std::string>& files, const std::string& format,
      const std::vector<std::pair<std::string, std::string>>& columns,
      const std::string& dates, bool skip_bad, const std::string& reject_file,
      bool dry_run, bool events, pybind11::object strict,
      pybind11::object progress, bool wikidata, const std::string& language);
  SchemaVersion SetSchema(const std::string& text, const std::string& file);
  SchemaVersion Schema();
  std::vector<SchemaVersion> SchemaHistory();
  StoreStats Stats();
  CheckResult Check();
  // Cancels the statements and loads of this connection under way, in any
  // thread: they raise QueryError or LoadError "... cancelled".
  void Interrupt() { interrupts_->InterruptAll(); }
  // Closes the store once no Result still reads it; later calls raise
  // annals.Error. Closing twice is fine.
  void Close();
  bool closed() const { return db_ == nullptr; }
  const std::string& path() const { return path_; }
  bool read_only() const { return read_only_; }
  bool strict() const { return strict_; }

 private:
  // The open database; annals.Error when closed.
  std::shared_ptr<Database> Get() const;
  // A call's `strict`: True, False, or None for the connection's.
  bool Strict(pybind11::handle strict) const;

  std::string path_;
  bool read_only_;
  bool strict_;
  std::shared_ptr<Database> db_;  // touched only with the GIL held
  std::shared_ptr<Interrupts> interrupts_ = std::make_shared<Interrupts>();
};

}  // namespace annals::python

#endif  // ANNALS_PYTHON_CONNECTION_H_
