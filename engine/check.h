// Consistency check of a whole store, behind `annals check`: every claim
// record (in spo) is readable and its pointer and time entries exist with
// the same contents (and no family holds anything else), every term a claim
// names is in the dictionary in both directions, and the counters in meta agree
// with what is stored; and lists the live claims that break the current schema.
// Reads one snapshot with sequential scans only.
#ifndef ANNALS_ENGINE_CHECK_H_
#define ANNALS_ENGINE_CHECK_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "annals/stats.h"
#include "engine/store.h"
#include "schema/schema.h"

namespace annals::engine {

// Returns the report; a non-OK status only when the check itself could not
// run (I/O error). Corruption is a problem in the report, not a crash.
absl::StatusOr<CheckResult> CheckStore(Store* store);

// The schema_violations of CheckResult for `schema`, read from `snap`.
absl::StatusOr<std::vector<std::string>> SchemaViolations(
    Store* store, const Snapshot* snap, const schema::Schema& schema);

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_CHECK_H_
