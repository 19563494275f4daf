// Converts a format-2 store to format 3; see upgrade.h.
#include "engine/upgrade.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2, RENAME_EXCHANGE
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "engine/batch_meta.h"
#include "engine/claim_record.h"
#include "engine/clustered_record.h"
#include "engine/index_entries.h"
#include "engine/key_codec.h"
#include "engine/rocks.h"

namespace annals::engine {
namespace {

namespace fs = std::filesystem;

constexpr int kOldFormat = 2;
constexpr int kNewFormat = 3;
// Entries sorted in memory and written as one SST file (about 110,000
// claims'): what bounds the upgrade's memory (about 130 MB at 1M claims).
constexpr int kEntriesPerRun = 500000;

absl::Status ErrnoError(std::string_view what, const std::string& path) {
  const int err = errno;
  std::string message =
      absl::StrCat(AbslView(what), " '", path, "': ", std::strerror(err));
  if (err == ENOSPC || err == EDQUOT) {
    return absl::ResourceExhaustedError(message);
  }
  return absl::InternalError(message);
}

// fsync(2) of a file or a directory.
absl::Status Sync(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoError("cannot open", path);
  absl::Status s =
      fsync(fd) == 0 ? absl::OkStatus() : ErrnoError("cannot sync", path);
  close(fd);
  return s;
}

// Syncs every file and directory under `dir`, then `dir`.
absl::Status SyncTree(const std::string& dir) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_regular_file(ec) || it->is_directory(ec)) {
      ANNALS_RETURN_IF_ERROR(Sync(it->path().string()));
    }
  }
  if (ec) {
    return absl::InternalError(
        absl::StrCat("cannot list '", dir, "': ", ec.message()));
  }
  return Sync(dir);
}

// Copies into `to` what the store in `from` keeps besides RocksDB's files:
// the copies of damaged write-ahead logs (damaged-wal-*, wal_damage.h).
absl::Status CopyKeptFiles(const std::string& from, const std::string& to) {
  std::error_code ec;
  for (fs::directory_iterator it(from, ec), end; !ec && it != end;
       it.increment(ec)) {
    const fs::path& p = it->path();
    if (!absl::StartsWith(p.filename().string(), "damaged-wal-")) continue;
    fs::copy(p, to / p.filename(), fs::copy_options::recursive, ec);
    if (ec) break;
  }
  if (ec) {
    return absl::InternalError(
        absl::StrCat("cannot copy the damaged-wal-* directories of '", from,
                     "' to '", to, "': ", ec.message()));
  }
  return absl::OkStatus();
}

// An exclusive flock(2) on a directory, held while the object lives: one
// upgrade at a time in a parent directory, so that none removes another's
// new store as a stale one. A killed process's lock goes with it.
class DirLock {
 public:
  DirLock() = default;
  DirLock(const DirLock&) = delete;
  DirLock& operator=(const DirLock&) = delete;
  ~DirLock() {
    if (fd_ >= 0) close(fd_);
  }
  absl::Status Take(const std::string& dir) {
    fd_ = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd_ < 0) return ErrnoError("cannot open", dir);
    while (flock(fd_, LOCK_EX) != 0) {
      if (errno != EINTR) return ErrnoError("cannot lock", dir);
    }
    return absl::OkStatus();
  }

 private:
  int fd_ = -1;
};

// Where the store is: its path with symbolic links resolved (the directory
// to swap), its parent and its name.
struct StorePath {
  std::string store, parent, name;
};

StorePath Locate(const std::string& dir) {
  std::string trimmed = dir;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(trimmed, ec), ec);
  if (ec) p = fs::absolute(trimmed, ec).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();
  return {p.string(), p.parent_path().string(), p.filename().string()};
}

// Removes what a killed upgrade of the store left beside it.
void RemoveStaleCopies(const StorePath& where) {
  const std::string prefix = where.name + ".upgrade-";
  std::vector<fs::path> stale;
  std::error_code ec;
  for (fs::directory_iterator it(where.parent, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!absl::StartsWith(name, prefix) || name.size() == prefix.size()) {
      continue;
    }
    if (std::all_of(name.begin() + prefix.size(), name.end(),
                    [](char c) { return c >= '0' && c <= '9'; })) {
      stale.push_back(it->path());
    }
  }
  for (const fs::path& p : stale) fs::remove_all(p, ec);
}

