// Term encoding and the cached term <-> id dictionary; see dictionary.h.
#include "engine/dictionary.h"

#include <atomic>
#include <mutex>
#include <shared_mutex>

#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "engine/key_codec.h"

namespace annals::engine {

void EncodeTextTerm(ValueKind kind, std::string_view text, std::string* out) {
  out->push_back(static_cast<char>(kind));
  out->append(text);
}

void EncodeIntegerTerm(int64_t v, std::string* out) {
  out->push_back(static_cast<char>(ValueKind::kInteger));
  PutTime(out, v);  // sign-flipped big-endian, like time
}

void EncodeClaimTerm(uint64_t claim_id, std::string* out) {
  out->push_back(static_cast<char>(ValueKind::kClaim));
  PutId(out, claim_id);
}

std::optional<uint64_t> ClaimOfTerm(std::string_view term) {
  if (term.empty() || term[0] != static_cast<char>(ValueKind::kClaim)) {
    return std::nullopt;
  }
  term.remove_prefix(1);
  uint64_t id = 0;
  GetId(&term, &id);
  return id;
}

std::optional<std::string_view> EntityOfTerm(std::string_view term) {
  if (term.empty() || term[0] != static_cast<char>(ValueKind::kEntity)) {
    return std::nullopt;
  }
  return term.substr(1);
}

void EncodeTerm(const Value& v, std::string* out) {
  switch (v.kind()) {
    case ValueKind::kInteger:
      EncodeIntegerTerm(v.integer(), out);
      return;
    case ValueKind::kBoolean:
      out->push_back(static_cast<char>(v.kind()));
      out->push_back(v.boolean() ? 1 : 0);
      return;
    case ValueKind::kDate:
      out->push_back(static_cast<char>(v.kind()));
      out->push_back(static_cast<char>(v.date().precision));
      PutTime(out, v.date().seconds);
      return;
    case ValueKind::kQuantity:
      out->push_back(static_cast<char>(v.kind()));
      PutVarint(out, v.text().size());
      out->append(v.text());
      out->append(v.unit());
      return;
    case ValueKind::kClaim:  // not a term: a reference where a term stands
      EncodeClaimTerm(v.claim_id(), out);
      return;
    default:
      EncodeTextTerm(v.kind(), v.text(), out);
      return;
  }
}

absl::StatusOr<Value> DecodeTerm(std::string_view bytes) {
  auto bad = [&] { return absl::DataLossError("unreadable dictionary term"); };
  if (bytes.empty() || static_cast<uint8_t>(bytes[0]) > 7) return bad();
  auto kind = static_cast<ValueKind>(bytes[0]);
  bytes.remove_prefix(1);
  switch (kind) {
    case ValueKind::kEntity:
      return Value::Entity(std::string(bytes));
    case ValueKind::kString:
      return Value::String(std::string(bytes));
    case ValueKind::kDecimal: {
      auto v = Value::Decimal(bytes);
      if (!v.ok()) return bad();
      return v;
    }
    case ValueKind::kInteger: {
      int64_t i;
      if (!GetTime(&bytes, &i) || !bytes.empty()) return bad();
      return Value::Integer(i);
    }
    case ValueKind::kBoolean:
      if (bytes.size() != 1 || static_cast<uint8_t>(bytes[0]) > 1) return bad();
      return Value::Boolean(bytes[0] == 1);
    case ValueKind::kDate: {
      int64_t t;
      if (bytes.empty()) return bad();
      uint8_t precision = bytes[0];
      bytes.remove_prefix(1);
      if (precision < 1 || precision > 4 || !GetTime(&bytes, &t) ||
          !bytes.empty()) {
        return bad();
      }
      return Value::Date({t, static_cast<Precision>(precision)});
    }
    case ValueKind::kQuantity: {
      uint64_t n;
      if (!GetVarint(&bytes, &n) || n > bytes.size()) return bad();
      auto v = Value::Quantity(bytes.substr(0, n), bytes.substr(n));
      if (!v.ok()) return bad();
      return v;
    }
    case ValueKind::kClaim: {
      uint64_t id;
      if (!GetId(&bytes, &id) || !bytes.empty()) return bad();
      return Value::Claim(id);
    }
  }
  return bad();
}

absl::StatusOr<uint64_t> Dictionary::Find(std::string_view term,
                                          const Snapshot* snap) {
  {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = ids_.find(AbslView(term));
    if (it != ids_.end()) return it->second;
  }
  auto bytes = rocks_->Get(Family::kTermIds, term, snap);
  if (!bytes.ok()) return bytes.status();
  std::string_view in = *bytes;
  uint64_t id;
  if (!GetId(&in, &id) || !in.empty()) {
    return absl::DataLossError(
        absl::StrCat("store '", rocks_->dir(), "': unreadable term id"));
  }
  Remember(term, id);
  return id;
}

absl::StatusOr<uint64_t> Dictionary::Find(const Value& v,
                                          const Snapshot* snap) {
  if (v.kind() == ValueKind::kClaim) {
    return MakeTermId(v.claim_id(), ValueKind::kClaim);
  }
  std::string term;
  EncodeTerm(v, &term);
  return Find(term, snap);
}

namespace {

std::atomic<uint64_t> next_instance{1};

// The calling thread's cache of the dictionary it used last.
struct ThreadCache {
  static constexpr size_t kMaxEntries = 1 << 16;
  uint64_t instance = 0;
  absl::flat_hash_map<uint64_t, Value> values;
};
thread_local ThreadCache thread_cache;

}  // namespace

Dictionary::Dictionary(Rocks* rocks)
    : rocks_(rocks), instance_(next_instance++) {}

absl::StatusOr<Value> Dictionary::Lookup(uint64_t id, const Snapshot* snap) {
  Value v;
  ANNALS_RETURN_IF_ERROR(LookupInto(id, snap, &v));
  return v;
}

absl::Status Dictionary::LookupInto(uint64_t id, const Snapshot* snap,
                                    Value* out) {
  if (TermKind(id) == ValueKind::kClaim) {
    *out = Value::Claim(TermSeq(id));
    return absl::OkStatus();
  }
  ThreadCache& tc = thread_cache;
  if (tc.instance != instance_ ||
      tc.values.size() >= ThreadCache::kMaxEntries) {
    tc.values.clear();
    tc.instance = instance_;
  }
  auto it = tc.values.find(id);
  if (it == tc.values.end()) {
    ANNALS_ASSIGN_OR_RETURN(Value value, LookupShared(id, snap));
    it = tc.values.emplace(id, std::move(value)).first;
  }
  *out = it->second;
  return absl::OkStatus();
}

absl::StatusOr<Value> Dictionary::LookupShared(uint64_t id,
                                               const Snapshot* snap) {
  {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = values_.find(id);
    if (it != values_.end()) return it->second;
  }
  auto bytes = rocks_->Get(Family::kTerms, IdKey(id), snap);
  if (absl::IsNotFound(bytes.status())) {
    return absl::DataLossError(absl::StrCat(
        "store '", rocks_->dir(), "': term id ", id, " is missing from terms"));
  }
  if (!bytes.ok()) return bytes.status();
  auto value = DecodeTerm(*bytes);
  if (!value.ok()) {
    return absl::DataLossError(absl::StrCat(
        "store '", rocks_->dir(), "': term id ", id, " is unreadable"));
  }
  std::lock_guard<std::shared_mutex> lock(mu_);
  if (values_.size() >= kMaxCached) values_.clear();
  values_.emplace(id, *value);
  return value;
}

void Dictionary::Remember(std::string_view term, uint64_t id) {
  std::lock_guard<std::shared_mutex> lock(mu_);
  if (ids_.size() >= kMaxCached) ids_.clear();
  ids_.emplace(std::string(term), id);
}

absl::Status Dictionary::ForEachEntityName(
    const Snapshot* snap, int64_t limit,
    absl::FunctionRef<void(std::string_view)> fn) {
  auto it = rocks_->NewIterator(Family::kTerms, "", "", snap);
  int64_t seen = 0;
  for (it->SeekToFirst(); it->Valid() && seen < limit; it->Next(), ++seen) {
    if (std::optional<std::string_view> name = EntityOfTerm(it->value())) {
      fn(*name);
    }
  }
  return it->status();
}

}  // namespace annals::engine
