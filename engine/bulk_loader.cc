// The all-or-nothing bulk load; see bulk_loader.h.
#include "engine/bulk_loader.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <numeric>
#include <thread>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "annals/status_macros.h"
#include "engine/key_codec.h"
#include "schema/sv.h"

namespace annals::engine {
namespace {

// The identity of a claim (see "the same claim" in bulk_loader.h), in spo
// key order first so that one sort serves both deduplication and spo.
auto Identity(const ClaimRow& r) {
  return std::make_tuple(r.s, r.p, r.o, r.from_key(), r.from.precision,
                         r.to.open() ? INT64_MAX : r.to.seconds,
                         r.to.precision, r.source, r.by);
}

bool SameClaim(const ClaimRow& a, const ClaimRow& b) {
  return Identity(a) == Identity(b);
}

// Removes the directory when the load is done, whatever the outcome.
struct TempDir {
  std::string path;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

// Writes `count` entries made by `fill(i, &key, &value)` into one SST file.
template <class Fill>
absl::Status WriteSst(Store* store, Family family, const std::string& dir,
                      size_t count, Fill fill,
                      std::vector<Rocks::Ingest>* ingest) {
  if (count == 0) return absl::OkStatus();
  std::string path = absl::StrCat(dir, "/", FamilyName(family), ".sst");
  ASSIGN_OR_RETURN(auto writer, SstWriter::Create(store->rocks(), family, path));
  std::string key, value;
  for (size_t i = 0; i < count; ++i) {
    key.clear();
    value.clear();
    fill(i, &key, &value);
    RETURN_IF_ERROR(writer->Put(key, value));
  }
  RETURN_IF_ERROR(writer->Finish());
  ingest->push_back({family, path});
  return absl::OkStatus();
}

}  // namespace

BulkLoader::BulkLoader(Store* store, std::vector<std::string> files,
                       int64_t load_time)
    : store_(store), files_(std::move(files)), load_time_(load_time) {}

uint32_t BulkLoader::Intern(std::string_view term) {
  auto it = local_ids_.find(Sv(term));
  if (it != local_ids_.end()) return it->second;
  uint32_t local = static_cast<uint32_t>(terms_.size());
  terms_.emplace_back(term);
  local_ids_.emplace(terms_.back(), local);
  return local;
}

absl::Status BulkLoader::ResolveTerms(const Counters& counters,
                                      Counters* after,
                                      BulkLoadSummary* summary) {
  global_ids_.assign(terms_.size(), 0);
  new_term_.assign(terms_.size(), false);
  bool store_has_terms = counters.next_term > 1;
  for (size_t i = 0; i < terms_.size(); ++i) {
    const std::string& term = terms_[i];
    auto kind = static_cast<ValueKind>(term[0]);
    if (kind == ValueKind::kClaim) {
      std::string_view id_bytes = std::string_view(term).substr(1);
      uint64_t claim_id;
      if (!GetId(&id_bytes, &claim_id)) {
        return absl::InternalError("bad claim reference term");
      }
      if (claim_id >= counters.next_claim) {
        return absl::NotFoundError(absl::StrCat(
            "claim #c", claim_id, " is referenced but not in the store"));
      }
      global_ids_[i] = MakeTermId(claim_id, ValueKind::kClaim);
      continue;
    }
    if (store_has_terms) {
      auto found = store_->dictionary().Find(term, nullptr);
      if (found.ok()) {
        global_ids_[i] = *found;
        continue;
      }
      if (!absl::IsNotFound(found.status())) return found.status();
    }
    global_ids_[i] = MakeTermId(after->next_term++, kind);
    new_term_[i] = true;
    ++summary->terms_added;
  }
  auto global = [&](uint64_t local) {
    return local == kNone ? 0 : global_ids_[local];
  };
  for (ClaimRow& r : rows_) {
    r.s = global(r.s);
    r.p = global(r.p);
    r.o = global(r.o);
    r.source = global(r.source);
    r.by = global(r.by);
  }
  return absl::OkStatus();
}

absl::Status BulkLoader::MarkDuplicates(const Counters& counters,
                                        BulkLoadSummary* summary) {
  std::vector<uint32_t> order(rows_.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    auto ia = Identity(rows_[a]), ib = Identity(rows_[b]);
    return ia != ib ? ia < ib : a < b;
  });
  duplicate_.assign(rows_.size(), false);
  for (size_t i = 1; i < order.size(); ++i) {
    if (SameClaim(rows_[order[i - 1]], rows_[order[i]])) {
      duplicate_[order[i]] = true;
    }
  }
  if (counters.claim_count > 0) {
    // Claims already stored: one forward iterator over spo, seeking to each
    // candidate's (s, p, o, valid_from) in key order.
    auto it = store_->rocks().NewIterator(Family::kSpo, "", "", nullptr);
    std::string prefix;
    for (uint32_t i : order) {
      if (duplicate_[i]) continue;
      const ClaimRow& r = rows_[i];
      uint64_t ids[3] = {r.s, r.p, r.o};
      prefix = IndexPrefix(Family::kSpo, ids, 3);
      PutTime(&prefix, r.from_key());
      for (it->Seek(prefix); it->Valid() && it->key().substr(0, prefix.size()) == prefix;
           it->Next()) {
        ClaimRow stored = r;
        if (!DecodeIndexValue(it->value(), &stored)) {
          return absl::DataLossError(absl::StrCat(
              "store '", store_->dir(), "': unreadable entry in index spo"));
        }
        if (!stored.is_retracted() && SameClaim(stored, r)) {
          duplicate_[i] = true;
          break;
        }
      }
      RETURN_IF_ERROR(it->status());
    }
  }
  summary->duplicates = std::count(duplicate_.begin(), duplicate_.end(), true);
  return absl::OkStatus();
}

absl::StatusOr<BulkLoadSummary> BulkLoader::Commit(bool dry_run) {
  absl::MutexLock writer(&store_->writer_mutex());
  if (!dry_run) RETURN_IF_ERROR(store_->Writable());
  BulkLoadSummary summary;
  summary.rows = rows();
  Counters before = store_->counters();
  Counters after = before;
  RETURN_IF_ERROR(ResolveTerms(before, &after, &summary));
  RETURN_IF_ERROR(MarkDuplicates(before, &summary));

  // Claim ids in file order; batch ids one per file.
  for (size_t f = 0; f < files_.size(); ++f) {
    summary.batches.push_back(after.next_batch++);
  }
  summary.first_claim = after.next_claim;
  for (size_t i = 0; i < rows_.size(); ++i) {
    if (duplicate_[i]) continue;
    ClaimRow& r = rows_[i];
    r.id = after.next_claim++;
    r.batch = summary.batches[r.batch];
    ++after.claim_count;
    ++after.predicate_counts[r.p];
  }
  summary.claims_added = summary.rows - summary.duplicates;
  if (dry_run || (summary.claims_added == 0 && summary.terms_added == 0)) {
    return summary;
  }
  TempDir tmp{absl::StrCat(store_->dir(), "/load-tmp-", getpid(), "-",
                           summary.batches.front())};
  std::error_code ec;
  if (!std::filesystem::create_directory(tmp.path, ec)) {
    return absl::InternalError(
        absl::StrCat("cannot create '", tmp.path, "': ", ec.message()));
  }
  RETURN_IF_ERROR(WriteAndIngest(tmp.path, before, after));
  for (size_t i = 0; i < terms_.size(); ++i) {
    if (new_term_[i]) store_->dictionary().Remember(terms_[i], global_ids_[i]);
  }
  return summary;
}

absl::Status BulkLoader::WriteAndIngest(const std::string& dir,
                                        const Counters& before,
                                        const Counters& after) {
  std::vector<Rocks::Ingest> ingest;
  std::vector<uint32_t> kept;  // file order = claim id order
  for (uint32_t i = 0; i < rows_.size(); ++i) {
    if (!duplicate_[i]) kept.push_back(i);
  }
  auto index_entry = [&](Family f, const std::vector<uint32_t>& order) {
    return [&, f](size_t i, std::string* key, std::string* value) {
      const ClaimRow& r = rows_[order[i]];
      EncodeIndexKey(f, r.index_key(), key);
      EncodeIndexValue(r, value);
    };
  };
  // The index orders are sorted on a second thread while the first writes
  // the claim records (already in claim id order).
  std::vector<uint32_t> spo(kept), pos(kept), osp(kept);
  std::thread sorter([&] {
    auto sort_by = [&](std::vector<uint32_t>* order, auto key_of) {
      std::sort(order->begin(), order->end(), [&](uint32_t a, uint32_t b) {
        return key_of(rows_[a]) < key_of(rows_[b]);
      });
    };
    sort_by(&spo, [](const ClaimRow& r) {
      return std::make_tuple(r.s, r.p, r.o, r.from_key(), r.id);
    });
    sort_by(&pos, [](const ClaimRow& r) {
      return std::make_tuple(r.p, r.o, r.s, r.from_key(), r.id);
    });
    sort_by(&osp, [](const ClaimRow& r) {
      return std::make_tuple(r.o, r.s, r.p, r.from_key(), r.id);
    });
  });
  absl::Status s = WriteSst(
      store_, Family::kClaims, dir, kept.size(),
      [&](size_t i, std::string* key, std::string* value) {
        PutId(key, rows_[kept[i]].id);
        *value = EncodeClaimRecord(rows_[kept[i]]);
      },
      &ingest);
  sorter.join();
  RETURN_IF_ERROR(s);
  RETURN_IF_ERROR(WriteSst(store_, Family::kSpo, dir, spo.size(),
                           index_entry(Family::kSpo, spo), &ingest));
  RETURN_IF_ERROR(WriteSst(store_, Family::kPos, dir, pos.size(),
                           index_entry(Family::kPos, pos), &ingest));
  RETURN_IF_ERROR(WriteSst(store_, Family::kOsp, dir, osp.size(),
                           index_entry(Family::kOsp, osp), &ingest));

  // Dictionary: new ids ascend in order of first appearance.
  std::vector<uint32_t> new_terms;
  for (uint32_t i = 0; i < terms_.size(); ++i) {
    if (new_term_[i]) new_terms.push_back(i);
  }
  RETURN_IF_ERROR(WriteSst(
      store_, Family::kTerms, dir, new_terms.size(),
      [&](size_t i, std::string* key, std::string* value) {
        PutId(key, global_ids_[new_terms[i]]);
        *value = terms_[new_terms[i]];
      },
      &ingest));
  std::sort(new_terms.begin(), new_terms.end(),
            [&](uint32_t a, uint32_t b) { return terms_[a] < terms_[b]; });
  RETURN_IF_ERROR(WriteSst(
      store_, Family::kTermIds, dir, new_terms.size(),
      [&](size_t i, std::string* key, std::string* value) {
        *key = terms_[new_terms[i]];
        PutId(value, global_ids_[new_terms[i]]);
      },
      &ingest));

  // Meta: changed counters and one record per batch, in key order.
  std::vector<std::pair<std::string, std::string>> meta;
  after.WriteChanges(before, &meta);
  std::vector<int64_t> batch_rows(files_.size(), 0);
  for (uint32_t i : kept) ++batch_rows[rows_[i].batch - before.next_batch];
  for (size_t f = 0; f < files_.size(); ++f) {
    std::string key(kMetaBatchPrefix);
    PutId(&key, before.next_batch + f);
    meta.emplace_back(key, absl::StrCat(load_time_, "\t", batch_rows[f], "\t",
                                        files_[f]));
  }
  std::sort(meta.begin(), meta.end());
  RETURN_IF_ERROR(WriteSst(
      store_, Family::kMeta, dir, meta.size(),
      [&](size_t i, std::string* key, std::string* value) {
        *key = meta[i].first;
        *value = meta[i].second;
      },
      &ingest));
  return store_->Ingest(ingest, after);
}

}  // namespace annals::engine