// Opens the store to upgrade for writing. Held by a writer, it is
// FailedPrecondition as Rocks::Open says, without the advice to open it
// read-only.
absl::StatusOr<std::unique_ptr<Rocks>> OpenOldStore(const std::string& dir) {
  Options options;
  options.create_if_missing = false;
  absl::StatusOr<std::unique_ptr<Rocks>> rocks = Rocks::Open(dir, options);
  const absl::string_view why = rocks.status().message();
  if (absl::IsFailedPrecondition(rocks.status()) &&
      absl::StrContains(why, "open for writing")) {
    return absl::FailedPreconditionError(absl::StrCat(
        why.substr(0, why.find("; ")), "; close it there, then upgrade it"));
  }
  return rocks;
}

// The store's format version: 2 or 3, else FailedPrecondition naming what
// was found.
absl::StatusOr<int> ReadFormat(const Rocks& rocks) {
  absl::StatusOr<std::string> found =
      rocks.Get(Family::kMeta, kMetaFormatVersion, nullptr);
  if (absl::IsNotFound(found.status())) {
    return absl::FailedPreconditionError(absl::StrCat(
        "store '", rocks.dir(),
        "' has no format version; `annals upgrade` converts stores of "
        "format 2"));
  }
  if (!found.ok()) return found.status();
  if (*found == "2") return kOldFormat;
  if (*found == "3") return kNewFormat;
  return absl::FailedPreconditionError(
      absl::StrCat("store '", rocks.dir(), "' has format version '",
                   absl::CHexEscape(found->substr(0, 40)),
                   "'; `annals upgrade` converts stores of format 2"));
}

// Calls `fn` with each claim record of a format-2 store, in claim id order.
template <typename Fn>
absl::Status ForEachClaim(const Rocks& rocks, Fn fn) {
  auto it = rocks.NewIterator(Family::kClaims, "", "", nullptr);
  ClaimRecord row;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string_view key = it->key();
    uint64_t id = 0;
    if (!GetId(&key, &id) || !key.empty()) {
      return absl::DataLossError(
          absl::StrCat("store '", rocks.dir(), "': the claim key ",
                       absl::CHexEscape(AbslView(it->key())),
                       " does not read; nothing was changed"));
    }
    row = ClaimRecord();
    absl::Status s = DecodeClaimRecord(it->value(), &row);
    if (s.ok() && row.id != id) {
      s = absl::DataLossError(absl::StrCat("it holds #c", row.id));
    }
    if (!s.ok()) {
      return absl::DataLossError(absl::StrCat(
          "store '", rocks.dir(), "': the record of claim #c", id,
          " does not read (", s.message(), "); nothing was changed"));
    }
    ANNALS_RETURN_IF_ERROR(fn(row));
  }
  return it->status();
}

// What pass 1 learns from the claim records: each subject's claims and
// where each load batch starts.
struct Census {
  int64_t claims = 0;
  absl::flat_hash_map<uint64_t, int64_t> subject_claims;
  absl::flat_hash_map<uint64_t, RowBase> bases;  // by batch (not 0)
};

absl::StatusOr<Census> TakeCensus(const Rocks& rocks) {
  Census census;
  ANNALS_RETURN_IF_ERROR(ForEachClaim(rocks, [&](const ClaimRecord& row) {
    ++census.claims;
    ++census.subject_claims[row.s];
    // Records come in claim id order: a batch's first is its lowest.
    if (row.batch != 0) {
      census.bases.try_emplace(row.batch, RowBase{row.id, row.row});
    }
    return absl::OkStatus();
  }));
  return census;
}

