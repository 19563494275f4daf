// Parsed statements by their text, so a statement run again is not parsed
// again. Parsing depends on the text alone (names are resolved when a
// statement runs), so a cached parse is never stale. Syntax errors are not
// kept. Bounded: when full, it starts over. Safe to use from many threads.
#ifndef ANNALS_QUERY_PARSE_CACHE_H_
#define ANNALS_QUERY_PARSE_CACHE_H_

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "query/pipeline.h"

namespace annals::query {

class ParseCache {
 public:
  static constexpr size_t kCapacity = 256;

  // Prepare(text), or the statement an earlier call parsed from equal text.
  absl::StatusOr<std::shared_ptr<const PreparedStatement>> Prepare(
      std::string_view text);
  size_t size() const;

 private:
  // std::mutex: Debian's Abseil is not built for ThreadSanitizer (store.h).
  mutable std::mutex mu_;
  absl::flat_hash_map<std::string, std::shared_ptr<const PreparedStatement>>
      parsed_;  // guarded by mu_
};

}  // namespace annals::query

#endif  // ANNALS_QUERY_PARSE_CACHE_H_
