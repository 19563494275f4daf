// annals::UpgradeStore: converts a store of on-disk format 2 to format 3
// in place (`annals upgrade STORE`; engine/FORMAT.md, "Upgrading a format-2
// store"). The new store is written beside the old one and swapped in with
// one atomic rename: a kill at any moment leaves either the old store
// untouched or the new one complete.
#ifndef ANNALS_UPGRADE_H_
#define ANNALS_UPGRADE_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"

namespace annals {

struct UpgradeResult {
  // False when the store was in format 3 already: nothing was done.
  bool upgraded = false;
  int64_t claims = 0;        // claims converted
  int64_t bytes_before = 0;  // the store's bytes on disk, before and after
  int64_t bytes_after = 0;
  double seconds = 0;
};

// Upgrades the store in `dir` from format 2 to format 3; OK with `upgraded`
// false when it is in format 3 already. The store must not be open anywhere
// else for writing (FailedPrecondition, as Database::Open says); upgrades in
// one parent directory run one at a time. Errors, each leaving the store as
// it was: NotFound when `dir` holds no store; FailedPrecondition when it is
// not an Annals store or its format version is not 2 or 3; DataLoss naming
// the claim (#cN) or load batch whose record does not read;
// ResourceExhausted when the disk has no room for the new copy (about the
// size of the old store is needed beside it).
absl::StatusOr<UpgradeResult> UpgradeStore(const std::string& dir);

}  // namespace annals

#endif  // ANNALS_UPGRADE_H_
