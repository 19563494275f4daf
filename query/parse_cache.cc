// The parse cache; see parse_cache.h.
#include "query/parse_cache.h"

#include <utility>

#include "common/absl_view.h"
#include "common/status_macros.h"

namespace annals::query {

absl::StatusOr<std::shared_ptr<const PreparedStatement>> ParseCache::Prepare(
    std::string_view text) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = parsed_.find(AbslView(text));
    if (it != parsed_.end()) return it->second;
  }
  // Parsed outside the lock: two threads may parse the same text at once,
  // and either result serves.
  ANNALS_ASSIGN_OR_RETURN(PreparedStatement prepared, query::Prepare(text));
  auto shared = std::make_shared<const PreparedStatement>(std::move(prepared));
  std::lock_guard<std::mutex> lock(mu_);
  if (parsed_.size() >= kCapacity) parsed_.clear();
  parsed_.try_emplace(std::string(text), shared);
  return shared;
}

size_t ParseCache::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return parsed_.size();
}

}  // namespace annals::query
