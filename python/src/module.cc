// annals._annals: the pybind11 module under the `annals` package. It binds
// Connection and Result (connection.h) and the plain records the API
// returns; annals/__init__.py adds the Python-side conveniences.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "annals/database.h"
#include "connection.h"
#include "convert.h"
#include "errors.h"
#include "gil.h"

namespace py = pybind11;

namespace annals::python {
namespace {

template <typename T>
void InAnnals(py::class_<T>& cls) {
  cls.attr("__module__") = "annals";
}

void BindRecords(py::module_& m) {
  py::class_<LoadProgress> progress(m, "LoadProgress", R"(
How far a running load is; given to the `progress` callback of
Connection.load about every 100,000 rows.)");
  progress.def_readonly("rows", &LoadProgress::rows, "Data rows read so far.")
      .def_readonly("bytes_read", &LoadProgress::bytes_read,
                    "Bytes read so far, of all files.")
      .def_readonly("bytes_total", &LoadProgress::bytes_total,
                    "Bytes of all files (0 if unknown).")
      .def_readonly("seconds", &LoadProgress::seconds,
                    "Seconds since the load started.")
      .def("__repr__", [](const LoadProgress& p) {
        return absl::StrCat(
            "LoadProgress(rows=", p.rows, ", bytes_read=", p.bytes_read,
            ", bytes_total=", p.bytes_total, ", seconds=", p.seconds, ")");
      });
  InAnnals(progress);

  py::class_<LoadResult> summary(m, "LoadSummary", R"(
What a load did (Connection.load, load_dataframe).)");
  summary.def_readonly("rows", &LoadResult::rows, "Data rows read.")
      .def_readonly("claims_added", &LoadResult::claims_added, "New claims.")
      .def_readonly("duplicates", &LoadResult::duplicates,
                    "Rows equal to a live claim already stored (skipped).")
      .def_readonly("replaced_rows", &LoadResult::replaced_rows,
                    "Rows of a `one` predicate replaced by a later row.")
      .def_readonly("superseded", &LoadResult::superseded,
                    "Stored claims the load closed or replaced (retracted).")
      .def_readonly("rejected", &LoadResult::rejected,
                    "Bad rows skipped (skip_bad=True).")
      .def_readonly("terms_added", &LoadResult::terms_added,
                    "New dictionary terms.")
      .def_readonly("new_entities", &LoadResult::new_entities,
                    "Entity names the store did not have (the first 20).")
      .def_readonly("new_predicates", &LoadResult::new_predicates,
                    "Predicates no stored claim used (the first 20).")
      .def_readonly("new_entity_count", &LoadResult::new_entity_count,
                    "How many new entity names in all.")
      .def_readonly("new_predicate_count", &LoadResult::new_predicate_count,
                    "How many new predicates in all.")
      .def_readonly("notices", &LoadResult::notices,
                    "A new name near a known one, a sentence each: \"new "
                    "entity 'Rusia'; did you mean 'Russia'?\"")
      .def_property_readonly(
          "first_claim",
          [](const LoadResult& r) {
            Working working;
            return ToPython(Value::Claim(r.first_claim));
          },
          "The first new claim's id (annals.ClaimId); the others follow.")
      .def_readonly("batches", &LoadResult::batches, "One load batch per file.")
      .def_readonly("reject_file", &LoadResult::reject_file,
                    "Where rejected rows went, if any.")
      .def_readonly("seconds", &LoadResult::seconds, "How long it took.")
      .def_readonly("steps", &LoadResult::steps,
                    "Where the time went: (step, seconds) pairs.")
      .def("__repr__", [](const LoadResult& r) {
        return absl::StrCat(
            "LoadSummary(rows=", r.rows, ", claims_added=", r.claims_added,
            ", duplicates=", r.duplicates, ", rejected=", r.rejected,
            ", terms_added=", r.terms_added, ")");
      });
  InAnnals(summary);

  py::class_<StoreStats> stats(m, "Stats", R"(
What a store holds (Connection.stats), all of one instant.)");
  stats.def_readonly("claims", &StoreStats::claims, "Claims stored.")
      .def_readonly("terms", &StoreStats::terms, "Dictionary terms.")
      .def_readonly("bytes_on_disk", &StoreStats::bytes_on_disk,
                    "Bytes of the store's files.")
      .def_readonly("bytes_per_family", &StoreStats::bytes_per_family,
                    "SST bytes per column family.")
      .def_readonly("claims_per_predicate", &StoreStats::claims_per_predicate,
                    "Claims per predicate.")
      .def_property_readonly(
          "earliest",
          [](const StoreStats& s) {
            Working working;
            return ToPython(s.earliest);
          },
          "The earliest valid_from (annals.Time), or None.")
      .def_property_readonly(
          "latest",
          [](const StoreStats& s) {
            Working working;
            return ToPython(s.latest);
          },
          "The latest valid_to (annals.Time), or None.")
      .def_readonly("batches", &StoreStats::batches, "Load batches.")
      .def("__repr__", [](const StoreStats& s) {
        return absl::StrCat("Stats(claims=", s.claims, ", terms=", s.terms,
                            ", batches=", s.batches,
                            ", bytes_on_disk=", s.bytes_on_disk, ")");
      });
  InAnnals(stats);

  py::class_<CheckResult> check(m, "CheckResult", R"(
The result of Connection.check(): whether the indexes, dictionary and
counters agree, and the live claims that break the schema.)");
  check.def_readonly("claims", &CheckResult::claims, "Claims checked.")
      .def_readonly("terms", &CheckResult::terms, "Terms checked.")
      .def_readonly("index_entries", &CheckResult::index_entries,
                    "Index entries of every index family.")
      .def_readonly("problems", &CheckResult::problems,
                    "Inconsistencies found (empty when consistent).")
      .def_property_readonly("ok", &CheckResult::ok,
                             "True when no problem was found.")
      .def_readonly("schema_violations", &CheckResult::schema_violations,
                    "Live claims that break the current schema.")
      .def("__repr__", [](const CheckResult& c) {
        return absl::StrCat(
            "CheckResult(ok=", c.ok() ? "True" : "False", ", claims=", c.claims,
            ", problems=", c.problems.size(),
            ", schema_violations=", c.schema_violations.size(), ")");
      });
  InAnnals(check);

  py::class_<SchemaVersion> schema(m, "SchemaVersion", R"(
One version of a store's schema; str() is its text.)");
  schema
      .def_readonly("version", &SchemaVersion::version,
                    "1, 2, ...; 0 when the store never had a schema.")
      .def_property_readonly(
          "recorded",
          [](const SchemaVersion& s) -> py::object {
            Working working;
            if (s.version == 0) return py::none();
            return ToPython(s.recorded);
          },
          "When it was set (annals.Time), or None for version 0.")
      .def_readonly("text", &SchemaVersion::text,
                    "The schema as given; empty for no schema.")
      .def("__str__", [](const SchemaVersion& s) { return s.text; })
      .def("__repr__", [](const SchemaVersion& s) {
        return absl::StrCat("SchemaVersion(version=", s.version, ", ",
                            s.text.size(), " characters)");
      });
  InAnnals(schema);
}

void BindResult(py::module_& m) {
  py::class_<Result> result(m, "Result", R"(
The rows of one statement, streamed as they are asked for (from one
snapshot of the store). Iterate it, or fetch rows as tuples; df() gives
the remaining rows as a pandas DataFrame. Rows read once are gone.)");
  result
      .def_property_readonly("columns", &Result::columns,
                             "Column names: a variable's name (`?x`), a "
                             "claim function as written (`source(?c)`).")
      .def_property_readonly("view", &Result::view, R"(
What the statement saw, as the shell's `--` line says it: "valid now, as
currently recorded", "valid at 2025-09-02, as recorded by the end of
2025-09-01".)")
      .def_property_readonly("notices", &Result::notices, R"(
What the answer says besides its rows, a list of sentences: a name the
store lacks in a read ("unknown name 'Rusia'; did you mean 'Russia'?": its
pattern matches nothing, an empty answer rather than an error), a name a
write adds ("new entity 'Rusia'; did you mean 'Russia'?").)")
      .def("fetchone", &Result::FetchOne,
           "The next row as a tuple, or None at the end.")
      .def("fetchmany", &Result::FetchMany, py::arg("size") = 1,
           "Up to `size` next rows, as a list of tuples.")
      .def("fetchall", &Result::FetchAll,
           "Every remaining row, as a list of tuples.")
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &Result::Next)
      .def("_peek", &Result::Peek, py::arg("size"),
           "Up to `size` next rows, left to be fetched again.")
      .def("_frame", &Result::Frame,
           "The remaining rows by column, as NumPy arrays (for df()).");
  InAnnals(result);
}

void BindConnection(py::module_& m) {
  py::class_<Connection> con(m, "_Connection", R"(
The C++ side of annals.Connection.)");
  con.def(py::init<const std::string&, bool, bool, bool>(), py::arg("path"),
          py::arg("read_only") = false, py::arg("create") = true,
          py::arg("strict") = false)
      .def("execute", &Connection::Execute, py::arg("statement"),
           py::arg("params") = py::none(), py::kw_only(),
           py::arg("at") = py::none(), py::arg("as_of") = py::none(),
           py::arg("timeout_ms") = py::none(), py::arg("max_rows") = py::none(),
           py::arg("max_path_nodes") = py::none(),
           py::arg("threads") = py::none(), py::arg("strict") = py::none(),
           R"(
Runs one statement of the query language (FIND, HISTORY, CHANGES, DIFF,
DISPUTES, PATH, ASSERT, RETRACT, EXPLAIN) and returns its Result.
`params` maps parameter names (`$name`, or `name`) to values: str is a
name (an entity), int, float, bool, annals.Time (or datetime.date,
datetime.datetime), annals.Quantity, annals.ClaimId a literal.
`at` and `as_of` (annals.Time, its text, a date) are the view of a
statement written without AT or AS OF (the shell's .at and .asof);
`timeout_ms` (0: none), `max_rows` and `max_path_nodes` the limits
(QueryOptions; by default 30 s, 1,000,000 rows, 100,000 nodes).
`threads`: how many threads a FIND with DISTINCT or ORDER BY may gather
its rows on (None or 0: one a core, at most 8; 1: one); the rows and their
order are the same on any number.
`strict` (None: the connection's, as connect() set it): an ASSERT that
would add a predicate the schema does not declare raises QueryError
"new predicate 'membr_of' is not in the schema (strict: nothing written);
did you mean 'member_of'?" and writes nothing (not strict: it is written,
and Result.notices says "new predicate ..."). New entity names are never
refused.
Raises QueryError for a bad statement (with line and column) or a limit
reached, StoreError when the store refuses (read-only, I/O).
Ctrl-C stops a statement running (also while rows are fetched) within
milliseconds and raises KeyboardInterrupt; interrupt() stops it from
another thread (QueryError "statement cancelled"). The connection goes
on working either way.)")
      .def("_load", &Connection::Load)
      .def("set_schema", &Connection::SetSchema, py::arg("text"),
           py::arg("file") = "schema", R"(
Makes `text` the store's schema from now on (a new version;
docs/schemas.md) and returns its SchemaVersion. SchemaError (with file, line,
column) when it does not parse. Claims already stored are not checked:
check() lists those that break it.)")
      .def("schema", &Connection::Schema,
           "The current schema (SchemaVersion; version 0 and an empty text "
           "when there never was one).")
      .def("schema_history", &Connection::SchemaHistory,
           "Every version of the schema, oldest first.")
      .def("stats", &Connection::Stats,
           "Counts, sizes and the valid-time range (Stats).")
      .def("check", &Connection::Check, R"(
Checks that every index agrees with the claim records and lists the claims
that break the schema (CheckResult). Slow: reads everything.)")
      .def("interrupt", &Connection::Interrupt, R"(
Stops the statements (fetches included) and loads of this connection that
are running now, from any thread: they raise QueryError "statement
cancelled" or LoadError "load cancelled: nothing was loaded, the store is
unchanged". Calls that start later are not affected. Ctrl-C does the same
for the main thread's call, which raises KeyboardInterrupt.)")
      .def("close", &Connection::Close, R"(
Closes the connection; the store closes once no Result still reads it.
Closing twice is fine; any other call afterwards raises annals.Error.)")
      .def_property_readonly("closed", &Connection::closed,
                             "True once close() was called.")
      .def_property_readonly("path", &Connection::path,
                             "The store's directory.")
      .def_property_readonly("read_only", &Connection::read_only,
                             "True when opened read_only.")
      .def_property_readonly(
          "strict", &Connection::strict,
          "The default of execute's, load's and load_dataframe's `strict` "
          "(connect's).");
}

}  // namespace
}  // namespace annals::python

PYBIND11_MODULE(_annals, m) {
  using namespace annals::python;  // NOLINT(build/namespaces)
  m.doc() = "The C++ core of the annals package (see annals.connect).";
  InitErrors();
  InitInterrupts();
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const ExitingError&) {
      SetErrorUnmade("Python is exiting: annals takes no new calls");
    }
  });
  InitConvert();
  BindRecords(m);
  BindResult(m);
  BindConnection(m);
  m.def("_at_exit", &AtExit,
        "Stops new work and waits for the work under way (atexit).");
  m.def("_parse_time", &ParseTime, py::arg("text"),
        "(seconds, precision, span end, text) of a time's text.");
}
