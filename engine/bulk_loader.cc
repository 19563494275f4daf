// The all-or-nothing bulk load; see bulk_loader.h.
#include "engine/bulk_loader.h"

#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <functional>
#include <mutex>
#include <numeric>
#include <optional>
#include <system_error>
#include <thread>
#include <tuple>

#include "absl/container/btree_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "engine/batch_meta.h"
#include "engine/dictionary.h"
#include "engine/index_entries.h"
#include "engine/key_codec.h"
#include "engine/name_notices.h"
#include "engine/run_sorter.h"
#include "engine/schema_store.h"
#include "engine/supersession.h"
#include "engine/time_writer.h"

namespace annals::engine {

namespace {
// This thread's CPU time, for the load's profile (LoadResult::steps).
double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}
}  // namespace
namespace {

// The identity of a claim (see "the same claim" in bulk_loader.h), in spo
// key order first so that one sort serves both deduplication and spo.
auto Identity(const ClaimRecord& r) {
  return std::make_tuple(r.s, r.p, r.o, r.from_key(), r.from.precision,
                         r.to.open() ? INT64_MAX : r.to.seconds, r.to.precision,
                         r.source, r.by);
}

bool SameClaim(const ClaimRecord& a, const ClaimRecord& b) {
  return Identity(a) == Identity(b);
}

// A duplicate: the same claim, both live, or both retracted at the same time
// and recorded at the same time (a row that comes retracted, from an
// `annals export --claims` file, is a past record: it never stands for a
// live claim, nor a live claim for it).
bool SameRecord(const ClaimRecord& a, const ClaimRecord& b) {
  return a.retracted == b.retracted &&
         (!a.is_retracted() || a.recorded == b.recorded) && SameClaim(a, b);
}

// A claim the load states twice is on record since the earlier statement,
// whichever comes first in the file.
void KeepEarlierRecord(const ClaimRecord& again, ClaimRecord* kept) {
  if (again.recorded < kept->recorded) {
    kept->recorded = again.recorded;
    kept->recorded_precision = again.recorded_precision;
  }
}

// Removes the directory when the load is done, whatever the outcome.
struct TempDir {
  std::string path;
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) std::filesystem::remove_all(path, ec);
  }
};

// The SST file of `family` (and `part`, when a family has several) in `dir`.
std::string SstPath(const std::string& dir, Family family,
                    std::string_view part = "") {
  return absl::StrCat(dir, "/", FamilyName(family), AbslView(part), ".sst");
}

// Writes `count` entries made by `fill(i, &key, &value)` into the family's
// SST file.
template <class Fill>
absl::Status WriteSst(Store* store, Family family, const std::string& dir,
                      size_t count, Fill fill, Interrupt* interrupt,
                      std::vector<Rocks::Ingest>* ingest) {
  if (count == 0) return absl::OkStatus();
  std::string path = SstPath(dir, family);
  ANNALS_ASSIGN_OR_RETURN(auto writer,
                          SstWriter::Create(store->rocks(), family, path));
  std::string key, value;
  for (size_t i = 0; i < count; ++i) {
    ANNALS_RETURN_IF_ERROR(interrupt->Tick());
    key.clear();
    value.clear();
    fill(i, &key, &value);
    ANNALS_RETURN_IF_ERROR(writer->Put(key, value));
  }
  ANNALS_RETURN_IF_ERROR(writer->Finish());
  ingest->push_back({family, path});
  return absl::OkStatus();
}

// A full disk says so, names the store and what the user can do: the load's
// temporary files are gone by the time the caller sees this.
absl::Status DiskFull(const std::string& store_dir, absl::Status s) {
  if (!absl::IsResourceExhausted(s)) return s;
  return absl::ResourceExhaustedError(
      absl::StrCat("disk full while loading into store '", store_dir,
                   "': nothing was loaded and the store is as it was; free "
                   "space on its disk and load again (",
                   s.message(), ")"));
}

}  // namespace

BulkLoader::BulkLoader(Store* store, std::vector<std::string> files,
                       int64_t load_time)
    : store_(store), files_(std::move(files)), load_time_(load_time) {}

absl::Status BulkLoader::Append(const TermTable& terms, ClaimBuffer* rows) {
  std::vector<uint32_t> local(terms.size());
  for (uint32_t i = 0; i < terms.size(); ++i) {
    ANNALS_RETURN_IF_ERROR(interrupt_.Tick());
    local[i] = terms_.Intern(terms.term(i));
  }
  for (size_t i = 0; i < rows->size(); ++i) {
    ANNALS_RETURN_IF_ERROR(interrupt_.Tick());
    ClaimRecord& r = (*rows)[i];
    for (uint64_t* term : {&r.s, &r.p, &r.o, &r.source, &r.by}) {
      if (*term != kNone) *term = local[*term];
    }
  }
  rows_.MoveFrom(rows);
  return absl::OkStatus();
}

