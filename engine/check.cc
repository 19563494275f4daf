// Store consistency check; see check.h. Each index ordering is compared with
// the claim records by an order-independent fingerprint (count and sum of
// hashes of the expected entries), so the check needs sequential scans and
// constant memory per family; on a mismatch the records are walked again
// with point reads to name the claims whose entries are wrong.
#include "engine/check.h"

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "engine/index_entries.h"
#include "engine/key_codec.h"
#include "engine/schema_store.h"
#include "engine/time_index.h"
#include "schema/validator.h"

namespace annals::engine {
namespace {

constexpr size_t kMaxProblems = 50;

struct Fingerprint {
  int64_t count = 0;
  uint64_t sum = 0;
  void Add(std::string_view key, std::string_view value) {
    ++count;
    sum += absl::HashOf(key, value);
  }
  bool operator==(const Fingerprint& o) const {
    return count == o.count && sum == o.sum;
  }
};

class Checker {
 public:
  Checker(Store* store, CheckResult* report) : store_(store), report_(report) {
    // The counters must be those of the snapshot's instant.
    Store::ConsistentView view = store->GetConsistentView();
    snap_ = std::move(view.snapshot);
    counters_ = std::move(view.counters);
    schema_ = std::move(view.schema.schema);
  }

  const Snapshot* snapshot() const { return snap_.get(); }
  const schema::Schema& schema() const { return *schema_; }

  absl::Status Run() {
    ANNALS_RETURN_IF_ERROR(CheckRecords());
    for (Family f : kIndexFamilies) ANNALS_RETURN_IF_ERROR(CheckIndex(f));
    ANNALS_RETURN_IF_ERROR(CheckDictionary());
    CheckCounters();
    return absl::OkStatus();
  }

 private:
  void Problem(std::string text) {
    if (report_->problems.size() < kMaxProblems) {
      report_->problems.push_back(std::move(text));
    } else if (report_->problems.size() == kMaxProblems) {
      report_->problems.push_back("... more problems not listed");
    }
  }

  absl::Status CheckRecords() {
    auto it = store_->rocks().NewIterator(Family::kClaims, "", "", snap_.get());
    std::vector<IndexEntry> entries;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::string_view k = it->key();
      uint64_t id;
      ClaimRecord row;
      if (!GetId(&k, &id) || !k.empty()) {
        Problem("claims: unreadable key");
        continue;
      }
      absl::Status s = DecodeClaimRecord(it->value(), &row);
      if (!s.ok() || row.id != id) {
        Problem(absl::StrCat(
            "claim #c", id, ": unreadable record (",
            s.ok() ? absl::StrCat("it is the record of claim #c", row.id)
                   : std::string(s.message()),
            ")"));
        unreadable_.insert(id);
        continue;
      }
      ++report_->claims;
      max_claim_ = std::max(max_claim_, id);
      ++predicate_counts_[row.p];
      for (uint64_t term : {row.s, row.p, row.o, row.source, row.by}) {
        if (term != 0) referenced_.insert(term);
      }
      ClaimIndexEntries(row, &entries);
      for (const IndexEntry& e : entries) {
        expected_[static_cast<int>(e.family)].Add(e.key, e.value);
      }
    }
    return it->status();
  }

  absl::Status CheckIndex(Family f) {
    const Fingerprint& expected = expected_[static_cast<int>(f)];
    Fingerprint found;
    auto it = store_->rocks().NewIterator(f, "", "", snap_.get());
    int64_t entries = 0;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      ++entries;
      // The entries of a claim whose record is unreadable cannot be
      // compared: that claim is named once, above.
      if (!unreadable_.empty() && unreadable_.contains(ClaimOf(f, it->key()))) {
        continue;
      }
      found.Add(it->key(), it->value());
      if (!Readable(f, it->key(), it->value())) {
        Problem(absl::StrCat("index ", FamilyName(f), ": unreadable entry"));
      }
    }
    ANNALS_RETURN_IF_ERROR(it->status());
    report_->index_entries += entries;
    if (found == expected) return absl::OkStatus();
    Problem(absl::StrCat("index ", FamilyName(f),
                         " disagrees with the claim records: ", found.count,
                         " entries where ", expected.count, " are due"));
    return NameWrongEntries(f);
  }

  // The claim an index key belongs to; 0 when the key is unreadable.
  static uint64_t ClaimOf(Family f, std::string_view key) {
    if (f == Family::kTime) {
      TimeKey k;
      return DecodeTimeKey(key, &k) ? k.claim : 0;
    }
    IndexKey k;
    return DecodeIndexKey(f, key, &k) ? k.claim : 0;
  }

  static bool Readable(Family f, std::string_view key, std::string_view value) {
    ClaimRecord row;
    if (f == Family::kTime) {
      TimeKey k;
      return DecodeTimeKey(key, &k) && DecodeTimeEntry(k, value, &row);
    }
    IndexKey k;
    return DecodeIndexKey(f, key, &k) && DecodeIndexValue(value, k.from, &row);
  }

