// The six queries of ../shared/bench/WORKLOAD.md on Annals (through the
// query language, Database::Query) and on SQLite (the Debian library, one
// table with the workload's columns and indexes on (subject, predicate,
// valid_from), (predicate, valid_from) and (object)), side by side in one
// run: median latency of warm runs, the ratio, and the result counts that
// must agree.
//
//   workload_bench FACTS.tsv ANNALS_STORE SQLITE_FILE [RUNS [ONLY [annals]]]
//   workload_bench --sqlite-build FACTS.tsv SQLITE_FILE
//   workload_bench --sqlite-add FACTS.tsv SQLITE_FILE
//   workload_bench --sqlite-first SQLITE_FILE
//   workload_bench --query ANNALS_STORE STATEMENT RUNS [THREADS]
// The Annals store must hold FACTS.tsv already (bench/run loads it); the
// SQLite file is built from FACTS.tsv when missing. ONLY runs just the
// queries whose name starts with it ("Q3 E0"); a last word `annals` skips
// SQLite (for profiling). A SQLite query stopped after kSqliteLimitSeconds
// prints 0 runs and the time it had taken. The other modes serve bench/run's
// SQLite figures:
// --sqlite-build (re)builds the file; --sqlite-add inserts FACTS.tsv into it
// in one committed transaction, prints the seconds that took, then deletes
// those rows again; --sqlite-first opens the file and answers Q1 E0 once.
// --query serves bench/python_bench.py: it opens the store read-only, runs
// STATEMENT once to warm up and then RUNS times through Database::Query and
// ResultSet::ReadAll, and prints the median microseconds and the row count;
// THREADS sets QueryOptions::threads (1: a FIND gathers on one thread).
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "annals/database.h"

namespace {

// Median of `runs` warm runs, or of fewer (at least 3) when one run takes
// long enough that `runs` would pass about ten seconds; a query whose first
// run takes more than five seconds is not run again (that time is returned,
// and `*taken` says 1).
double MedianMicros(int runs, const std::function<size_t()>& query,
                    size_t* count, int* taken) {
  auto start = std::chrono::steady_clock::now();
  *count = query();  // warm-up
  double once = std::chrono::duration<double, std::micro>(
                    std::chrono::steady_clock::now() - start)
                    .count();
  if (once > 5e6) {
    *taken = 1;
    return once;
  }
  runs = std::max(3, std::min(runs, static_cast<int>(1e7 / (once + 1))));
  *taken = runs;
  std::vector<double> us;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    query();
    us.push_back(std::chrono::duration<double, std::micro>(
                     std::chrono::steady_clock::now() - start)
                     .count());
  }
  std::sort(us.begin(), us.end());
  return us[us.size() / 2];
}

void Exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::fprintf(stderr, "sqlite: %s\n", error);
    std::exit(1);
  }
}

// Inserts the rows of `tsv` (header line first) in one transaction.
void InsertRows(sqlite3* db, const std::string& tsv) {
  Exec(db, "BEGIN");
  sqlite3_stmt* insert;
  sqlite3_prepare_v2(db, "INSERT INTO facts VALUES (?,?,?,?,?,?,?)", -1,
                     &insert, nullptr);
  std::ifstream in(tsv);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::stringstream ss(line);
    std::string field;
    for (int i = 1; i <= 7; ++i) {
      std::getline(ss, field, '\t');
      sqlite3_bind_text(insert, i, field.c_str(), -1, SQLITE_TRANSIENT);
    }
    sqlite3_step(insert);
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  Exec(db, "COMMIT");
}

void BuildSqlite(sqlite3* db, const std::string& tsv) {
  Exec(db,
       "CREATE TABLE facts(subject TEXT, predicate TEXT, object TEXT, "
       "valid_from TEXT, valid_to TEXT, recorded_at TEXT, source TEXT)");
  InsertRows(db, tsv);
  Exec(db, "CREATE INDEX spv ON facts(subject, predicate, valid_from)");
  Exec(db, "CREATE INDEX pv ON facts(predicate, valid_from)");
  Exec(db, "CREATE INDEX o ON facts(object)");
  Exec(db, "ANALYZE");
}

// SQLite queries stop after this long (bench/run at L: a two-hop join from a
// hub takes tens of minutes); the result is then reported as "over".
constexpr double kSqliteLimitSeconds = 120;
std::chrono::steady_clock::time_point sqlite_deadline =
    std::chrono::steady_clock::time_point::max();
bool sqlite_stopped = false;

int StopWhenLate(void*) {
  if (std::chrono::steady_clock::now() < sqlite_deadline) return 0;
  sqlite_stopped = true;
  return 1;
}

