// Consistency check of a whole store, behind `annals check`: every claim
// record is readable and its three index entries exist with the same
// contents (and no index holds anything else), every term a claim names is in
// the dictionary in both directions, and the counters in meta agree with
// what is stored. Reads one snapshot with sequential scans only.
#ifndef ANNALS_ENGINE_CHECK_H_
#define ANNALS_ENGINE_CHECK_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/store.h"

namespace annals::engine {

struct CheckReport {
  int64_t claims = 0;
  int64_t terms = 0;
  int64_t index_entries = 0;          // every index family together
  std::vector<std::string> problems;  // empty when consistent
  bool ok() const { return problems.empty(); }
};

// Returns the report; a non-OK status only when the check itself could not
// run (I/O error). Corruption is a problem in the report, not a crash.
absl::StatusOr<CheckReport> CheckStore(Store* store);

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_CHECK_H_
