// Store consistency check; see check.h. The claim records are the `spo`
// entries: each is decoded, and every entry it implies (its pointer in
// `claims`, its time entries) is added to an order-independent fingerprint
// (count and sum of hashes) of what each family must hold, which is then
// compared with a sequential scan of the family; on a mismatch the records
// are walked again with point reads to name the claims whose entries are
// wrong. Memory: constant per family, and one subject's first
// kSmallSubjectClaims records.
#include "engine/check.h"

#include <functional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "engine/index_entries.h"
#include "engine/key_codec.h"
#include "engine/scan.h"
#include "engine/schema_store.h"
#include "engine/time_classes.h"
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
    for (Family f : {Family::kClaims, Family::kTime}) {
      ANNALS_RETURN_IF_ERROR(CheckIndex(f));
    }
    for (Family f : {Family::kPos, Family::kOsp}) {
      ANNALS_RETURN_IF_ERROR(CheckEmpty(f));
    }
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

  // Calls `each` with every readable record in spo order and the entries it
  // implies; an unreadable one is `bad(claim id, what)` (0: key unreadable).
  absl::Status ForEachRecord(
      const std::function<void(const ClaimRecord&,
                               const std::vector<IndexEntry>&)>& each,
      const std::function<void(uint64_t, std::string)>& bad) {
    auto it = store_->rocks().NewIterator(Family::kSpo, "", "", snap_.get());
    uint64_t current = 0;              // the subject being read
    std::vector<ClaimRecord> subject;  // its first records
    bool big = false;
    std::vector<IndexEntry> entries;
    auto emit = [&](const ClaimRecord& row) {
      RowBase base;
      if (row.batch != 0) {
        auto b = store_->row_bases().Get(row.batch, snap_.get());
        if (!b.ok()) return bad(row.id, std::string(b.status().message()));
        base = *b;
      }
      ClaimEntries(row, base, big, &entries);
      each(row, entries);
    };
    auto end_subject = [&] {
      for (const ClaimRecord& row : subject) emit(row);
      subject.clear();
      big = false;
    };
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      IndexKey k;
      ClaimRecord row;
      int64_t distance;
      if (!DecodeIndexKey(Family::kSpo, it->key(), &k)) {
        bad(0, "unreadable spo key");
        continue;
      }
      if (k.s != current) {
        end_subject();
        current = k.s;
      }
      if (!DecodeSpoEntry(it->key(), it->value(), &row, &distance)) {
        bad(k.claim, "unreadable record in spo");
        continue;
      }
      if (row.batch != 0) {
        auto base = store_->row_bases().Get(row.batch, snap_.get());
        if (base.ok()) row.row = RowFromDistance(*base, row.id, distance);
      }
      if (big) {
        emit(row);
        continue;
      }
      subject.push_back(row);
      if (subject.size() > kSmallSubjectClaims) {
        big = true;
        std::vector<ClaimRecord> first = std::move(subject);
        subject.clear();
        for (const ClaimRecord& r : first) emit(r);
      }
    }
    end_subject();
    return it->status();
  }

  absl::Status CheckRecords() {
    return ForEachRecord(
        [&](const ClaimRecord& row, const std::vector<IndexEntry>& entries) {
          ++report_->claims;
          ++report_->index_entries;  // its record in spo
          max_claim_ = std::max(max_claim_, row.id);
          ++predicate_counts_[row.p];
          for (uint64_t term : {row.s, row.p, row.o, row.source, row.by}) {
            if (term != 0) referenced_.insert(term);
          }
          for (const IndexEntry& e : entries) {
            expected_[static_cast<int>(e.family)].Add(e.key, e.value);
          }
        },
        [&](uint64_t id, std::string what) {
          ++report_->index_entries;
          Problem(id == 0 ? std::move(what)
                          : absl::StrCat("claim #c", id, ": ", what));
          if (id != 0) unreadable_.insert(id);
        });
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

  // Format 3 writes nothing in pos and osp (FORMAT.md).
  absl::Status CheckEmpty(Family f) {
    auto it = store_->rocks().NewIterator(f, "", "", snap_.get());
    it->SeekToFirst();
    if (it->Valid()) {
      Problem(absl::StrCat("family ", FamilyName(f),
                           " holds entries, which format 3 never writes"));
    }
    return it->status();
  }

  // The claim an entry's key belongs to; 0 when the key is unreadable.
  static uint64_t ClaimOf(Family f, std::string_view key) {
    if (f == Family::kTime) {
      ClassKey k;
      return DecodeClassKey(key, &k) ? k.claim : 0;
    }
    uint64_t id;
    return GetId(&key, &id) && key.empty() ? id : 0;
  }

  static bool Readable(Family f, std::string_view key, std::string_view value) {
    if (f == Family::kTime) {
      ClassKey k;
      ClaimRecord row;
      return DecodeClassKey(key, &k) && DecodeClassEntry(k, value, &row);
    }
    ClaimPointer ptr;
    return ClaimOf(f, key) != 0 && DecodeClaimPointer(value, &ptr);
  }

  // Point reads: which claims lack their entry or have a different one.
  absl::Status NameWrongEntries(Family f) {
    absl::Status status;
    absl::flat_hash_set<uint64_t> named;
    ANNALS_RETURN_IF_ERROR(ForEachRecord(
        [&](const ClaimRecord& row, const std::vector<IndexEntry>& entries) {
          for (const IndexEntry& e : entries) {
            if (e.family != f || !status.ok()) continue;
            auto stored = store_->rocks().Get(f, e.key, snap_.get());
            if (absl::IsNotFound(stored.status())) {
              Problem(absl::StrCat("claim #c", row.id, ": missing from ",
                                   FamilyName(f)));
            } else if (!stored.ok()) {
              status = stored.status();
            } else if (*stored != e.value) {
              named.insert(row.id);
              Problem(absl::StrCat(
                  "claim #c", row.id, ": ", FamilyName(f), " holds different ",
                  f == Family::kClaims ? "subject, predicate or valid_from"
                                       : "times or provenance"));
            }
          }
        },
        [](uint64_t, std::string) {}));
    if (f != Family::kClaims || !status.ok()) return status;
    // Pointers whose record is missing from spo.
    auto it = store_->rocks().NewIterator(Family::kClaims, "", "", snap_.get());
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      const uint64_t id = ClaimOf(f, it->key());
      if (id == 0 || unreadable_.contains(id) || named.contains(id)) continue;
      ClaimPointer ptr;
      if (!DecodeClaimPointer(it->value(), &ptr)) continue;  // named above
      auto row = store_->GetClaim(id, snap_.get());
      if (absl::IsDataLoss(row.status()) &&
          absl::StrContains(row.status().message(), "no record in spo")) {
        Problem(
            absl::StrCat("claim #c", id, ": its record is missing from spo"));
      } else if (!row.ok() && !absl::IsDataLoss(row.status())) {
        return row.status();
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

namespace {

// Calls `each` with every claim of `term` at `position` of the time index
// (every field but batch and row).
absl::Status ForEachInTime(
    Store* store, const Snapshot* snap, TimePosition position, uint64_t term,
    const std::function<absl::Status(const ClaimRecord&)>& each) {
  std::string prefix = TimePrefix(position, term);
  auto it = store->rocks().NewIterator(Family::kTime, prefix, PrefixEnd(prefix),
                                       snap);
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    ClassKey k;
    ClaimRecord row;
    if (!DecodeClassKey(it->key(), &k) ||
        !DecodeClassEntry(k, it->value(), &row)) {
      return absl::DataLossError(absl::StrCat(
          "store '", store->dir(), "': unreadable entry in index time"));
    }
    ANNALS_RETURN_IF_ERROR(each(row));
  }
  return it->status();
}

}  // namespace

// Reads, for each declared predicate, its claims in time by predicate: each
// distinct object is looked up and validated once.
absl::StatusOr<std::vector<std::string>> SchemaViolations(
    Store* store, const Snapshot* snap, const schema::Schema& schema) {
  std::vector<std::string> out;
  Dictionary& dict = store->dictionary();
  auto value_of = [&](uint64_t id) -> absl::StatusOr<Value> {
    if (TermKind(id) == ValueKind::kClaim) return Value::Claim(TermSeq(id));
    return dict.Lookup(id, snap);
  };
  for (const auto& predicate : schema.predicates()) {
    // A reference, not a structured binding: C++17 lambdas (the one below)
    // cannot capture those, and clang refuses.
    const std::string& name = predicate.first;
    absl::StatusOr<uint64_t> pid = dict.Find(Value::Entity(name), snap);
    if (absl::IsNotFound(pid.status())) continue;
    ANNALS_RETURN_IF_ERROR(pid.status());
    absl::flat_hash_map<uint64_t, absl::Status> by_object;
    ANNALS_RETURN_IF_ERROR(ForEachInTime(
        store, snap, TimePosition::kPredicate, *pid,
        [&](const ClaimRecord& row) -> absl::Status {
          if (row.is_retracted()) return absl::OkStatus();
          auto known = by_object.find(row.o);
          if (known == by_object.end()) {
            ANNALS_ASSIGN_OR_RETURN(Value object, value_of(row.o));
            absl::Status valid;
            if (object.is_entity() && schema::NeedsObjectTypes(schema, name)) {
              ANNALS_ASSIGN_OR_RETURN(std::vector<std::string> types,
                                      EntityTypes(store, snap, object.text()));
              valid = schema::ValidateClaim(schema, name, object, &types);
            } else {
              valid = schema::ValidateClaim(schema, name, object);
            }
            known = by_object.emplace(row.o, std::move(valid)).first;
          }
          if (known->second.ok()) return absl::OkStatus();
          ANNALS_ASSIGN_OR_RETURN(Value subject, value_of(row.s));
          ANNALS_ASSIGN_OR_RETURN(Value object, value_of(row.o));
          out.push_back(absl::StrCat("#c", row.id, " ", subject.ToString(), " ",
                                     name, " ", object.ToString(), ": ",
                                     known->second.message()));
          return absl::OkStatus();
        }));
  }
  // Claims stored under a name that is now an alias: queries and writes
  // take the name for the entity it stands for, so they are out of reach.
  for (const auto& entry : schema.aliases()) {
    const std::string& alias = entry.first;
    const std::string& name = entry.second;
    absl::StatusOr<uint64_t> id = dict.Find(Value::Entity(alias), snap);
    if (absl::IsNotFound(id.status())) continue;
    ANNALS_RETURN_IF_ERROR(id.status());
    auto note = [&](const ClaimRecord& row, std::string_view as) {
      if (row.is_retracted()) return;
      out.push_back(absl::StrCat("#c", row.id, ": its ", AbslView(as), " `",
                                 alias, "` is an alias of `", name,
                                 "`; retract it and assert it with `", name,
                                 "`"));
    };
    // As subject: its spo entries.
    ANNALS_RETURN_IF_ERROR(
        store->ForEachInSpo(&*id, 1, snap, [&](const ClaimRecord& row) {
          note(row, "subject");
          return true;
        }));
    // As object: time by object (an alias is an entity).
    ANNALS_RETURN_IF_ERROR(ForEachInTime(store, snap, TimePosition::kObject,
                                         *id, [&](const ClaimRecord& row) {
                                           note(row, "object");
                                           return absl::OkStatus();
                                         }));
  }
  return out;
}

}  // namespace annals::engine
