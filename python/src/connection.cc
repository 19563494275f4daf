// Connection and Result of connection.h: every call into the Database runs
// with the GIL released; Python objects are made only with it held.
#include "connection.h"

#include <utility>

#include "convert.h"
#include "errors.h"
#include "frame.h"
#include "gil.h"
#include "no_gc.h"

namespace py = pybind11;

namespace annals::python {
namespace {

py::tuple RowTuple(const Row& row) {
  py::tuple t(row.size());
  for (size_t i = 0; i < row.size(); ++i) {
    t[i] = ToPython(row[i]);
  }
  return t;
}

}  // namespace

Result::Result(std::shared_ptr<Database> db,
               std::unique_ptr<PreparedQuery> prepared, ResultSet rows,
               std::shared_ptr<Interrupts> interrupts, Cancellation cancel)
    : columns_(rows.columns()),
      view_(rows.view()),
      notices_(rows.notices()),
      db_(std::move(db)),
      prepared_(std::move(prepared)),
      rows_(std::move(rows)),
      interrupts_(std::move(interrupts)),
      cancel_(std::move(cancel)) {}

py::list Result::columns() const {
  Working working;
  py::list out;
  for (const std::string& c : columns_) out.append(c);
  return out;
}

py::list Result::notices() const {
  py::list out;
  for (const std::string& n : notices_) out.append(n);
  return out;
}

std::vector<Row> Result::Read(int64_t n, bool keep) {
  std::vector<Row> out;
  ReadEach(n, keep, [&out](const Row& row) { out.push_back(row); });
  return out;
}

template <typename Fn>
void Result::ReadEach(int64_t n, bool keep, Fn&& each) {
  absl::Status status;
  CancellableCall call(interrupts_, cancel_);  // Ctrl-C stops the reading
  {
    GilRelease release;
    std::lock_guard<std::mutex> lock(mu_);
    int64_t have = 0;
    auto wanted = [&] { return n < 0 || have < n; };
    // Rows a peek read come first.
    size_t taken = 0;
    for (; taken < buffered_.size() && wanted(); ++taken, ++have) {
      each(buffered_[taken]);
    }
    if (!keep) buffered_.erase(buffered_.begin(), buffered_.begin() + taken);
    while (!done_ && wanted()) {
      if (!rows_.Next()) {
        done_ = true;
        status = rows_.status();
        break;
      }
      each(rows_.row());
      ++have;
      if (keep) buffered_.push_back(rows_.row());
    }
  }
  call.RaiseIfInterrupted();
  if (!status.ok()) Raise(status, Doing::kQuery);
}

py::list Result::Peek(int64_t n) {
  Working working;
  py::list out;
  if (n <= 0) return out;
  std::vector<Row> rows = Read(n, /*keep=*/true);
  NoGc no_gc;
  for (const Row& row : rows) out.append(RowTuple(row));
  return out;
}

py::object Result::FetchOne() {
  Working working;
  std::vector<Row> rows = Read(1);
  if (rows.empty()) return py::none();
  return RowTuple(rows[0]);
}

py::list Result::FetchMany(int64_t n) {
  Working working;
  py::list out;
  if (n <= 0) return out;
  std::vector<Row> rows = Read(n);
  NoGc no_gc;
  for (const Row& row : rows) out.append(RowTuple(row));
  return out;
}

py::list Result::FetchAll() {
  Working working;
  py::list out;
  std::vector<Row> rows = Read(-1);
  NoGc no_gc;
  for (const Row& row : rows) out.append(RowTuple(row));
  return out;
}

py::tuple Result::Next() {
  Working working;
  std::vector<Row> rows = Read(1);
  if (rows.empty()) throw py::stop_iteration();
  return RowTuple(rows[0]);
}

py::tuple Result::Frame() {
  Working working;
  FrameBuilder frame(columns_.size());
  {
    // Entities and strings come as term ids, each looked up once below.
    std::lock_guard<std::mutex> lock(mu_);
    rows_.DeferTerms();
  }
  ReadEach(-1, /*keep=*/false, [&frame](const Row& row) { frame.Add(row); });
  absl::Status status;
  {
    GilRelease release;
    std::lock_guard<std::mutex> lock(mu_);
    status = frame.LookUpTerms(rows_);
  }
  if (!status.ok()) Raise(status, Doing::kQuery);
  return py::make_tuple(columns(), frame.Finish());
}

Connection::Connection(const std::string& path, bool read_only, bool create,
                       bool strict)
    : path_(path), read_only_(read_only), strict_(strict) {
  Working working;
  Options options;
  options.read_only = read_only;
  options.create_if_missing = create;
  absl::StatusOr<Database> db = absl::InternalError("not opened");
  {
    GilRelease release;
    db = Database::Open(path, options);
  }
  if (!db.ok()) Raise(db.status(), Doing::kOpen);
  db_ = std::make_shared<Database>(*std::move(db));
}

std::shared_ptr<Database> Connection::Get() const {
  if (db_ == nullptr) RaiseError("the connection to " + path_ + " is closed");
  return db_;
}

bool Connection::Strict(py::handle strict) const {
  if (strict.is_none()) return strict_;
  if (!py::isinstance<py::bool_>(strict)) {
    throw py::type_error("strict is True, False or None (the connection's)");
  }
  return strict.cast<bool>();
}

void Connection::Close() {
  if (Exiting()) {  // an atexit hook after annals' own: close, no waiting
    db_ = nullptr;
    return;
  }
  Working working;
  std::shared_ptr<Database> db = std::move(db_);
  db_ = nullptr;
  if (db.use_count() == 1) {
    // The last reference: closing RocksDB may wait for its threads.
    GilRelease release;
    db.reset();
  }
}

std::unique_ptr<Result> Connection::Execute(
    const std::string& statement, py::object params, py::object at,
    py::object as_of, py::object timeout_ms, py::object max_rows,
    py::object max_path_nodes, py::object threads, py::object strict) {
  Working working;
  QueryOptions options;
  if (!at.is_none()) options.default_at = TimeFromPython(at, "at");
  if (!as_of.is_none()) options.default_as_of = TimeFromPython(as_of, "as_of");
  if (!timeout_ms.is_none()) options.timeout_ms = timeout_ms.cast<int64_t>();
  if (!max_rows.is_none()) options.max_rows = max_rows.cast<int64_t>();
  if (!max_path_nodes.is_none()) {
    options.max_path_nodes = max_path_nodes.cast<int64_t>();
  }
  if (!threads.is_none()) options.threads = threads.cast<int>();
  options.strict = Strict(strict);
  std::shared_ptr<Database> db = Get();
  absl::StatusOr<PreparedQuery> prepared = absl::InternalError("not prepared");
  {
    GilRelease release;
    prepared = db->Prepare(statement);
  }
  if (!prepared.ok()) Raise(prepared.status(), Doing::kQuery);
  auto query = std::make_unique<PreparedQuery>(*std::move(prepared));
  if (!params.is_none()) {
    if (!py::isinstance<py::dict>(params)) {
      throw py::type_error("params must be a dict of $name -> value");
    }
    for (auto item : params.cast<py::dict>()) {
      if (!py::isinstance<py::str>(item.first)) {
        throw py::type_error("params' keys must be str (the $name)");
      }
      std::string name = item.first.cast<std::string>();
      if (!name.empty() && name[0] == '$') name.erase(0, 1);
      query->Bind(std::move(name), FromPython(item.second));
    }
  }
  absl::StatusOr<ResultSet> rows = absl::InternalError("not run");
  CancellableCall call(interrupts_, options.cancel);  // Ctrl-C stops it
  {
    GilRelease release;
    rows = query->Execute(options);
  }
  call.RaiseIfInterrupted();
  if (!rows.ok()) Raise(rows.status(), Doing::kQuery);
  return std::make_unique<Result>(std::move(db), std::move(query),
                                  *std::move(rows), interrupts_,
                                  options.cancel);
}

LoadResult Connection::Load(
    const std::vector<std::string>& files, const std::string& format,
    const std::vector<std::pair<std::string, std::string>>& columns,
    const std::string& dates, bool skip_bad, const std::string& reject_file,
    bool dry_run, bool events, py::object strict, py::object progress,
    bool wikidata, const std::string& language) {
  Working working;
  std::shared_ptr<Database> db = Get();
  LoadOptions options;
  if (format == "tsv") {
    options.format = LoadFormat::kTsv;
  } else if (format == "csv") {
    options.format = LoadFormat::kCsv;
  } else if (format == "jsonl") {
    options.format = LoadFormat::kJsonl;
  } else if (format == "nt") {
    options.format = LoadFormat::kNTriples;
  } else if (format == "nq") {
    options.format = LoadFormat::kNQuads;
  } else if (format == "ttl") {
    options.format = LoadFormat::kTurtle;
  } else if (format == "trig") {
    options.format = LoadFormat::kTriG;
  } else if (!format.empty() && format != "auto") {
    throw py::value_error(
        "format must be None, 'tsv', 'csv', 'jsonl', 'nt', 'nq', 'ttl' or "
        "'trig', not '" +
        format + "'");
  }
  if (dates == "unknown-digits") {
    options.dates = DateFormat::kUnknownDigits;
  } else if (!dates.empty() && dates != "iso") {
    throw py::value_error(
        "dates must be None, 'iso' or 'unknown-digits', not '" + dates + "'");
  }
  options.columns = columns;
  options.skip_bad = skip_bad;
  options.reject_file = reject_file;
  options.dry_run = dry_run;
  options.events = events;
  options.strict = Strict(strict);
  if (!language.empty() && !wikidata) {
    throw py::value_error("lang is for wikidata loads: give wikidata=True");
  }
  options.wikidata = wikidata;
  if (!language.empty()) options.language = language;
  // The callback runs on a loading thread: it takes the GIL, and its first
  // exception is kept (later calls are skipped) and raised once the load
  // has finished.
  struct Progress {
    py::object fn;
    std::optional<py::error_already_set> error;
  } state{progress, std::nullopt};
  if (!progress.is_none()) {
    options.progress = [&state](const LoadProgress& p) {
      // At interpreter exit taking the GIL would end this loading thread.
      if (Exiting() || _Py_IsFinalizing()) return;
      py::gil_scoped_acquire acquire;
      if (state.error.has_value()) return;
      try {
        state.fn(p);
      } catch (py::error_already_set& e) {
        state.error = std::move(e);
      }
    };
  }
  absl::StatusOr<LoadResult> result = absl::InternalError("not loaded");
  CancellableCall call(interrupts_, options.cancel);  // Ctrl-C stops it
  {
    GilRelease release;
    result = db->Load(files, options);
  }
  call.RaiseIfInterrupted();
  if (state.error.has_value()) throw std::move(*state.error);
  if (!result.ok()) Raise(result.status(), Doing::kLoad);
  return *std::move(result);
}

SchemaVersion Connection::SetSchema(const std::string& text,
                                    const std::string& file) {
  Working working;
  std::shared_ptr<Database> db = Get();
  absl::StatusOr<SchemaVersion> version = absl::InternalError("not set");
  {
    GilRelease release;
    version = db->SetSchema(text, file);
  }
  if (!version.ok()) Raise(version.status(), Doing::kSchema);
  return *std::move(version);
}

SchemaVersion Connection::Schema() {
  Working working;
  std::shared_ptr<Database> db = Get();
  absl::StatusOr<SchemaVersion> version = absl::InternalError("not read");
  {
    GilRelease release;
    version = db->GetSchema();
  }
  if (!version.ok()) Raise(version.status(), Doing::kSchema);
  return *std::move(version);
}

std::vector<SchemaVersion> Connection::SchemaHistory() {
  Working working;
  std::shared_ptr<Database> db = Get();
  absl::StatusOr<std::vector<SchemaVersion>> versions =
      absl::InternalError("not read");
  {
    GilRelease release;
    versions = db->SchemaHistory();
  }
  if (!versions.ok()) Raise(versions.status(), Doing::kSchema);
  return *std::move(versions);
}

StoreStats Connection::Stats() {
  Working working;
  std::shared_ptr<Database> db = Get();
  absl::StatusOr<StoreStats> stats = absl::InternalError("not read");
  {
    GilRelease release;
    stats = db->Stats();
  }
  if (!stats.ok()) Raise(stats.status(), Doing::kOther);
  return *std::move(stats);
}

CheckResult Connection::Check() {
  Working working;
  std::shared_ptr<Database> db = Get();
  absl::StatusOr<CheckResult> check = absl::InternalError("not checked");
  {
    GilRelease release;
    check = db->Check();
  }
  if (!check.ok()) Raise(check.status(), Doing::kOther);
  return *std::move(check);
}

}  // namespace annals::python