  // Point reads: which claims lack their entry or have a different one.
  absl::Status NameWrongEntries(Family f) {
    auto it = store_->rocks().NewIterator(Family::kClaims, "", "", snap_.get());
    std::vector<IndexEntry> entries;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      ClaimRecord row;
      if (!DecodeClaimRecord(it->value(), &row).ok()) continue;
      ClaimIndexEntries(row, &entries);
      for (const IndexEntry& e : entries) {
        if (e.family != f) continue;
        auto stored = store_->rocks().Get(f, e.key, snap_.get());
        if (absl::IsNotFound(stored.status())) {
          Problem(absl::StrCat("claim #c", row.id, ": missing from index ",
                               FamilyName(f)));
        } else if (!stored.ok()) {
          return stored.status();
        } else if (*stored != e.value) {
          Problem(absl::StrCat("claim #c", row.id, ": index ", FamilyName(f),
                               " holds different times or provenance"));
        }
      }
    }
    return it->status();
  }

  absl::Status CheckDictionary() {
    absl::flat_hash_set<uint64_t> ids;
    auto it = store_->rocks().NewIterator(Family::kTerms, "", "", snap_.get());
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::string_view k = it->key();
      uint64_t id;
      if (!GetId(&k, &id) || !k.empty()) {
        Problem("terms: unreadable key");
        continue;
      }
      ++report_->terms;
      ids.insert(id);
      max_term_seq_ = std::max(max_term_seq_, TermSeq(id));
      std::string term(it->value());
      if (!DecodeTerm(term).ok() || term.empty() ||
          static_cast<uint64_t>(term[0]) != (id & 7)) {
        Problem(absl::StrCat("term id ", id, ": unreadable term"));
        continue;
      }
      auto back = store_->rocks().Get(Family::kTermIds, term, snap_.get());
      std::string_view b = back.ok() ? std::string_view(*back) : "";
      uint64_t back_id = 0;
      if (!back.ok() || !GetId(&b, &back_id) || back_id != id) {
        Problem(absl::StrCat("term id ", id,
                             ": term_ids does not map its term back to it"));
      }
    }
    ANNALS_RETURN_IF_ERROR(it->status());
    int64_t reverse = 0;
    auto rit =
        store_->rocks().NewIterator(Family::kTermIds, "", "", snap_.get());
    for (rit->SeekToFirst(); rit->Valid(); rit->Next()) ++reverse;
    ANNALS_RETURN_IF_ERROR(rit->status());
    if (reverse != report_->terms) {
      Problem(absl::StrCat("dictionary: ", report_->terms, " terms but ",
                           reverse, " entries in term_ids"));
    }
    for (uint64_t term : referenced_) {
      if (TermKind(term) == ValueKind::kClaim) {
        if (TermSeq(term) > max_claim_ ||
            !store_->GetClaim(TermSeq(term), snap_.get()).ok()) {
          Problem(absl::StrCat("a claim refers to missing claim #c",
                               TermSeq(term)));
        }
      } else if (!ids.contains(term)) {
        Problem(absl::StrCat("term id ", term,
                             " is used by claims but missing from terms"));
      }
    }
    return absl::OkStatus();
  }

  void CheckCounters() {
    const Counters& c = counters_;
    // Unreadable records count as claims, but their predicates are unknown.
    const int64_t records =
        report_->claims + static_cast<int64_t>(unreadable_.size());
    if (c.claim_count != records) {
      Problem(absl::StrCat("meta says ", c.claim_count, " claims, store has ",
                           records));
    }
    for (uint64_t id : unreadable_) max_claim_ = std::max(max_claim_, id);
    if (records > 0 && c.next_claim <= max_claim_) {
      Problem(absl::StrCat("meta next_claim ", c.next_claim,
                           " is not above the highest claim id ", max_claim_));
    }
    if (report_->terms > 0 && c.next_term <= max_term_seq_) {
      Problem(absl::StrCat("meta next_term ", c.next_term,
                           " is not above the highest term sequence ",
                           max_term_seq_));
    }
    if (!unreadable_.empty()) return;
    for (const auto& [pid, count] : predicate_counts_) {
      auto it = c.predicate_counts.find(pid);
      int64_t meta = it == c.predicate_counts.end() ? 0 : it->second;
      if (meta != count) {
        Problem(absl::StrCat("meta counts ", meta, " claims for predicate id ",
                             pid, ", store has ", count));
      }
    }
    for (const auto& [pid, count] : c.predicate_counts) {
      if (count != 0 && !predicate_counts_.contains(pid)) {
        Problem(absl::StrCat("meta counts ", count, " claims for predicate id ",
                             pid, ", store has none"));
      }
    }
  }

  Store* store_;
  CheckResult* report_;
  std::shared_ptr<const Snapshot> snap_;
  std::shared_ptr<const schema::Schema> schema_;
  Counters counters_;                   // as of snap_
  Fingerprint expected_[kFamilyCount];  // by family
  absl::flat_hash_set<uint64_t> referenced_;
  absl::flat_hash_set<uint64_t> unreadable_;  // claim ids
  absl::flat_hash_map<uint64_t, int64_t> predicate_counts_;
  uint64_t max_claim_ = 0;
  uint64_t max_term_seq_ = 0;
};

}  // namespace

