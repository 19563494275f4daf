// Consistency check of a whole store, behind `annals check`: every claim
// record is readable and its three index entries exist with the same
// contents (and no index holds anything else), every term a claim names is in
// the dictionary in both directions, and the counters in meta agree with
// what is stored; and lists the live claims that break the current schema.
// Reads one snapshot with sequential scans only.
#ifndef ANNALS_ENGINE_CHECK_H_
#define ANNALS_ENGINE_CHECK_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/store.h"
#include "schema/schema.h"

namespace annals::engine {

struct CheckReport {
  int64_t claims = 0;
  int64_t terms = 0;
  int64_t index_entries = 0;          // every index family together
  std::vector<std::string> problems;  // empty when consistent
  bool ok() const { return problems.empty(); }
  // Every live (not retracted) claim that breaks the current schema:
  // "#c12 Russia founded 1989: predicate `founded` expects a date, found the
  // integer 1989", by predicate, then object, subject; then the claims
  // whose subject or object is a name the schema declares an alias (stored
  // before the alias was).
  std::vector<std::string> schema_violations;
};

// Returns the report; a non-OK status only when the check itself could not
// run (I/O error). Corruption is a problem in the report, not a crash.
absl::StatusOr<CheckReport> CheckStore(Store* store);

// The schema_violations of CheckReport for `schema`, read from `snap`.
absl::StatusOr<std::vector<std::string>> SchemaViolations(
    Store* store, const Snapshot* snap, const schema::Schema& schema);

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_CHECK_H_