// Puts entries into the new store: gathered in memory, written out sorted
// as an SST file per family (a run) every kEntriesPerRun entries, and
// ingested together by Finish; the runs of a family overlap, and a
// compaction merges them. At 1M claims this takes about half the time of
// writes through the memtables (engine/FORMAT.md, "Upgrading a format-2
// store").
class Writer {
 public:
  Writer(Rocks* rocks, std::string dir) : rocks_(rocks), dir_(std::move(dir)) {}
  absl::Status Put(Family f, std::string_view key, std::string_view value) {
    runs_[static_cast<int>(f)].emplace_back(key, value);
    return ++buffered_ < kEntriesPerRun ? absl::OkStatus() : WriteRuns();
  }
  absl::Status Finish() {
    ANNALS_RETURN_IF_ERROR(WriteRuns());
    return rocks_->IngestAtomically(files_);
  }

 private:
  absl::Status WriteRuns() {
    for (int i = 0; i < kFamilyCount; ++i) {
      std::vector<std::pair<std::string, std::string>>& run = runs_[i];
      if (run.empty()) continue;
      std::sort(run.begin(), run.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      const auto family = static_cast<Family>(i);
      std::string path = absl::StrCat(dir_, "/run-", files_.size(), ".sst");
      ANNALS_ASSIGN_OR_RETURN(auto sst,
                              SstWriter::Create(*rocks_, family, path));
      for (const auto& [key, value] : run) {
        ANNALS_RETURN_IF_ERROR(sst->Put(key, value));
      }
      ANNALS_RETURN_IF_ERROR(sst->Finish());
      files_.push_back({family, std::move(path)});
      run.clear();
    }
    buffered_ = 0;
    return absl::OkStatus();
  }

  Rocks* const rocks_;
  const std::string dir_;  // where the runs are written
  std::vector<std::pair<std::string, std::string>> runs_[kFamilyCount];
  int buffered_ = 0;
  std::vector<Rocks::Ingest> files_;
};

absl::Status CopyFamily(const Rocks& from, Family f, Writer* to) {
  auto it = from.NewIterator(f, "", "", nullptr);
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    ANNALS_RETURN_IF_ERROR(to->Put(f, it->key(), it->value()));
  }
  return it->status();
}

// Copies `meta` with format version 3 and each batch record in format 3,
// with its batch's base. DataLoss when a batch record does not read, or
// when claims name a batch without one.
absl::Status CopyMeta(const Rocks& from, const Census& census, Writer* to) {
  absl::flat_hash_map<uint64_t, bool> recorded;  // batches with a record
  auto it = from.NewIterator(Family::kMeta, "", "", nullptr);
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string_view key = it->key();
    if (key == kMetaFormatVersion) {
      ANNALS_RETURN_IF_ERROR(
          to->Put(Family::kMeta, key, absl::StrCat(kNewFormat)));
      continue;
    }
    if (!absl::StartsWith(AbslView(key), AbslView(kMetaBatchPrefix))) {
      ANNALS_RETURN_IF_ERROR(to->Put(Family::kMeta, key, it->value()));
      continue;
    }
    key.remove_prefix(kMetaBatchPrefix.size());
    uint64_t batch = 0;
    std::optional<BatchMeta> meta = DecodeBatchMeta(it->value(), kOldFormat);
    if (!GetId(&key, &batch) || !key.empty() || !meta.has_value()) {
      return absl::DataLossError(
          absl::StrCat("store '", from.dir(), "': the load batch record ",
                       absl::CHexEscape(AbslView(it->key())),
                       " does not read; nothing was changed"));
    }
    auto base = census.bases.find(batch);
    if (base != census.bases.end()) meta->base = base->second;
    recorded[batch] = true;
    ANNALS_RETURN_IF_ERROR(
        to->Put(Family::kMeta, it->key(), EncodeBatchMeta(*meta, kNewFormat)));
  }
  ANNALS_RETURN_IF_ERROR(it->status());
  for (const auto& [batch, base] : census.bases) {
    if (!recorded.contains(batch)) {
      return absl::DataLossError(
          absl::StrCat("store '", from.dir(), "': claim #c", base.first_claim,
                       " comes from load batch ", batch,
                       ", which has no record; nothing was changed"));
    }
  }
  return absl::OkStatus();
}