absl::StatusOr<CheckResult> CheckStore(Store* store) {
  CheckResult report;
  Checker checker(store, &report);
  ANNALS_RETURN_IF_ERROR(checker.Run());
  ANNALS_ASSIGN_OR_RETURN(
      report.schema_violations,
      SchemaViolations(store, checker.snapshot(), checker.schema()));
  return report;
}

// Reads, for each declared predicate, its claims in `pos` order: the object
// decides, so each distinct object is looked up and validated once.
absl::StatusOr<std::vector<std::string>> SchemaViolations(
    Store* store, const Snapshot* snap, const schema::Schema& schema) {
  std::vector<std::string> out;
  Dictionary& dict = store->dictionary();
  for (const auto& [name, def] : schema.predicates()) {
    absl::StatusOr<uint64_t> pid = dict.Find(Value::Entity(name), snap);
    if (absl::IsNotFound(pid.status())) continue;
    ANNALS_RETURN_IF_ERROR(pid.status());
    std::string prefix = IndexPrefix(Family::kPos, &*pid, 1);
    auto it = store->rocks().NewIterator(Family::kPos, prefix,
                                         PrefixEnd(prefix), snap);
    uint64_t last_object = 0;
    absl::Status last_status;
    Value object;
    for (it->Seek(prefix); it->Valid(); it->Next()) {
      IndexKey k;
      ClaimRecord row;
      if (!DecodeIndexKey(Family::kPos, it->key(), &k) ||
          !DecodeIndexValue(it->value(), k.from, &row)) {
        return absl::DataLossError(absl::StrCat(
            "store '", store->dir(), "': unreadable entry in index pos"));
      }
      if (row.is_retracted()) continue;
      if (k.o != last_object || last_object == 0) {
        last_object = k.o;
        if (TermKind(k.o) == ValueKind::kClaim) {
          object = Value::Claim(TermSeq(k.o));
        } else {
          ANNALS_ASSIGN_OR_RETURN(object, dict.Lookup(k.o, snap));
        }
        if (object.is_entity() && schema::NeedsObjectTypes(schema, name)) {
          ANNALS_ASSIGN_OR_RETURN(std::vector<std::string> types,
                                  EntityTypes(store, snap, object.text()));
          last_status = schema::ValidateClaim(schema, name, object, &types);
        } else {
          last_status = schema::ValidateClaim(schema, name, object);
        }
      }
      if (last_status.ok()) continue;
      Value subject;
      if (TermKind(k.s) == ValueKind::kClaim) {
        subject = Value::Claim(TermSeq(k.s));
      } else {
        ANNALS_ASSIGN_OR_RETURN(subject, dict.Lookup(k.s, snap));
      }
      out.push_back(absl::StrCat("#c", k.claim, " ", subject.ToString(), " ",
                                 name, " ", object.ToString(), ": ",
                                 last_status.message()));
    }
    ANNALS_RETURN_IF_ERROR(it->status());
  }
  // Claims stored under a name that is now an alias: queries and writes
  // take the name for the entity it stands for, so they are out of reach.
  for (const auto& [alias, name] : schema.aliases()) {
    absl::StatusOr<uint64_t> id = dict.Find(Value::Entity(alias), snap);
    if (absl::IsNotFound(id.status())) continue;
    ANNALS_RETURN_IF_ERROR(id.status());
    for (Family f : {Family::kSpo, Family::kOsp}) {  // as subject, as object
      std::string prefix = IndexPrefix(f, &*id, 1);
      auto it = store->rocks().NewIterator(f, prefix, PrefixEnd(prefix), snap);
      for (it->Seek(prefix); it->Valid(); it->Next()) {
        IndexKey k;
        ClaimRecord row;
        if (!DecodeIndexKey(f, it->key(), &k) ||
            !DecodeIndexValue(it->value(), k.from, &row)) {
          return absl::DataLossError(
              absl::StrCat("store '", store->dir(),
                           "': unreadable entry in index ", FamilyName(f)));
        }
        if (row.is_retracted()) continue;
        out.push_back(absl::StrCat(
            "#c", k.claim, ": its ", f == Family::kSpo ? "subject" : "object",
            " `", alias, "` is an alias of `", name,
            "`; retract it and assert it with `", name, "`"));
      }
      ANNALS_RETURN_IF_ERROR(it->status());
    }
  }
  return out;
}

}  // namespace annals::engine
