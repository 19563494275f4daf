// ComputeStats; see stats.h.
#include "engine/stats.h"

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "engine/claim_record.h"
#include "engine/scan.h"

namespace annals::engine {

absl::StatusOr<StoreStats> ComputeStats(Store* store) {
  // The counters of the snapshot's instant: counters taken after the
  // snapshot may name a predicate whose term the snapshot lacks (DataLoss).
  Store::ConsistentView view = store->GetConsistentView();
  const std::shared_ptr<const Snapshot>& snap = view.snapshot;
  const Counters& c = view.counters;
  StoreStats stats;
  stats.claims = c.claim_count;
  stats.terms = static_cast<int64_t>(c.next_term) - 1;
  stats.batches = static_cast<int64_t>(c.next_batch) - 1;
  stats.bytes_on_disk = store->rocks().DiskBytes();
  for (int f = 0; f < kFamilyCount; ++f) {
    auto family = static_cast<Family>(f);
    stats.bytes_per_family[FamilyName(family)] =
        store->rocks().FamilyBytes(family);
  }
  for (const auto& [pid, count] : c.predicate_counts) {
    ANNALS_ASSIGN_OR_RETURN(Value p,
                            store->dictionary().Lookup(pid, snap.get()));
    stats.claims_per_predicate[p.text()] = count;
  }
  // Time range: one pass over an index (its values carry both ends), every
  // claim, retracted ones included.
  TimeView every_claim;
  every_claim.include_retracted = true;
  ClaimScan scan(store, IdPattern{}, every_claim, snap);
  ClaimRecord row;
  while (scan.Next(&row)) {
    if (!row.from.open() &&
        (!stats.earliest || row.from.seconds < stats.earliest->seconds)) {
      stats.earliest = FromEndpoint(row.from);
    }
    if (!row.to.open() &&
        (!stats.latest || row.to.seconds > stats.latest->seconds)) {
      stats.latest = FromEndpoint(row.to);
    }
  }
  ANNALS_RETURN_IF_ERROR(scan.status());
  return stats;
}

}  // namespace annals::engine
