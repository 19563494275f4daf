// Schema versions in meta; see schema_store.h.
#include "engine/schema_store.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "annals/status_macros.h"
#include "engine/key_codec.h"
#include "schema/sv.h"

namespace annals::engine {

std::string SchemaKey(uint64_t version) {
  std::string key(kMetaSchemaPrefix);
  PutId(&key, version);
  return key;
}

std::string EncodeSchemaValue(int64_t recorded, std::string_view text) {
  return absl::StrCat(recorded, "\t", Sv(text));
}

absl::StatusOr<std::vector<StoredSchema>> ReadSchemaVersions(
    const Rocks& rocks, const RocksSnapshot* snap) {
  std::string prefix(kMetaSchemaPrefix);
  auto it = rocks.NewIterator(Family::kMeta, prefix, PrefixEnd(prefix), snap);
  std::vector<StoredSchema> out;
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    std::string_view key = it->key().substr(prefix.size());
    std::string_view value = it->value();
    StoredSchema s;
    size_t tab = value.find('\t');
    if (!GetId(&key, &s.version) || !key.empty() || s.version == 0 ||
        tab == std::string_view::npos ||
        !absl::SimpleAtoi(Sv(value.substr(0, tab)), &s.recorded)) {
      return absl::DataLossError(absl::StrCat(
          "store '", rocks.dir(), "': unreadable schema entry in meta"));
    }
    s.text = std::string(value.substr(tab + 1));
    out.push_back(std::move(s));
  }
  RETURN_IF_ERROR(it->status());
  return out;
}

}  // namespace annals::engine