// Pass 2: every claim's format-3 entries.
absl::Status WriteClaims(const Rocks& from, const Census& census, Writer* to) {
  std::vector<IndexEntry> entries;
  return ForEachClaim(from, [&](const ClaimRecord& row) {
    RowBase base;
    if (row.batch != 0) base = census.bases.at(row.batch);
    ClaimEntries(row, base,
                 census.subject_claims.at(row.s) > kSmallSubjectClaims,
                 &entries);
    for (const IndexEntry& e : entries) {
      ANNALS_RETURN_IF_ERROR(to->Put(e.family, e.key, e.value));
    }
    return absl::OkStatus();
  });
}

// Writes the format-3 store in `fresh` from the format-2 store `from`,
// compacted and synced; its bytes on disk go to `bytes`.
absl::Status WriteNewStore(const Rocks& from, const Census& census,
                           const std::string& fresh, int64_t* bytes) {
  ANNALS_ASSIGN_OR_RETURN(std::unique_ptr<Rocks> to,
                          Rocks::Open(fresh, Options()));
  const std::string runs = fresh + "/upgrade-runs";
  fs::create_directory(runs);
  Writer writer(to.get(), runs);
  ANNALS_RETURN_IF_ERROR(CopyFamily(from, Family::kTerms, &writer));
  ANNALS_RETURN_IF_ERROR(CopyFamily(from, Family::kTermIds, &writer));
  ANNALS_RETURN_IF_ERROR(CopyMeta(from, census, &writer));
  ANNALS_RETURN_IF_ERROR(WriteClaims(from, census, &writer));
  ANNALS_RETURN_IF_ERROR(writer.Finish());
  std::error_code ec;
  fs::remove_all(runs, ec);
  // Merges the runs: one sorted file per family.
  ANNALS_RETURN_IF_ERROR(to->CompactAll());
  *bytes = to->DiskBytes();
  to.reset();
  ANNALS_RETURN_IF_ERROR(CopyKeptFiles(from.dir(), fresh));
  return SyncTree(fresh);
}

}  // namespace

std::string UpgradeDir(const std::string& dir, int pid) {
  return absl::StrCat(dir, ".upgrade-", pid);
}

absl::StatusOr<UpgradeResult> UpgradeStore(const std::string& dir) {
  const absl::Time start = absl::Now();
  const StorePath where = Locate(dir);
  std::error_code ec;
  if (!fs::is_directory(where.parent, ec)) {
    return absl::NotFoundError(absl::StrCat("no Annals store at '", dir, "'"));
  }
  DirLock lock;
  ANNALS_RETURN_IF_ERROR(lock.Take(where.parent));
  ANNALS_ASSIGN_OR_RETURN(std::unique_ptr<Rocks> old, OpenOldStore(dir));
  RemoveStaleCopies(where);
  ANNALS_ASSIGN_OR_RETURN(const int format, ReadFormat(*old));
  UpgradeResult result;
  result.bytes_before = old->DiskBytes();
  result.bytes_after = result.bytes_before;
  if (format == kOldFormat) {
    ANNALS_ASSIGN_OR_RETURN(const Census census, TakeCensus(*old));
    const std::string fresh = UpgradeDir(where.store, getpid());
    absl::Status s = WriteNewStore(*old, census, fresh, &result.bytes_after);
    old.reset();
    if (s.ok() && renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD,
                            where.store.c_str(), RENAME_EXCHANGE) != 0) {
      s = ErrnoError(absl::StrCat("cannot swap '", fresh, "' with"),
                     where.store);
    }
    if (!s.ok()) {
      fs::remove_all(fresh, ec);
      return s;
    }
    // Swapped: `fresh` holds the old store now.
    ANNALS_RETURN_IF_ERROR(Sync(where.parent));
    fs::remove_all(fresh, ec);
    result.upgraded = true;
    result.claims = census.claims;
  }
  result.seconds = absl::ToDoubleSeconds(absl::Now() - start);
  return result;
}

}  // namespace annals::engine
