// The dictionary: every term (entity name, literal, source) is stored once in
// the `terms` (id -> term) and `term_ids` (term -> id) families, and claims
// and indexes hold 64-bit ids. Ids are never reused or changed, so both
// directions are cached in memory once read.
//
// Thread-safe. Lookups by id go through a per-thread cache first (ids never
// change meaning, so it never goes stale), then a shared one.
#ifndef ANNALS_ENGINE_DICTIONARY_H_
#define ANNALS_ENGINE_DICTIONARY_H_

#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "annals/value.h"
#include "engine/rocks.h"

namespace annals::engine {

// Term bytes: one kind byte, then the kind's payload (FORMAT.md). Claims are
// not terms: their id is derived from the claim id.
void EncodeTerm(const Value& v, std::string* out);
// The term bytes of an entity or string without building a Value.
void EncodeTextTerm(ValueKind kind, std::string_view text, std::string* out);
void EncodeIntegerTerm(int64_t v, std::string* out);
// The bytes of a claim reference (#c42) where a term stands, and back: the
// claim a term refers to, if it is one.
void EncodeClaimTerm(uint64_t claim_id, std::string* out);
std::optional<uint64_t> ClaimOfTerm(std::string_view term);
// The entity name a term holds, if it is an entity (a view into `term`).
std::optional<std::string_view> EntityOfTerm(std::string_view term);
absl::StatusOr<Value> DecodeTerm(std::string_view bytes);

class Dictionary {
 public:
  explicit Dictionary(Rocks* rocks);

  // The id of `v` (term bytes `term`), NotFound when the store has no such
  // term. Claims resolve to their derived id without a lookup.
  absl::StatusOr<uint64_t> Find(std::string_view term, const Snapshot* snap);
  absl::StatusOr<uint64_t> Find(const Value& v, const Snapshot* snap);
  // The value of an id; DataLoss when a stored claim names a missing term.
  absl::StatusOr<Value> Lookup(uint64_t id, const Snapshot* snap);
  // The same into `*out`, reusing its storage (for rows built again and
  // again).
  absl::Status LookupInto(uint64_t id, const Snapshot* snap, Value* out);
  // Calls `fn` with the name of each entity term, in id order, the first
  // `limit` terms at most (for "did you mean" suggestions).
  absl::Status ForEachEntityName(const Snapshot* snap, int64_t limit,
                                 absl::FunctionRef<void(std::string_view)> fn);
  // Records a term that a committed write or load created.
  void Remember(std::string_view term, uint64_t id);

 private:
  static constexpr size_t kMaxCached = 1 << 20;
  absl::StatusOr<Value> LookupShared(uint64_t id, const Snapshot* snap);

  Rocks* rocks_;
  const uint64_t instance_;  // tells this dictionary's per-thread cache apart
  // Not absl::Mutex, which ThreadSanitizer cannot see (see store.h).
  std::shared_mutex mu_;  // guards the two below
  absl::flat_hash_map<uint64_t, Value> values_;
  absl::flat_hash_map<std::string, uint64_t> ids_;
};

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_DICTIONARY_H_