void BulkLoader::NoteNewNames(const Counters& counters, bool store_has_terms,
                              LoadResult* summary) {
  // What each of the load's terms is used as (rows still hold local
  // numbers).
  std::vector<bool> as_predicate(terms_.size(), false);
  std::vector<bool> as_entity(terms_.size(), false);
  for (size_t i = 0; i < rows_.size(); ++i) {
    const ClaimRecord& r = rows_[i];
    as_predicate[r.p] = true;
    for (uint64_t t : {r.s, r.o, r.by}) {
      if (t != kNone) as_entity[t] = true;
    }
  }
  size_t checked = 0;
  auto note = [&](std::string_view name, bool predicate) {
    std::vector<std::string>& list =
        predicate ? summary->new_predicates : summary->new_entities;
    ++(predicate ? summary->new_predicate_count : summary->new_entity_count);
    if (list.size() < LoadResult::kListedNewNames) list.emplace_back(name);
    // Near a name the store had (none when it had no names).
    if (!store_has_terms || checked >= LoadResult::kCheckedNewNames) return;
    ++checked;
    bool near = false;
    std::string notice = NewNameNotice(store_, name, predicate, &near);
    if (near) summary->notices.push_back(std::move(notice));
  };
  for (size_t i = 0; i < terms_.size(); ++i) {
    std::optional<std::string_view> name = EntityOfTerm(terms_.term(i));
    if (!name) continue;
    if (as_predicate[i] &&
        (new_term_[i] || !counters.predicate_counts.contains(global_ids_[i]))) {
      note(*name, true);
    }
    if (as_entity[i] && new_term_[i]) note(*name, false);
  }
}

