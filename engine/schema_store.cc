// Schema versions in meta; see schema_store.h.
#include "engine/schema_store.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "engine/clustered_record.h"
#include "engine/key_codec.h"
#include "schema/validator.h"

namespace annals::engine {

std::string SchemaKey(uint64_t version) {
  std::string key(kMetaSchemaPrefix);
  PutId(&key, version);
  return key;
}

std::string EncodeSchemaValue(int64_t recorded, std::string_view text) {
  return absl::StrCat(recorded, "\t", AbslView(text));
}

absl::StatusOr<std::vector<StoredSchema>> ReadSchemaVersions(
    const Rocks& rocks, const Snapshot* snap) {
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
        !absl::SimpleAtoi(AbslView(value.substr(0, tab)), &s.recorded)) {
      return absl::DataLossError(absl::StrCat(
          "store '", rocks.dir(), "': unreadable schema entry in meta"));
    }
    s.text = std::string(value.substr(tab + 1));
    out.push_back(std::move(s));
  }
  ANNALS_RETURN_IF_ERROR(it->status());
  return out;
}

absl::StatusOr<std::vector<std::string>> EntityTypes(Store* store,
                                                     const Snapshot* snap,
                                                     std::string_view name) {
  std::vector<std::string> types;
  Dictionary& dict = store->dictionary();
  uint64_t ids[2];
  for (int i = 0; i < 2; ++i) {
    absl::StatusOr<uint64_t> id = dict.Find(
        Value::Entity(std::string(i == 0 ? name : schema::kTypePredicate)),
        snap);
    if (absl::IsNotFound(id.status())) return types;
    ANNALS_RETURN_IF_ERROR(id.status());
    ids[i] = *id;
  }
  absl::Status lookup;
  ANNALS_RETURN_IF_ERROR(
      store->ForEachInSpo(ids, 2, snap, [&](const ClaimRecord& row) {
        if (row.is_retracted() || TermKind(row.o) != ValueKind::kEntity) {
          return true;
        }
        absl::StatusOr<Value> type = dict.Lookup(row.o, snap);
        if (!type.ok()) lookup = type.status();
        if (type.ok()) types.push_back(type->text());
        return type.ok();
      }));
  ANNALS_RETURN_IF_ERROR(lookup);
  std::sort(types.begin(), types.end());
  types.erase(std::unique(types.begin(), types.end()), types.end());
  return types;
}

}  // namespace annals::engine
