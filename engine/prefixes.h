// RDF prefixes in `meta` (FORMAT.md, "Meta entries"): each prefix a load
// declared is one entry `prefix/<name>` holding its namespace IRI (a later
// load's declaration of the same name replaces it). Queries use them to
// read `wd:Q7747`; RDF exports write them back as @prefix.
#ifndef ANNALS_ENGINE_PREFIXES_H_
#define ANNALS_ENGINE_PREFIXES_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/rocks.h"

namespace annals::engine {

inline constexpr std::string_view kMetaPrefixPrefix = "prefix/";

// `prefix/` + name.
std::string PrefixKey(std::string_view name);

// Every stored prefix (name, namespace IRI), in name order.
absl::StatusOr<std::vector<std::pair<std::string, std::string>>> ReadPrefixes(
    const Rocks& rocks, const Snapshot* snap);

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_PREFIXES_H_