size_t SqliteRows(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "sqlite: %s\n", sqlite3_errmsg(db));
    std::exit(1);
  }
  size_t n = 0;
  while (sqlite3_step(stmt) == SQLITE_ROW) ++n;
  sqlite3_finalize(stmt);
  return n;
}

// The first column of a single-row result, as a number (counts, path length).
size_t SqliteNumber(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* stmt;
  sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
  size_t n = 0;
  if (sqlite3_step(stmt) == SQLITE_ROW) n = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  return n;
}

std::string Holds(const std::string& t, const std::string& alias) {
  return alias + ".valid_from <= '" + t + "' AND (" + alias +
         ".valid_to = '' OR '" + t + "' < " + alias + ".valid_to)";
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

// The --sqlite-* modes (see the top of the file); returns the exit code.
int SqliteMode(const std::string& mode, int argc, char** argv) {
  std::string file = argv[argc - 1];
  if (mode == "--sqlite-build") std::filesystem::remove(file);
  sqlite3* db;
  if (sqlite3_open(file.c_str(), &db) != SQLITE_OK) {
    std::fprintf(stderr, "sqlite: cannot open %s\n", file.c_str());
    return 1;
  }
  auto start = std::chrono::steady_clock::now();
  if (mode == "--sqlite-build") {
    BuildSqlite(db, argv[2]);
    std::printf("%.3f\n", SecondsSince(start));
  } else if (mode == "--sqlite-add") {
    size_t before = SqliteNumber(db, "SELECT max(rowid) FROM facts");
    InsertRows(db, argv[2]);
    std::printf("%.3f\n", SecondsSince(start));
    Exec(db, "DELETE FROM facts WHERE rowid > " + std::to_string(before));
  } else {
    size_t n =
        SqliteRows(db, "SELECT rowid FROM facts f WHERE subject='E0' AND " +
                           Holds("2010-06-15", "f"));
    std::printf("%zu\n", n);
  }
  sqlite3_close(db);
  return 0;
}

// --query (see the top of the file); returns the exit code.
int QueryMode(const std::string& store, const std::string& statement, int runs,
              int threads) {
  annals::Options options;
  options.read_only = true;
  auto db = annals::Database::Open(store, options);
  if (!db.ok()) {
    std::fprintf(stderr, "%s\n", std::string(db.status().message()).c_str());
    return 1;
  }
  size_t count = 0;
  auto once = [&] {
    auto start = std::chrono::steady_clock::now();
    annals::QueryOptions query_options;
    query_options.threads = threads;
    auto result = db->Query(statement, query_options);
    std::vector<annals::Row> rows;
    absl::Status status =
        result.ok() ? result->ReadAll(&rows) : result.status();
    double us = std::chrono::duration<double, std::micro>(
                    std::chrono::steady_clock::now() - start)
                    .count();
    if (!status.ok()) {
      std::fprintf(stderr, "%s\n", std::string(status.message()).c_str());
      std::exit(1);
    }
    count = rows.size();
    return us;
  };
  once();  // warm-up
  std::vector<double> us;
  for (int i = 0; i < std::max(1, runs); ++i) us.push_back(once());
  std::sort(us.begin(), us.end());
  std::printf("%.2f %zu\n", us[us.size() / 2], count);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if ((argc == 5 || argc == 6) && std::string(argv[1]) == "--query") {
    return QueryMode(argv[2], argv[3], std::atoi(argv[4]),
                     argc == 6 ? std::atoi(argv[5]) : 0);
  }
  if (argc >= 3 && std::string(argv[1]).rfind("--sqlite-", 0) == 0) {
    return SqliteMode(argv[1], argc, argv);
  }
  if (argc < 4) {
    std::fprintf(stderr,
                 "usage: workload_bench FACTS.tsv ANNALS_STORE SQLITE_FILE "
                 "[RUNS [ONLY [annals]]]\n");
    return 2;
  }
  int runs = argc > 4 ? std::atoi(argv[4]) : 21;
  std::string only = argc > 5 ? argv[5] : "";
  bool annals_only = argc > 6 && std::string(argv[6]) == "annals";
  annals::Options options;
  options.read_only = true;
  auto annals_db = annals::Database::Open(argv[2], options);
  if (!annals_db.ok()) {
    std::fprintf(stderr, "%s\n",
                 std::string(annals_db.status().message()).c_str());
    return 1;
  }
  bool build = !std::filesystem::exists(argv[3]);
  sqlite3* lite;
  sqlite3_open(argv[3], &lite);
  if (build) BuildSqlite(lite, argv[1]);

  const std::string t = "2010-06-15";
  struct Case {
    std::string name, annals, sqlite;
    bool count_column;  // the answer is the number in the first cell
  };
  std::vector<Case> cases;
  for (std::string s : {"E0", "E100", "E5000"}) {
    cases.push_back({"Q1 " + s, "FIND ?c WHERE ?c: " + s + " ?p ?o AT " + t,
                     "SELECT rowid FROM facts f WHERE subject='" + s +
                         "' AND " + Holds(t, "f"),
                     false});
  }
  for (auto [s, p] : {std::pair<std::string, std::string>{"E0", "leader_of"},
                      {"E100", "gas_export_bcm"}}) {
    cases.push_back({"Q2 " + s + " " + p, "HISTORY " + s + " " + p,
                     "SELECT * FROM facts WHERE subject='" + s +
                         "' AND predicate='" + p + "' ORDER BY valid_from",
                     false});
  }
  for (std::string s : {"E0", "E100"}) {
    cases.push_back(
        {"Q3 " + s, "FIND DISTINCT ?y WHERE " + s + " ?p ?x, ?x ?q ?y AT " + t,
         "SELECT DISTINCT b.object FROM facts a JOIN facts b ON b.subject = "
         "a.object WHERE a.subject='" +
             s + "' AND " + Holds(t, "a") + " AND " + Holds(t, "b") +
             " AND b.object NOT GLOB '[0-9]*'",
         false});
  }
  cases.push_back({"Q4 signed 2015",
                   "FIND count(*) WHERE ?s signed ?o DURING 2015-01-01 TO "
                   "2016-01-01",
                   "SELECT count(*) FROM facts WHERE predicate='signed' AND "
                   "valid_from < '2016-01-01' AND (valid_to = '' OR valid_to "
                   "> '2015-01-01')",
                   true});
  cases.push_back({"Q5 E0",
                   "FIND ?c WHERE ?c: E0 ?p ?o AT " + t + " AS OF 2010-01-01",
                   "SELECT rowid FROM facts f WHERE subject='E0' AND " +
                       Holds(t, "f") + " AND recorded_at <= '2010-01-01'",
                   false});
  for (auto [a, b] :
       {std::pair<std::string, std::string>{"E1", "E2"}, {"E10", "E500"}}) {
    cases.push_back(
        {"Q6 " + a + "->" + b, "PATH " + a + " TO " + b + " MAX 4 AT " + t,
         "WITH RECURSIVE walk(node, depth) AS (SELECT '" + a +
             "', 0 UNION SELECT f.object, w.depth + 1 FROM walk w JOIN facts "
             "f ON f.subject = w.node WHERE w.depth < 4 AND " +
             Holds(t, "f") +
             ") SELECT coalesce(min(depth), 0) FROM walk "
             "WHERE node = '" +
             b + "'",
         true});
  }
  std::printf("%-22s %12s %12s %8s %10s %10s %6s %6s\n", "query", "annals_us",
              "sqlite_us", "ratio", "annals_n", "sqlite_n", "runs_a", "runs_s");
  for (const Case& c : cases) {
    if (c.name.compare(0, only.size(), only) != 0) continue;
    size_t annals_n = 0, sqlite_n = 0;
    int annals_runs = 0, sqlite_runs = 0;
    double a = MedianMicros(
        runs,
        [&] {
          auto result = annals_db->Query(c.annals);
          if (!result.ok()) return size_t{0};  // a name the store lacks
          size_t n = 0, first = 0;
          bool entities_only = c.name[1] == '3';  // Q3: entity objects only
          while (result->Next()) {
            const annals::Cell& cell = result->row()[0];
            if (entities_only && !cell.value.is_entity()) continue;
            if (n++ == 0 && c.count_column) {
              first = static_cast<size_t>(cell.value.integer());
            }
          }
          return c.count_column ? (c.name[1] == '6' ? n : first) : n;
        },
        &annals_n, &annals_runs);
    sqlite_stopped = false;
    sqlite_deadline =
        std::chrono::steady_clock::now() +
        std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(kSqliteLimitSeconds));
    sqlite3_progress_handler(lite, 100000, StopWhenLate, nullptr);
    double s = annals_only ? 0
                           : MedianMicros(
                                 runs,
                                 [&] {
                                   return c.count_column
                                              ? SqliteNumber(lite, c.sqlite)
                                              : SqliteRows(lite, c.sqlite);
                                 },
                                 &sqlite_n, &sqlite_runs);
    sqlite3_progress_handler(lite, 0, nullptr, nullptr);
    if (sqlite_stopped) sqlite_n = annals_n;  // not known: stopped
    std::printf("%-22s %12.1f %12.1f %8.2f %10zu %10zu %6d %6d%s\n",
                c.name.c_str(), a, s, a / s, annals_n, sqlite_n, annals_runs,
                sqlite_stopped ? 0 : sqlite_runs,
                annals_n == sqlite_n ? "" : "  COUNTS DIFFER");
  }
  sqlite3_close(lite);
  return 0;
}
