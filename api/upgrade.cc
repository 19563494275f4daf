// Implements include/annals/upgrade.h with the engine's upgrade
// (engine/upgrade.h).
#include "annals/upgrade.h"

#include "engine/upgrade.h"

namespace annals {

absl::StatusOr<UpgradeResult> UpgradeStore(const std::string& dir) {
  return engine::UpgradeStore(dir);
}

}  // namespace annals
