// The statistics of a store (Database::Stats, `annals stats`): counts from
// the counters, bytes per family, and the valid-time range from one pass
// over an index, all of one instant.
#ifndef ANNALS_ENGINE_STATS_H_
#define ANNALS_ENGINE_STATS_H_

#include "absl/status/statusor.h"
#include "annals/stats.h"
#include "engine/store.h"

namespace annals::engine {

// Waits for a write being committed (Store::GetConsistentView).
absl::StatusOr<StoreStats> ComputeStats(Store* store);

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_STATS_H_