absl::Status BulkLoader::ResolveTerms(const Counters& counters, Counters* after,
                                      LoadResult* summary) {
  global_ids_.assign(terms_.size(), 0);
  new_term_.assign(terms_.size(), false);
  bool store_has_terms = counters.next_term > 1;
  for (size_t i = 0; i < terms_.size(); ++i) {
    ANNALS_RETURN_IF_ERROR(interrupt_.Tick());
    const std::string& term = terms_.term(i);
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
  NoteNewNames(counters, store_has_terms, summary);
  auto global = [&](uint64_t local) {
    return local == kNone ? 0 : global_ids_[local];
  };
  for (size_t i = 0; i < rows_.size(); ++i) {
    ANNALS_RETURN_IF_ERROR(interrupt_.Tick());
    ClaimRecord& r = rows_[i];
    r.s = global(r.s);
    r.p = global(r.p);
    r.o = global(r.o);
    r.source = global(r.source);
    r.by = global(r.by);
  }
  return absl::OkStatus();
}

namespace {

// A row's spo key, sorted without touching the rows: `k` holds subject,
// predicate, valid_from (as an unsigned number whose order is the signed
// one's), object and claim id. `row` finds the row when its spo value is not
// inline.
struct SortKey {
  uint64_t k[5];
  uint32_t row;
  uint8_t value_size;  // > sizeof(value): the value is not inline
  char value[19];
};
static_assert(sizeof(SortKey) == 64);

constexpr uint64_t kSignFlip = uint64_t{1} << 63;

IndexKey ToIndexKey(const SortKey& k) {
  return {k.k[0], k.k[1], k.k[3], static_cast<int64_t>(k.k[2] ^ kSignFlip),
          k.k[4]};
}

SortKey KeyOf(const ClaimRecord& r, uint32_t row) {
  SortKey key{};
  key.k[0] = r.s;
  key.k[1] = r.p;
  key.k[2] = static_cast<uint64_t>(r.from_key()) ^ kSignFlip;
  key.k[3] = r.o;
  key.k[4] = r.id;
  key.row = row;
  return key;
}

struct KeyOrder {
  bool operator()(const SortKey& x, const SortKey& y) const {
    for (int i = 0; i < 4; ++i) {
      if (x.k[i] != y.k[i]) return x.k[i] < y.k[i];
    }
    return x.k[4] < y.k[4];
  }
};
using KeySorter = RunSorter<SortKey, KeyOrder>;

// Feeds the rows not skipped, as spo keys, to `sorter` and finishes it.
// Before claim ids are assigned (all 0) the row number orders equal keys
// instead. With `value`, each row's spo value is inlined into its key when
// it fits.
absl::Status SortKeys(
    const ClaimBuffer& rows, const std::vector<bool>& skip,
    const std::function<void(const ClaimRecord&, std::string*)>& value,
    Interrupt* interrupt, KeySorter* sorter) {
  sorter->set_interrupt(interrupt);
  std::string v;
  for (uint32_t i = 0; i < rows.size(); ++i) {
    ANNALS_RETURN_IF_ERROR(interrupt->Tick());
    if (skip[i]) continue;
    SortKey k = KeyOf(rows[i], i);
    if (k.k[4] == 0) k.k[4] = i;
    if (value) {
      v.clear();
      value(rows[i], &v);
      k.value_size = static_cast<uint8_t>(std::min<size_t>(v.size(), 255));
      if (v.size() <= sizeof(k.value)) std::memcpy(k.value, v.data(), v.size());
    }
    ANNALS_RETURN_IF_ERROR(sorter->Add(k));
  }
  return sorter->Finish();
}

}  // namespace

absl::Status BulkLoader::ApplySupersession(const Counters& counters,
                                           LoadResult* summary) {
  duplicate_.assign(rows_.size(), false);
  one_value_.assign(rows_.size(), false);
  absl::flat_hash_set<uint64_t> one_predicates;
  std::string term;
  for (const auto& [name, def] : store_->schema().schema->predicates()) {
    if (!def.one) continue;
    term.clear();
    EncodeTextTerm(ValueKind::kEntity, name, &term);
    if (int64_t local = terms_.Find(term); local >= 0) {
      one_predicates.insert(global_ids_[local]);
    }
  }
  if (one_predicates.empty()) return absl::OkStatus();
  // The rows of each subject, predicate, source and by, in file order (groups
  // in id order, so that closed copies get the same ids on every run).
  absl::btree_map<std::tuple<uint64_t, uint64_t, uint64_t, uint64_t>,
                  std::vector<uint32_t>>
      groups;
  for (uint32_t i = 0; i < rows_.size(); ++i) {
    ANNALS_RETURN_IF_ERROR(interrupt_.Tick());
    const ClaimRecord& r = rows_[i];
    // A row that comes retracted supersedes nothing: it is history.
    if (one_predicates.contains(r.p) && !r.is_retracted()) {
      groups[{r.s, r.p, r.source, r.by}].push_back(i);
      one_value_[i] = true;
    }
  }
  auto retract = [&](uint64_t id) -> absl::Status {
    ANNALS_ASSIGN_OR_RETURN(ClaimRecord stored, store_->GetClaim(id, nullptr));
    stored.retracted = load_time_;
    retracted_.push_back(stored);
    ++summary->superseded;
    return absl::OkStatus();
  };
  for (const auto& [key, members] : groups) {
    const auto& [s, p, source, by] = key;
    // The group's live claims, and for each its row in the load (-1: a
    // stored claim).
    std::vector<ClaimRecord> live;
    if (counters.claim_count > 0) {
      ANNALS_ASSIGN_OR_RETURN(live, LiveGroup(store_, s, p, source, by));
    }
    std::vector<int64_t> live_row(live.size(), -1);
    // Within the load, a row with the start of a later row of another value
    // is replaced by it before anything meets the store, so that loading
    // the file again finds the same claims.
    absl::flat_hash_map<int64_t, uint64_t> last_value;  // by start
    for (uint32_t i : members) last_value[rows_[i].from_key()] = rows_[i].o;
    for (uint32_t i : members) {
      ANNALS_RETURN_IF_ERROR(interrupt_.Tick());
      if (last_value[rows_[i].from_key()] != rows_[i].o) {
        duplicate_[i] = true;
        ++summary->replaced_rows;
        continue;
      }
      SupersedeEffects effects = Supersede(live, &rows_[i]);
      if (effects.duplicate) {
        if (int64_t row = live_row[*effects.duplicate]; row >= 0) {
          KeepEarlierRecord(rows_[i], &rows_[row]);
        }
        duplicate_[i] = true;
        continue;
      }
      std::vector<bool> gone(live.size(), false);
      for (size_t m : effects.replaced) {
        gone[m] = true;
        if (live_row[m] >= 0) {  // a closed copy of a stored claim
          duplicate_[live_row[m]] = true;
        } else {
          ANNALS_RETURN_IF_ERROR(retract(live[m].id));
        }
      }
      for (size_t m : effects.closed) {
        if (live_row[m] >= 0) {
          rows_[live_row[m]].to = rows_[i].from;
          live[m].to = rows_[i].from;
          continue;
        }
        ANNALS_RETURN_IF_ERROR(retract(live[m].id));
        ClaimRecord copy = ClosedCopy(live[m], rows_[i], load_time_);
        copy.batch = rows_[i].batch;
        copy.row = rows_[i].row;
        live[m] = copy;
        live_row[m] = static_cast<int64_t>(rows_.size());
        rows_.push_back(std::move(copy));
        duplicate_.push_back(false);
        one_value_.push_back(true);
      }
      size_t kept = 0;
      for (size_t m = 0; m < live.size(); ++m) {
        if (gone[m]) continue;
        live[kept] = std::move(live[m]);
        live_row[kept++] = live_row[m];
      }
      live.resize(kept);
      live_row.resize(kept);
      live.push_back(rows_[i]);
      live_row.push_back(i);
    }
  }
  return absl::OkStatus();
}

absl::Status BulkLoader::MarkDuplicates(const Counters& counters,
                                        LoadResult* summary) {
  // Duplicates share (s, p, valid_from, o): compare within those groups,
  // which the spo order makes adjacent. Rows of `one` predicates were
  // deduplicated by supersession.
  std::vector<bool> skip(rows_.size());
  for (size_t i = 0; i < rows_.size(); ++i) {
    skip[i] = duplicate_[i] || one_value_[i];
  }
  if (counters.claim_count == 0) {
    // Nothing stored to compare with: duplicates within the load only,
    // found by hashing, which needs no sort runs.
    ANNALS_RETURN_IF_ERROR(MarkDuplicatesInLoad(skip));
  } else {
    ANNALS_RETURN_IF_ERROR(MarkDuplicatesSorted(skip));
  }
  // Rows of the files only (closed copies come after them).
  summary->duplicates =
      std::count(duplicate_.begin(), duplicate_.begin() + summary->rows, true) -
      summary->replaced_rows;
  return absl::OkStatus();
}

absl::Status BulkLoader::MarkDuplicatesInLoad(const std::vector<bool>& skip) {
  // Rows by the hash of their identity, in two halves by the hash's top bit
  // (equal claims land in the same half), each sorted and scanned by a
  // thread of its own. Within a run of equal hashes rows are in file order,
  // so the first of equal claims is the one kept.
  using Entry = std::pair<uint64_t, uint32_t>;  // hash, row
  std::vector<Entry> halves[2];
  absl::Hash<decltype(Identity(rows_[0]))> hash;
  for (uint32_t i = 0; i < rows_.size(); ++i) {
    ANNALS_RETURN_IF_ERROR(interrupt_.Tick());
    if (skip[i]) continue;
    uint64_t h = hash(Identity(rows_[i]));
    halves[h >> 63].push_back({h, i});
  }
  std::vector<uint32_t> found[2];
  absl::Status status[2];
  auto scan = [&](int half) {
    Interrupt interrupt = interrupt_;  // this thread's
    std::vector<Entry>& h = halves[half];
    status[half] =
        InterruptibleSort(h.begin(), h.end(), std::less<Entry>(), &interrupt);
    if (!status[half].ok()) return;
    std::vector<uint32_t>& dups = found[half];
    std::vector<bool> dup;  // by place in the run of equal hashes
    for (size_t b = 0, e; b < h.size(); b = e) {
      if (status[half] = interrupt.Tick(); !status[half].ok()) return;
      for (e = b + 1; e < h.size() && h[e].first == h[b].first;) ++e;
      if (e == b + 1) continue;
      dup.assign(e - b, false);
      for (size_t x = b + 1; x < e; ++x) {
        for (size_t y = b; y < x; ++y) {
          if (!dup[y - b] &&
              SameRecord(rows_[h[y].second], rows_[h[x].second])) {
            // The rows of a half are its own: no other thread writes them.
            KeepEarlierRecord(rows_[h[x].second], &rows_[h[y].second]);
            dup[x - b] = true;
            dups.push_back(h[x].second);
            break;
          }
        }
      }
    }
    std::vector<Entry>().swap(h);
  };
  std::thread helper(scan, 1);
  scan(0);
  helper.join();
  for (const absl::Status& s : status) ANNALS_RETURN_IF_ERROR(s);
  for (const std::vector<uint32_t>& dups : found) {
    for (uint32_t i : dups) duplicate_[i] = true;
  }
  return absl::OkStatus();
}

absl::Status BulkLoader::MarkDuplicatesSorted(const std::vector<bool>& skip) {
  // Everything in memory when there is no directory (a dry run).
  KeySorter spo(tmp_dir_, "dedupe", tmp_dir_.empty() ? SIZE_MAX : run_records_,
                KeyOrder{});
  ANNALS_RETURN_IF_ERROR(SortKeys(rows_, skip, nullptr, &interrupt_, &spo));
  std::vector<SortKey> group;  // keys of one (s, p, o, valid_from)
  // Claims already stored: one forward iterator over spo, seeking to each
  // candidate's (s, p, valid_from, o) in key order.
  std::unique_ptr<RocksIterator> it =
      store_->rocks().NewIterator(Family::kSpo, "", "", nullptr);
  std::string prefix;
  for (SortKey k{}; spo.Next(&k);) {
    ANNALS_RETURN_IF_ERROR(interrupt_.Tick());
    if (!group.empty() &&
        !std::equal(k.k, k.k + 4, group[0].k)) {  // s, p, valid_from, o
      group.clear();
    }
    group.push_back(k);
    for (size_t j = 0; j + 1 < group.size(); ++j) {
      if (!duplicate_[group[j].row] &&
          SameRecord(rows_[group[j].row], rows_[k.row])) {
        KeepEarlierRecord(rows_[k.row], &rows_[group[j].row]);
        duplicate_[k.row] = true;
        break;
      }
    }
    if (it != nullptr) {
      uint32_t i = k.row;
      if (duplicate_[i]) continue;
      const ClaimRecord& r = rows_[i];
      uint64_t ids[2] = {r.s, r.p};
      prefix = IndexPrefix(Family::kSpo, ids, 2);
      PutKeyTime(&prefix, r.from_key());
      PutId(&prefix, r.o);
      for (it->Seek(prefix);
           it->Valid() && it->key().substr(0, prefix.size()) == prefix;
           it->Next()) {
        ClaimRecord stored = r;
        std::string_view value = it->value();
        if (!ConsumeIndexValue(&value, r.from_key(), &stored)) {
          return absl::DataLossError(absl::StrCat(
              "store '", store_->dir(), "': unreadable entry in index spo"));
        }
        if (SameRecord(stored, r)) {
          duplicate_[i] = true;
          break;
        }
      }
      ANNALS_RETURN_IF_ERROR(it->status());
    }
  }
  return spo.status();
}

absl::StatusOr<LoadResult> BulkLoader::Commit(bool dry_run) {
  std::lock_guard<std::mutex> writer(store_->writer_mutex());
  if (!dry_run) ANNALS_RETURN_IF_ERROR(store_->Writable());
  if (uint64_t now = store_->schema().version; now != schema_version_) {
    return absl::AbortedError(absl::StrCat(
        "the schema changed (version ", schema_version_, " to ", now,
        ") while the files were read; nothing was loaded: run the load again"));
  }
  LoadResult summary;
  summary.rows = rows();
  absl::Time step_start = absl::Now();
  auto step_done = [&](std::string name) {
    absl::Time now = absl::Now();
    summary.steps.emplace_back(std::move(name),
                               absl::ToDoubleSeconds(now - step_start));
    step_start = now;
  };
  Counters before = store_->counters();
  Counters after = before;
  // Sort runs and SST files go to a directory of the store's, removed when
  // the load is done; a dry run sorts in memory.
  TempDir tmp{dry_run ? ""
                      : absl::StrCat(store_->dir(), "/load-tmp-", getpid(), "-",
                                     before.next_batch)};
  std::error_code ec;
  if (!dry_run && !std::filesystem::create_directory(tmp.path, ec)) {
    std::string message =
        absl::StrCat("cannot create '", tmp.path, "': ", ec.message());
    if (ec == std::errc::no_space_on_device) {
      return DiskFull(store_->dir(), absl::ResourceExhaustedError(message));
    }
    return absl::InternalError(message);
  }
  tmp_dir_ = tmp.path;
  ANNALS_RETURN_IF_ERROR(ResolveTerms(before, &after, &summary));
  step_done("resolve terms");
  ANNALS_RETURN_IF_ERROR(ApplySupersession(before, &summary));
  ANNALS_RETURN_IF_ERROR(
      DiskFull(store_->dir(), MarkDuplicates(before, &summary)));
  step_done("deduplicate");

  // Claim ids in file order; batch ids one per file.
  for (size_t f = 0; f < files_.size(); ++f) {
    summary.batches.push_back(after.next_batch++);
  }
  summary.first_claim = after.next_claim;
  for (size_t i = 0; i < rows_.size(); ++i) {
    if (duplicate_[i]) continue;
    ClaimRecord& r = rows_[i];
    r.id = after.next_claim++;
    r.batch = summary.batches[r.batch];
    bases_.try_emplace(r.batch, RowBase{r.id, r.row});
    ++after.claim_count;
    ++after.predicate_counts[r.p];
    ++summary.claims_added;
  }
  // Retracted stored claims are rewritten under their ids, after the rows.
  for (ClaimRecord& r : retracted_) {
    rewritten_.insert(r.id);
    if (r.batch != 0 && !bases_.contains(r.batch)) {
      ANNALS_ASSIGN_OR_RETURN(bases_[r.batch],
                              store_->row_bases().Get(r.batch, nullptr));
    }
    rows_.push_back(std::move(r));
    duplicate_.push_back(false);
  }
  if (new_schema_ != nullptr) {
    AddMeta(SchemaKey(schema_version_ + 1),
            EncodeSchemaValue(load_time_, new_schema_text_));
  }
  if (summary.claims_added == 0 && summary.terms_added == 0 &&
      new_schema_ == nullptr) {
    summary.batches.clear();  // nothing to record: no batch
    return summary;
  }
  if (dry_run) return summary;
  std::vector<std::pair<std::string, double>> cpu_steps;
  // A read view taken from the ingest on must read the schema from its
  // snapshot until the new one is published (Store::SchemaAt).
  if (new_schema_ != nullptr) store_->SchemaChangeBegins();
  if (absl::Status s = DiskFull(
          store_->dir(),
          WriteAndIngest(tmp.path, before, after, step_done, &cpu_steps));
      !s.ok()) {
    if (new_schema_ != nullptr) store_->SchemaChangeFailed();
    return s;
  }
  // The SST jobs' CPU time, each (two run at once), after the steps.
  summary.steps.insert(summary.steps.end(), cpu_steps.begin(), cpu_steps.end());
  for (size_t i = 0; i < terms_.size(); ++i) {
    if (new_term_[i]) {
      store_->dictionary().Remember(terms_.term(i), global_ids_[i]);
    }
  }
  if (new_schema_ != nullptr) {
    store_->PublishSchema({schema_version_ + 1, new_schema_});
  }
  return summary;
}

RowBase BulkLoader::BaseOf(uint64_t batch) const {
  auto it = bases_.find(batch);
  return it == bases_.end() ? RowBase{} : it->second;
}

absl::StatusOr<std::vector<ClaimRecord>> BulkLoader::StoredClaims(
    uint64_t s) const {
  std::vector<ClaimRecord> out;
  ANNALS_RETURN_IF_ERROR(
      store_->ForEachInSpo(&s, 1, nullptr, [&](const ClaimRecord& row) {
        out.push_back(row);
        return out.size() <= kSmallSubjectClaims;
      }));
  return out;
}

absl::Status BulkLoader::WriteAndIngest(
    const std::string& dir, const Counters& before, const Counters& after,
    const std::function<void(std::string)>& step_done,
    std::vector<std::pair<std::string, double>>* cpu_steps) {
  std::vector<Rocks::Ingest> ingest;
  std::vector<uint32_t> kept;  // the load's rows, then the retracted claims
  for (uint32_t i = 0; i < rows_.size(); ++i) {
    if (!duplicate_[i]) kept.push_back(i);
  }
  const bool store_empty = before.claim_count == 0;
  const uint64_t first_new = before.next_claim;
  // spo also writes time by subject: a subject's claims are adjacent in its
  // order, so each subject's time entries are sorted on their own as spo is
  // written, and kept only when the subject has more than
  // kSmallSubjectClaims claims (the store's and the load's).
  auto write_spo = [&](Interrupt* interrupt, std::vector<Rocks::Ingest>* files,
                       double* sort_cpu) -> absl::Status {
    const double sort_start = ThreadCpuSeconds();
    // Sort keys carry short values inline, so that writing reads them in
    // order instead of chasing each row's value across memory.
    KeySorter keys(dir, "spo", run_records_, KeyOrder{});
    ANNALS_RETURN_IF_ERROR(SortKeys(
        rows_, duplicate_,
        [&](const ClaimRecord& r, std::string* v) {
          EncodeClusteredValue(r, BaseOf(r.batch), v);
        },
        interrupt, &keys));
    *sort_cpu = ThreadCpuSeconds() - sort_start;  // the runs, not their merge
    ANNALS_ASSIGN_OR_RETURN(auto writer,
                            SstWriter::Create(store_->rocks(), Family::kSpo,
                                              SstPath(dir, Family::kSpo)));
    TimeWriter time(store_->rocks(), TimePosition::kSubject,
                    SstPath(dir, Family::kTime, "s"), dir, run_records_,
                    interrupt);
    ANNALS_RETURN_IF_ERROR(time.Open());
    uint64_t subject = 0;
    int64_t added = 0;  // the subject's new claims
    std::string index_value;
    auto end_subject = [&]() -> absl::Status {
      if (time.pending() == 0) return absl::OkStatus();
      std::vector<ClaimRecord> stored;
      if (!store_empty) {
        ANNALS_ASSIGN_OR_RETURN(stored, StoredClaims(subject));
      }
      const int64_t count = static_cast<int64_t>(stored.size());
      if (count <= kSmallSubjectClaims && count + added > kSmallSubjectClaims) {
        // The load takes the subject past small: its stored claims enter
        // time by subject too.
        for (const ClaimRecord& c : stored) {
          if (rewritten_.contains(c.id)) continue;
          index_value.clear();
          EncodeIndexValue(c, &index_value);
          ANNALS_RETURN_IF_ERROR(time.Add(c, index_value));
        }
      }
      return time.Flush(count + added > kSmallSubjectClaims);
    };
    std::string key, value;
    ClaimRecord claim;
    for (SortKey k{}; keys.Next(&k);) {
      ANNALS_RETURN_IF_ERROR(interrupt->Tick());
      IndexKey index_key = ToIndexKey(k);
      key.clear();
      EncodeIndexKey(Family::kSpo, index_key, &key);
      if (k.value_size <= sizeof(k.value)) {
        value.assign(k.value, k.value_size);
      } else {
        value.clear();
        EncodeClusteredValue(rows_[k.row], BaseOf(rows_[k.row].batch), &value);
      }
      ANNALS_RETURN_IF_ERROR(writer->Put(key, value));
      // The claim's times, as the time index needs them, from the entry
      // just written rather than from its row elsewhere in memory.
      std::string_view rest = value;
      if (!ConsumeIndexValue(&rest, index_key.from, &claim)) {
        return absl::InternalError("spo value does not decode");
      }
      claim.id = index_key.claim;
      claim.s = index_key.s;
      claim.p = index_key.p;
      claim.o = index_key.o;
      if (claim.s != subject) {
        ANNALS_RETURN_IF_ERROR(end_subject());
        subject = claim.s;
        added = 0;
      }
      if (claim.id >= first_new) ++added;
      ANNALS_RETURN_IF_ERROR(time.Add(
          claim,
          std::string_view(value).substr(0, value.size() - rest.size())));
    }
    ANNALS_RETURN_IF_ERROR(keys.status());
    ANNALS_RETURN_IF_ERROR(end_subject());
    ANNALS_RETURN_IF_ERROR(writer->Finish());
    if (!writer->empty()) files->push_back({Family::kSpo, writer->path()});
    return time.Finish(files);
  };
  // Time by predicate and by object: every kept row (by object, those whose
  // object is indexed there), sorted once.
  auto write_time = [&](TimePosition position, Interrupt* interrupt,
                        std::vector<Rocks::Ingest>* files) -> absl::Status {
    TimeWriter time(store_->rocks(), position,
                    SstPath(dir, Family::kTime,
                            std::string(1, static_cast<char>(position))),
                    dir, run_records_, interrupt);
    ANNALS_RETURN_IF_ERROR(time.Open());
    std::string index_value;
    for (uint32_t i : kept) {
      ANNALS_RETURN_IF_ERROR(interrupt->Tick());
      const ClaimRecord& r = rows_[i];
      if (position == TimePosition::kObject && !ObjectIndexed(r.o)) continue;
      index_value.clear();
      EncodeIndexValue(r, &index_value);
      ANNALS_RETURN_IF_ERROR(time.Add(r, index_value));
    }
    return time.Finish(files);
  };
  // Dictionary: new ids ascend in order of first appearance.
  std::vector<uint32_t> new_terms;
  for (uint32_t i = 0; i < terms_.size(); ++i) {
    if (new_term_[i]) new_terms.push_back(i);
  }
  // Eight SST files from six jobs on two threads, largest jobs first.
  struct Job {
    std::function<absl::Status(Interrupt*, std::vector<Rocks::Ingest>*)> run;
    std::vector<Rocks::Ingest> files;
    absl::Status status;
    const char* name = "";
    double cpu = 0, sort_cpu = 0;  // seconds of its thread's CPU
  };
  std::vector<Job> jobs(6);
  const char* names[] = {"spo, time by subject",
                         "time by predicate",
                         "time by object",
                         "claims",
                         "terms",
                         "term_ids"};
  for (int i = 0; i < 6; ++i) jobs[i].name = names[i];
  jobs[0].run = [&](Interrupt* interrupt, auto* files) {
    return write_spo(interrupt, files, &jobs[0].sort_cpu);
  };
  jobs[1].run = [&](Interrupt* interrupt, auto* files) {
    return write_time(TimePosition::kPredicate, interrupt, files);
  };
  jobs[2].run = [&](Interrupt* interrupt, auto* files) {
    return write_time(TimePosition::kObject, interrupt, files);
  };
  jobs[3].run = [&](Interrupt* interrupt, auto* files) {
    std::vector<uint32_t> by_id = kept;
    auto id_less = [&](uint32_t a, uint32_t b) {
      return rows_[a].id < rows_[b].id;
    };
    if (!std::is_sorted(by_id.begin(), by_id.end(), id_less)) {
      ANNALS_RETURN_IF_ERROR(
          InterruptibleSort(by_id.begin(), by_id.end(), id_less, interrupt));
    }
    return WriteSst(
        store_, Family::kClaims, dir, by_id.size(),
        [&](size_t i, std::string* key, std::string* value) {
          PutId(key, rows_[by_id[i]].id);
          EncodeClaimPointer(rows_[by_id[i]], value);
        },
        interrupt, files);
  };
  jobs[4].run = [&](Interrupt* interrupt, auto* files) {
    return WriteSst(
        store_, Family::kTerms, dir, new_terms.size(),
        [&](size_t i, std::string* key, std::string* value) {
          PutId(key, global_ids_[new_terms[i]]);
          *value = terms_.term(new_terms[i]);
        },
        interrupt, files);
  };
  jobs[5].run = [&](Interrupt* interrupt, auto* files) {
    std::vector<uint32_t> by_term = new_terms;
    ANNALS_RETURN_IF_ERROR(InterruptibleSort(
        by_term.begin(), by_term.end(),
        [&](uint32_t a, uint32_t b) { return terms_.term(a) < terms_.term(b); },
        interrupt));
    return WriteSst(
        store_, Family::kTermIds, dir, by_term.size(),
        [&](size_t i, std::string* key, std::string* value) {
          *key = terms_.term(by_term[i]);
          PutId(value, global_ids_[by_term[i]]);
        },
        interrupt, files);
  };
  std::atomic<size_t> next_job{0};
  auto worker = [&] {
    Interrupt interrupt = interrupt_;  // this thread's
    for (size_t j; (j = next_job++) < jobs.size();) {
      const double start = ThreadCpuSeconds();
      jobs[j].status = jobs[j].run(&interrupt, &jobs[j].files);
      jobs[j].cpu = ThreadCpuSeconds() - start;
    }
  };
  std::thread helper(worker);
  worker();
  helper.join();
  for (Job& job : jobs) {
    ANNALS_RETURN_IF_ERROR(job.status);
    ingest.insert(ingest.end(), job.files.begin(), job.files.end());
  }
  step_done("write claims, index, dictionary SSTs");
  for (const Job& job : jobs) {
    cpu_steps->emplace_back(absl::StrCat("  CPU ", job.name), job.cpu);
    if (job.sort_cpu > 0) {
      cpu_steps->emplace_back("    sorting runs", job.sort_cpu);
    }
  }

  // Meta: changed counters and one record per batch, in key order.
  std::vector<std::pair<std::string, std::string>> meta;
  after.WriteChanges(before, &meta);
  std::vector<int64_t> batch_rows(files_.size(), 0);
  for (uint32_t i : kept) {
    if (rows_[i].batch >= before.next_batch) {  // not a retracted claim
      ++batch_rows[rows_[i].batch - before.next_batch];
    }
  }
  for (size_t f = 0; f < files_.size(); ++f) {
    meta.emplace_back(
        BatchMetaKey(before.next_batch + f),
        EncodeBatchMeta({load_time_, batch_rows[f],
                         BaseOf(before.next_batch + f), files_[f]},
                        3));
  }
  for (auto it = extra_meta_.rbegin(); it != extra_meta_.rend(); ++it) {
    bool seen = false;
    for (const auto& m : meta) seen = seen || m.first == it->first;
    if (!seen) meta.push_back(*it);
  }
  std::sort(meta.begin(), meta.end());
  ANNALS_RETURN_IF_ERROR(WriteSst(
      store_, Family::kMeta, dir, meta.size(),
      [&](size_t i, std::string* key, std::string* value) {
        *key = meta[i].first;
        *value = meta[i].second;
      },
      &interrupt_, &ingest));
  step_done("write meta SST file");
  // The last moment to stop: from here on the load completes.
  ANNALS_RETURN_IF_ERROR(interrupt_.Check());
  ANNALS_RETURN_IF_ERROR(store_->Ingest(ingest, after));
  step_done("ingest");
  return absl::OkStatus();
}

}  // namespace annals::engine
