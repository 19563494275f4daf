// RDF prefixes in meta; see prefixes.h.
#include "engine/prefixes.h"

#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "engine/key_codec.h"

namespace annals::engine {

std::string PrefixKey(std::string_view name) {
  return absl::StrCat(AbslView(kMetaPrefixPrefix), AbslView(name));
}

absl::StatusOr<std::vector<std::pair<std::string, std::string>>> ReadPrefixes(
    const Rocks& rocks, const Snapshot* snap) {
  std::string prefix(kMetaPrefixPrefix);
  auto it = rocks.NewIterator(Family::kMeta, prefix, PrefixEnd(prefix), snap);
  std::vector<std::pair<std::string, std::string>> out;
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    out.emplace_back(std::string(it->key().substr(prefix.size())),
                     std::string(it->value()));
  }
  ANNALS_RETURN_IF_ERROR(it->status());
  return out;
}

}  // namespace annals::engine
