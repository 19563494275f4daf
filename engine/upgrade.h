// The conversion of a format-2 store to format 3 (`annals upgrade`;
// engine/FORMAT.md, "Upgrading a format-2 store"): a small reader of format
// 2's claim records and batch records, which writes format 3 beside the old
// store and swaps the two directories atomically. It reads the old store
// with Rocks, not Store, which opens only the current format.
#ifndef ANNALS_ENGINE_UPGRADE_H_
#define ANNALS_ENGINE_UPGRADE_H_

#include <string>

#include "absl/status/statusor.h"
#include "annals/upgrade.h"

namespace annals::engine {

// As annals::UpgradeStore (include/annals/upgrade.h).
absl::StatusOr<UpgradeResult> UpgradeStore(const std::string& dir);

// Where UpgradeStore writes the new store of `dir` (and, once swapped, has
// the old one until it is removed): `dir` + ".upgrade-" + `pid`.
std::string UpgradeDir(const std::string& dir, int pid);

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_UPGRADE_H_
