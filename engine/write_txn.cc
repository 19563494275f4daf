// Atomic writes: asserts and retracts gathered in one batch; see write_txn.h.
#include "engine/write_txn.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "engine/dictionary.h"
#include "engine/index_entries.h"
#include "engine/key_codec.h"
#include "engine/schema_store.h"
#include "engine/supersession.h"
#include "schema/schema_parser.h"

namespace annals::engine {
namespace {

// What a claim of a `many` predicate does: nothing, unless it is already
// there.
SupersedeEffects SameOnly(const std::vector<ClaimRecord>& live,
                          const ClaimRecord& row) {
  SupersedeEffects effects;
  effects.duplicate = FindSame(live, row);
  return effects;
}

}  // namespace

WriteTxn::WriteTxn(Store* store) : store_(store) {
  store_->writer_mutex().lock();
  counters_ = store_->counters();
  first_new_claim_ = counters_.next_claim;
}

WriteTxn::~WriteTxn() { store_->writer_mutex().unlock(); }

absl::StatusOr<uint64_t> WriteTxn::TermId(const Value& v) {
  if (v.kind() == ValueKind::kClaim) {
    if (!touched_.contains(v.claim_id())) {
      ANNALS_RETURN_IF_ERROR(store_->GetClaim(v.claim_id(), nullptr).status());
    }
    return MakeTermId(v.claim_id(), ValueKind::kClaim);
  }
  std::string term;
  EncodeTerm(v, &term);
  auto it = new_terms_.find(term);
  if (it != new_terms_.end()) return it->second;
  auto found = store_->dictionary().Find(term, nullptr);
  if (found.ok() || !absl::IsNotFound(found.status())) return found;
  uint64_t id = MakeTermId(counters_.next_term++, v.kind());
  batch_.Put(Family::kTerms, IdKey(id), term);
  std::string id_bytes;
  PutId(&id_bytes, id);
  batch_.Put(Family::kTermIds, term, id_bytes);
  new_terms_.emplace(std::move(term), id);
  return id;
}

absl::Status WriteTxn::Assert(ClaimRecord* row) {
  row->id = counters_.next_claim++;
  ++counters_.claim_count;
  ++counters_.predicate_counts[row->p];
  touched_[row->id] = *row;
  return absl::OkStatus();
}

absl::StatusOr<WriteTxn::Superseded> WriteTxn::AssertNew(ClaimRecord* row,
                                                         bool one_value) {
  ANNALS_ASSIGN_OR_RETURN(
      std::vector<ClaimRecord> group,
      LiveGroup(store_, row->s, row->p, row->source, row->by));
  // This transaction's own writes override what the store holds.
  std::vector<ClaimRecord> live;
  for (ClaimRecord& m : group) {
    if (!touched_.contains(m.id)) live.push_back(std::move(m));
  }
  for (const auto& [id, m] : touched_) {
    if (m.s == row->s && m.p == row->p && m.source == row->source &&
        m.by == row->by && !m.is_retracted()) {
      live.push_back(m);
    }
  }
  Superseded done;
  const SupersedeEffects effects =
      one_value ? Supersede(live, row) : SameOnly(live, *row);
  if (effects.duplicate) {
    done.duplicate_of = live[*effects.duplicate].id;
    row->id = 0;
    return done;
  }
  if (effects.closed_by) done.ends_where_starts = live[*effects.closed_by].id;
  ANNALS_RETURN_IF_ERROR(Assert(row));
  for (size_t i : effects.replaced) {
    ANNALS_RETURN_IF_ERROR(Retract(live[i].id, row->recorded));
    done.replaced.push_back(live[i].id);
  }
  for (size_t i : effects.closed) {
    ANNALS_RETURN_IF_ERROR(Retract(live[i].id, row->recorded));
    ClaimRecord copy = ClosedCopy(live[i], *row, row->recorded);
    ANNALS_RETURN_IF_ERROR(Assert(&copy));
    done.closed.emplace_back(live[i].id, copy.id);
  }
  return done;
}

absl::Status WriteTxn::Retract(uint64_t claim_id, int64_t when) {
  ClaimRecord row;
  auto it = touched_.find(claim_id);
  if (it != touched_.end()) {
    row = it->second;
  } else {
    ANNALS_ASSIGN_OR_RETURN(row, store_->GetClaim(claim_id, nullptr));
  }
  if (row.is_retracted()) {
    return absl::FailedPreconditionError(
        absl::StrCat("claim #c", claim_id, " is already retracted"));
  }
  row.retracted = when;
  touched_[claim_id] = row;  // same keys, new values
  return absl::OkStatus();
}

absl::Status WriteTxn::SetSchema(std::string_view text, std::string_view file,
                                 int64_t when) {
  ANNALS_ASSIGN_OR_RETURN(schema::Schema parsed,
                          schema::ParseSchema(text, file));
  Store::CurrentSchema next;
  next.version = store_->schema().version + 1;
  next.schema = std::make_shared<const schema::Schema>(std::move(parsed));
  batch_.Put(Family::kMeta, SchemaKey(next.version),
             EncodeSchemaValue(when, text));
  new_schema_ = std::move(next);
  return absl::OkStatus();
}

absl::Status WriteTxn::Commit() {
  if (committed_) {
    return absl::FailedPreconditionError("write transaction already committed");
  }
  committed_ = true;
  std::vector<IndexEntry> entries;
  ANNALS_RETURN_IF_ERROR(ClaimEntries(&entries));
  for (const IndexEntry& e : entries) batch_.Put(e.family, e.key, e.value);
  if (batch_.count() == 0) return absl::OkStatus();
  if (new_schema_) store_->SchemaChangeBegins();
  if (absl::Status s = store_->Commit(&batch_, counters_); !s.ok()) {
    if (new_schema_) store_->SchemaChangeFailed();
    return s;
  }
  for (const auto& [term, id] : new_terms_) {
    store_->dictionary().Remember(term, id);
  }
  if (new_schema_) store_->PublishSchema(*std::move(new_schema_));
  return absl::OkStatus();
}

absl::Status WriteTxn::ClaimEntries(std::vector<IndexEntry>* out) const {
  // Each touched subject's claims: stored (counted up to one past small)
  // and new.
  struct Subject {
    int64_t stored = 0, added = 0;
  };
  absl::flat_hash_map<uint64_t, Subject> subjects;
  for (const auto& [id, row] : touched_) {
    subjects[row.s].added += id >= first_new_claim_ ? 1 : 0;
  }
  std::vector<IndexEntry> entries;
  for (auto& [s, subject] : subjects) {
    std::vector<ClaimRecord> stored;
    ANNALS_RETURN_IF_ERROR(
        store_->ForEachInSpo(&s, 1, nullptr, [&](const ClaimRecord& row) {
          stored.push_back(row);
          return stored.size() <= kSmallSubjectClaims;
        }));
    subject.stored = static_cast<int64_t>(stored.size());
    if (subject.stored > kSmallSubjectClaims ||
        subject.stored + subject.added <= kSmallSubjectClaims) {
      continue;
    }
    // This transaction takes the subject past small: its stored claims
    // (that it does not rewrite anyway) enter time by subject.
    std::string index_value;
    for (const ClaimRecord& row : stored) {
      if (touched_.contains(row.id)) continue;
      index_value.clear();
      EncodeIndexValue(row, &index_value);
      TimeEntry(TimePosition::kSubject, row, index_value, &out->emplace_back());
    }
  }
  for (const auto& [id, row] : touched_) {
    RowBase base;
    if (row.batch != 0) {
      ANNALS_ASSIGN_OR_RETURN(base,
                              store_->row_bases().Get(row.batch, nullptr));
    }
    const Subject& subject = subjects[row.s];
    engine::ClaimEntries(row, base,
                         subject.stored + subject.added > kSmallSubjectClaims,
                         &entries);
    for (IndexEntry& e : entries) out->push_back(std::move(e));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::array<int, kFamilyCount>> WriteTxn::PendingEntries() const {
  std::array<int, kFamilyCount> counts{};
  for (int f = 0; f < kFamilyCount; ++f) {
    counts[f] = batch_.count(static_cast<Family>(f));
  }
  std::vector<IndexEntry> entries;
  ANNALS_RETURN_IF_ERROR(ClaimEntries(&entries));
  for (const IndexEntry& e : entries) ++counts[static_cast<int>(e.family)];
  std::vector<std::pair<std::string, std::string>> meta;
  counters_.WriteChanges(store_->counters(), &meta);
  counts[static_cast<int>(Family::kMeta)] += static_cast<int>(meta.size());
  return counts;
}

absl::StatusOr<std::vector<Value>> WriteTxn::NewTerms() const {
  std::vector<std::pair<uint64_t, std::string>> by_id;
  for (const auto& [term, id] : new_terms_) by_id.emplace_back(id, term);
  std::sort(by_id.begin(), by_id.end());
  std::vector<Value> values;
  for (const auto& [id, term] : by_id) {
    ANNALS_ASSIGN_OR_RETURN(Value v, DecodeTerm(term));
    values.push_back(std::move(v));
  }
  return values;
}

namespace {

// The families a write puts entries in, in the order EXPLAIN lists them,
// with what the entries are.
struct FamilyRole {
  Family family;
  std::string_view role;
};
constexpr FamilyRole kWriteRoles[] = {
    {Family::kClaims, "where each claim's record is"},
    {Family::kSpo, "the claim records"},
    {Family::kTime,
     "the time entries by predicate, by object (entities, strings, claims) "
     "and by subject (subjects of more than 64 claims)"},
    {Family::kTerms, "the new terms by id"},
    {Family::kTermIds, "the new terms by value"},
    {Family::kMeta, "the counters that change"},
};

}  // namespace

std::vector<std::string> DescribeEntries(
    const std::array<int, kFamilyCount>& entries,
    const std::vector<Value>& new_terms) {
  std::vector<std::string> lines;
  for (const FamilyRole& f : kWriteRoles) {
    int n = entries[static_cast<int>(f.family)];
    if (n == 0) continue;
    std::string line = absl::StrCat("put ", n, " in ", FamilyName(f.family),
                                    ": ", AbslView(f.role));
    if (f.family == Family::kTerms) {
      for (size_t i = 0; i < new_terms.size(); ++i) {
        absl::StrAppend(&line, i == 0 ? " (" : ", ", new_terms[i].ToString());
      }
      if (!new_terms.empty()) absl::StrAppend(&line, ")");
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace annals::engine
