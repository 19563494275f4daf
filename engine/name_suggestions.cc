// Suggestions from the index of entity names; see name_suggestions.h.
#include "engine/name_suggestions.h"

#include <utility>
#include <vector>

#include "common/edit_distance.h"
#include "engine/dictionary.h"
#include "engine/key_codec.h"
#include "engine/term_id.h"

namespace annals::engine {

absl::Status NameSuggestions::CatchUp() {
  auto it = rocks_->NewIterator(Family::kTerms,
                                IdKey(MakeTermId(next_seq_, {})), "", nullptr);
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string_view key = it->key();
    uint64_t id = 0;
    if (!GetId(&key, &id)) continue;
    if (std::optional<std::string_view> name = EntityOfTerm(it->value())) {
      entities_.Add(*name);
    }
    next_seq_ = TermSeq(id) + 1;
  }
  return it->status();
}

size_t NameSuggestions::indexed() {
  std::lock_guard<std::mutex> lock(mu_);
  return entities_.size();
}

absl::StatusOr<std::optional<std::string>> NameSuggestions::NearestEntity(
    std::string_view word, std::shared_ptr<const schema::Schema> schema) {
  std::lock_guard<std::mutex> lock(mu_);
  if (absl::Status s = CatchUp(); !s.ok()) return s;
  if (schema != alias_schema_) {
    aliases_ = NameIndex();
    if (schema != nullptr) {
      for (const auto& [alias, name] : schema->aliases()) aliases_.Add(alias);
    }
    alias_schema_ = std::move(schema);
  }
  std::optional<NameIndex::Match> entity = entities_.Nearest(word);
  std::optional<NameIndex::Match> alias = aliases_.Nearest(word);
  if (!entity && !alias) return std::nullopt;
  if (!alias) return entity->name;
  if (!entity) return alias->name;
  if (entity->distance != alias->distance) {
    return entity->distance < alias->distance ? entity->name : alias->name;
  }
  const std::vector<uint32_t> e = FoldName(entity->name),
                              a = FoldName(alias->name);
  if (e != a) return e < a ? entity->name : alias->name;
  return std::min(entity->name, alias->name);
}

}  // namespace annals::engine
