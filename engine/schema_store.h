// The schema's versions in `meta` (FORMAT.md, "Meta entries"): each change
// of schema is one entry `schema/<version>` holding the time it was recorded
// and the schema text, so that every earlier version stays readable. The
// current schema is the highest version; an empty text means no schema.
// Also what validation reads from the store: an entity's types.
#ifndef ANNALS_ENGINE_SCHEMA_STORE_H_
#define ANNALS_ENGINE_SCHEMA_STORE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/rocks.h"
#include "engine/store.h"

namespace annals::engine {

inline constexpr std::string_view kMetaSchemaPrefix = "schema/";

struct StoredSchema {
  uint64_t version = 0;  // from 1
  int64_t recorded = 0;  // unix seconds
  std::string text;
};

// `schema/` + version (id).
std::string SchemaKey(uint64_t version);
// `<recorded, ASCII decimal>\t<text>`.
std::string EncodeSchemaValue(int64_t recorded, std::string_view text);

// Every version, oldest first. DataLoss for an unreadable entry.
absl::StatusOr<std::vector<StoredSchema>> ReadSchemaVersions(
    const Rocks& rocks, const Snapshot* snap);

// The types of the entity `name`: the objects of its live (not retracted)
// `type` claims, whatever their valid time, each once, in name order.
// Empty when it has none or the store does not know it.
absl::StatusOr<std::vector<std::string>> EntityTypes(Store* store,
                                                     const Snapshot* snap,
                                                     std::string_view name);

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_SCHEMA_STORE_H_
