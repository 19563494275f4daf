// "Did you mean" for a store's entity names: the nearest entity name or
// schema alias to a word that names nothing (an unknown name in a read, a new
// name in a write), from a NameIndex (common/name_index.h) instead of a scan
// of every name.
//
// The index is built on the first suggestion asked of an open store, from
// the `terms` family, and kept current without hooks in the write paths:
// term ids are sequential, so before each suggestion the terms with ids past
// the last one read (added since by writes, loads, or another process this
// one follows) are read with one seek and added. Aliases come from the
// schema passed in; their small index is rebuilt when the schema changes.
//
// Thread-safe (one mutex: suggestions are rare and short).
#ifndef ANNALS_ENGINE_NAME_SUGGESTIONS_H_
#define ANNALS_ENGINE_NAME_SUGGESTIONS_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "common/name_index.h"
#include "engine/rocks.h"
#include "schema/schema.h"

namespace annals::engine {

class NameSuggestions {
 public:
  explicit NameSuggestions(Rocks* rocks) : rocks_(rocks) {}

  // The entity name or alias of `schema` nearest to `word` within the
  // suggestion limit (edit_distance.h); nullopt when none is near. A name
  // and an alias equally near: the first in folded order.
  absl::StatusOr<std::optional<std::string>> NearestEntity(
      std::string_view word, std::shared_ptr<const schema::Schema> schema);

  // Entity names indexed so far (for tests and measurements).
  size_t indexed();

 private:
  // Reads the terms added since the last call. REQUIRES: mu_ held.
  absl::Status CatchUp();

  Rocks* rocks_;
  std::mutex mu_;  // guards the members below
  NameIndex entities_;
  uint64_t next_seq_ = 0;  // term sequence numbers below it are indexed
  std::shared_ptr<const schema::Schema> alias_schema_;
  NameIndex aliases_;
};

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_NAME_SUGGESTIONS_H_
