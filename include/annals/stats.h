// What a store says of itself: its statistics (Database::Stats) and the
// result of checking it (Database::Check).
#ifndef ANNALS_STATS_H_
#define ANNALS_STATS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "annals/time.h"

namespace annals {

struct StoreStats {
  int64_t claims = 0;
  int64_t terms = 0;
  int64_t bytes_on_disk = 0;
  // SST bytes per column family (meta, terms, term_ids, claims, spo, ...).
  std::map<std::string, int64_t> bytes_per_family;
  std::map<std::string, int64_t> claims_per_predicate;
  // Earliest valid_from and latest valid_to among claims with such an end.
  std::optional<TimePoint> earliest;
  std::optional<TimePoint> latest;
  int64_t batches = 0;
};

struct CheckResult {
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

}  // namespace annals

#endif  // ANNALS_STATS_H_
