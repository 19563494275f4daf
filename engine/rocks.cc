// RocksDB behind Annals' own small interface (see rocks.h). Per-family tuning
// lives here: bloom filters where lookups are by whole key (dictionary,
// claims), none on the index orderings, which are only prefix-scanned.
#include "engine/rocks.h"

#include <stdlib.h>
#include <sys/stat.h>

#include <atomic>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>

#include "absl/algorithm/container.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "engine/dir_watch.h"
#include "engine/wal_damage.h"
#include "rocksdb/cache.h"
#include "rocksdb/db.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/metadata.h"
#include "rocksdb/options.h"
#include "rocksdb/perf_level.h"
#include "rocksdb/sst_file_writer.h"
#include "rocksdb/table.h"
#include "rocksdb/write_batch.h"

namespace annals::engine {
namespace {

rocksdb::Slice ToSlice(std::string_view s) { return {s.data(), s.size()}; }
std::string_view ToView(const rocksdb::Slice& s) {
  return {s.data(), s.size()};
}

absl::Status FromRocks(const rocksdb::Status& s, std::string_view what) {
  if (s.ok()) return absl::OkStatus();
  std::string msg = absl::StrCat(AbslView(what), ": ", s.ToString());
  if (s.IsCorruption()) return absl::DataLossError(msg);
  if (s.IsNotFound()) return absl::NotFoundError(msg);
  if (s.IsNoSpace()) return absl::ResourceExhaustedError(msg);
  if (s.IsInvalidArgument()) return absl::InvalidArgumentError(msg);
  return absl::InternalError(msg);
}

// RocksDB's info log: the store's LOG file, warnings and errors only. Not
// RocksDB's own logger, which (in a build with assertions, such as Debian's)
// aborts the process when written again after a failed write, as happens
// once the disk is full; this one drops what it cannot write.
class StoreLogger : public rocksdb::Logger {
 public:
  explicit StoreLogger(const std::string& path)
      : rocksdb::Logger(rocksdb::InfoLogLevel::WARN_LEVEL),
        file_(std::fopen(path.c_str(), "a")) {}
  ~StoreLogger() override {
    if (file_ != nullptr) std::fclose(file_);
  }
  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    if (file_ == nullptr) return;
    std::string now = absl::FormatTime("%Y/%m/%d-%H:%M:%E6S ", absl::Now(),
                                       absl::UTCTimeZone());
    absl::MutexLock lock(&mu_);
    std::fputs(now.c_str(), file_);
    std::vfprintf(file_, format, ap);
    std::fputc('\n', file_);
    std::fflush(file_);
  }

 private:
  absl::Mutex mu_;
  FILE* const file_;
};

// What `dir` holds, checked before RocksDB touches it (RocksDB would create
// the directory and its LOG before finding no store there): a file is not a
// store, and a store is created only in a new or empty directory.
absl::Status CheckStorePath(const std::string& dir, bool create) {
  std::error_code ec;
  const std::filesystem::file_status st = std::filesystem::status(dir, ec);
  if (std::filesystem::exists(st) && !std::filesystem::is_directory(st)) {
    return absl::FailedPreconditionError(
        absl::StrCat("'", dir, "' is a file, not an Annals store"));
  }
  if (std::filesystem::exists(dir + "/CURRENT", ec)) return absl::OkStatus();
  if (!create) {
    return absl::NotFoundError(absl::StrCat("no Annals store at '", dir, "'"));
  }
  if (std::filesystem::exists(st) && !std::filesystem::is_empty(dir, ec)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "'", dir,
        "' is a directory of other files, not an Annals store; a new store "
        "needs a new or empty directory"));
  }
  return absl::OkStatus();
}

// The names of what a writer changes when it commits: its log files and
// MANIFEST (and CURRENT); nullopt when the directory cannot be listed.
std::optional<std::vector<std::string>> WriterFileNames(
    const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto& e = *it;
    std::string name = e.path().filename().string();
    if (absl::EndsWith(name, ".log") || absl::StartsWith(name, "MANIFEST") ||
        name == "CURRENT") {
      names.push_back(std::move(name));
    }
  }
  if (ec) return std::nullopt;
  absl::c_sort(names);
  return names;
}

// Each of `names` in `dir` by name, size and modification time: what an
// append by the writer changes.
std::string FileSignature(const std::string& dir,
                          const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    struct stat st;
    if (::stat(absl::StrCat(dir, "/", name).c_str(), &st) != 0) {
      absl::StrAppend(&out, name, ":gone;");
      continue;
    }
    absl::StrAppend(&out, name, ":", st.st_size, ":", st.st_mtim.tv_sec, ".",
                    st.st_mtim.tv_nsec, ";");
  }
  return out;
}

// The directory's modification time in nanoseconds (it changes when a file
// is made, renamed or removed), or -1.
int64_t DirectoryTime(const std::string& dir) {
  struct stat st;
  if (::stat(dir.c_str(), &st) != 0) return -1;
  return int64_t{st.st_mtim.tv_sec} * 1000000000 + st.st_mtim.tv_nsec;
}

// A private directory for a secondary instance: $TMPDIR/annals-reader-XXXXXX.
absl::StatusOr<std::string> MakeSecondaryDir() {
  std::error_code ec;
  std::filesystem::path base = std::filesystem::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string path = (base / "annals-reader-XXXXXX").string();
  if (mkdtemp(path.data()) == nullptr) {
    return absl::InternalError(
        absl::StrCat("cannot make a directory for a read-only handle in '",
                     base.string(), "': ", std::strerror(errno)));
  }
  return path;
}

bool PointLookups(Family f) {
  return f == Family::kTermIds || f == Family::kTerms || f == Family::kClaims ||
         f == Family::kMeta;
}

// Data blocks of 16 KB rather than RocksDB's 4 KB: ZSTD and LZ4 find more
// to share in them, and fewer blocks mean a smaller index; the workload's
// queries were no slower (docs/benchmarks.md).
constexpr size_t kBlockBytes = 16 << 10;
constexpr size_t kRangeBlockBytes = 64 << 10;

rocksdb::BlockBasedTableOptions TableOptions(
    Family f, const std::shared_ptr<rocksdb::Cache>& cache,
    size_t block_bytes) {
  rocksdb::BlockBasedTableOptions t;
  t.block_cache = cache;
  t.format_version = 5;
  t.block_size = block_bytes;
  if (!PointLookups(f)) {
    // Families read by ranges (spo, time): 64 KB blocks with a restart
    // point every 32 keys, which ZSTD compresses 4% smaller (59.7 bytes a
    // fact at 1,000,000 facts, against 62.2 in 16 KB blocks with restarts
    // every 16; every 128: 59.2, but each seek then scans up to 128 keys).
    t.block_size = kRangeBlockBytes;
    t.block_restart_interval = 32;
  }
  if (PointLookups(f)) {
    t.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  }
  return t;
}

rocksdb::ColumnFamilyOptions FamilyOptions(
    Family f, const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions o;
  // LZ4 where data is young and rewritten by compactions; ZSTD (a third
  // smaller, a little slower to write) for the bottommost level, where most
  // data ends up. Bulk loads land there too (SstWriter::Create).
  o.compression = rocksdb::kLZ4Compression;
  o.bottommost_compression = rocksdb::kZSTD;
  o.table_factory.reset(
      rocksdb::NewBlockBasedTableFactory(TableOptions(f, cache, kBlockBytes)));
  return o;
}

// After a strict open failed with Corruption: whether the store opens when
// its write-ahead log is replayed only up to the first damage (read-only:
// this changes nothing). Then the log is what is damaged.
// The stores this process has open for writing (canonical paths): for a
// follower opened in the same process, whose writer's lock fcntl cannot see.
absl::Mutex writers_mu(absl::kConstInit);
std::set<std::string>& WritersInThisProcess() {
  static auto* writers = new std::set<std::string>;
  return *writers;
}
std::string CanonicalDir(const std::string& dir) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::weakly_canonical(dir, ec);
  return ec ? dir : p.string();
}
bool AWriterIsLive(const std::string& dir) {
  {
    absl::MutexLock lock(&writers_mu);
    if (WritersInThisProcess().count(CanonicalDir(dir)) > 0) return true;
  }
  return AnotherProcessWrites(dir);
}

bool OnlyTheWalIsDamaged(
    rocksdb::DBOptions db_options, const std::string& dir,
    const std::vector<rocksdb::ColumnFamilyDescriptor>& families) {
  if (WalFiles(dir).empty()) return false;
  db_options.wal_recovery_mode = rocksdb::WALRecoveryMode::kPointInTimeRecovery;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s =
      rocksdb::DB::OpenForReadOnly(db_options, dir, families, &handles, &raw);
  if (!s.ok()) return false;
  for (auto* h : handles)
    raw->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  raw->Close().PermitUncheckedError();
  delete raw;
  return true;
}

}  // namespace

const char* FamilyName(Family f) {
  static constexpr const char* kNames[kFamilyCount] = {
      "meta", "terms", "term_ids", "claims", "spo", "pos", "osp", "time"};
  return kNames[static_cast<int>(f)];
}

class Snapshot {
 public:
  // `snap` null: a follower's view (see Rocks::GetSnapshot), which holds
  // `live` up while it lives.
  Snapshot(rocksdb::DB* db, const rocksdb::Snapshot* snap,
           std::shared_ptr<std::atomic<int>> live)
      : db_(db), snap_(snap), live_(std::move(live)) {}
  ~Snapshot() {
    if (snap_ != nullptr) db_->ReleaseSnapshot(snap_);
    if (live_) live_->fetch_sub(1);
  }
  const rocksdb::Snapshot* get() const { return snap_; }
  uint64_t sequence() const {
    return snap_ != nullptr ? snap_->GetSequenceNumber() : UINT64_MAX;
  }

 private:
  rocksdb::DB* db_;
  const rocksdb::Snapshot* snap_;
  std::shared_ptr<std::atomic<int>> live_;
};

struct Rocks::Impl {
  std::shared_ptr<rocksdb::Cache> cache;
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;  // indexed by Family
  std::vector<rocksdb::ColumnFamilyOptions> family_options;
  rocksdb::WriteOptions write_options;
  // A follower (read-only handle): RocksDB's secondary instance, with its
  // private directory (its info log), removed on close.
  std::string secondary_dir;
  // The follower's views alive (Snapshot), and the lock that keeps a
  // catch-up from starting while one is taken.
  std::shared_ptr<std::atomic<int>> live = std::make_shared<std::atomic<int>>();
  std::mutex catch_up_mu;
  // The store's log files and MANIFEST (names, sizes, times) when it last
  // caught up: unchanged, there is nothing to catch up with (RocksDB's
  // catch-up takes tens of milliseconds even then).
  std::string seen_files;
  // Which files those were, and the directory's time when they were listed:
  // while the directory keeps that time, no file was made or removed, and
  // statting the files seen (microseconds) replaces listing the directory
  // (tens of microseconds with many SST files) at each full look.
  std::vector<std::string> seen_names;
  int64_t seen_directory_time = -1;
  // The store's directory watched (made before the follower opens), and
  // whether the last full look (or the open) left the follower up to date:
  // while it did and the watch reports no event, a catch-up looks at no
  // file. Without a working watch every catch-up is a full look.
  std::unique_ptr<DirectoryWatch> watch;
  bool up_to_date = false;

  // A writer: the store's canonical path, in WritersInThisProcess() while
  // open.
  std::string writer_dir;

  ~Impl() {
    if (!writer_dir.empty()) {
      absl::MutexLock lock(&writers_mu);
      WritersInThisProcess().erase(writer_dir);
    }
    for (auto* h : handles) {
      if (h != nullptr) db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    }
    handles.clear();
    if (db) db->Close().PermitUncheckedError();
    db.reset();
    if (!secondary_dir.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(secondary_dir, ec);
    }
  }
};

Rocks::Rocks(std::unique_ptr<Impl> impl, std::string dir, bool read_only)
    : impl_(std::move(impl)), dir_(std::move(dir)), read_only_(read_only) {}
Rocks::~Rocks() = default;

absl::StatusOr<std::unique_ptr<Rocks>> Rocks::Open(const std::string& dir,
                                                   const Options& opts) {
  const bool create = opts.create_if_missing && !opts.read_only;
  ANNALS_RETURN_IF_ERROR(CheckStorePath(dir, create));
  auto impl = std::make_unique<Impl>();
  impl->cache = rocksdb::NewLRUCache(opts.block_cache_bytes);
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = create;
  db_options.create_missing_column_families = !opts.read_only;
  db_options.max_background_jobs = 2;
  db_options.max_open_files = -1;  // as a secondary instance needs
  // Followers learn of a commit from the write(2) of its log record (an
  // inotify event, DirectoryWatch): keep RocksDB's defaults that write each
  // record at commit (no manual_wal_flush, no allow_mmap_writes).
  db_options.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  // Every record of the write-ahead log must read: a damaged or cut-short
  // tail is an error (DamagedWalError), never silently dropped, unless the
  // user opts into dropping it (below).
  db_options.wal_recovery_mode = rocksdb::WALRecoveryMode::kAbsoluteConsistency;
  std::string log_dir = dir;
  if (opts.read_only) {
    // A follower writes nothing into the store: its log goes to a private
    // directory of its own.
    ANNALS_ASSIGN_OR_RETURN(impl->secondary_dir, MakeSecondaryDir());
    log_dir = impl->secondary_dir;
    impl->watch = std::make_unique<DirectoryWatch>(dir);
  } else {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);  // for LOG; Open reports
  }
  db_options.info_log = std::make_shared<StoreLogger>(log_dir + "/LOG");
  impl->write_options.sync = opts.sync_writes;

  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  families.emplace_back(rocksdb::kDefaultColumnFamilyName,
                        rocksdb::ColumnFamilyOptions());
  for (int i = 0; i < kFamilyCount; ++i) {
    auto f = static_cast<Family>(i);
    impl->family_options.push_back(FamilyOptions(f, impl->cache));
    families.emplace_back(std::string(FamilyName(f)),
                          impl->family_options.back());
  }
  if (std::filesystem::exists(dir + "/CURRENT")) {
    // A RocksDB database of something else: not ours to add families to.
    std::vector<std::string> present;
    if (rocksdb::DB::ListColumnFamilies(db_options, dir, &present).ok() &&
        !absl::c_linear_search(present, FamilyName(Family::kMeta))) {
      return absl::FailedPreconditionError(absl::StrCat(
          "'", dir,
          "' is not an Annals store (a RocksDB database without Annals' "
          "column families)"));
    }
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s;
  if (opts.read_only) {
    // A secondary instance leaves out a table file that is missing or cut
    // short (the writer may have just deleted it) and answers without it:
    // a plain read-only open first, which opens every file, finds them.
    s = rocksdb::DB::OpenForReadOnly(db_options, dir, families, &handles, &raw);
    if (s.ok()) {
      for (auto* h : handles) {
        raw->DestroyColumnFamilyHandle(h).PermitUncheckedError();
      }
      raw->Close().PermitUncheckedError();
      delete raw;
      handles.clear();
      raw = nullptr;
    }
  }
  if (s.ok()) {
    s = opts.read_only
            ? rocksdb::DB::OpenAsSecondary(db_options, dir, impl->secondary_dir,
                                           families, &handles, &raw)
            : rocksdb::DB::Open(db_options, dir, families, &handles, &raw);
  }
  if (s.IsCorruption() && opts.read_only && AWriterIsLive(dir)) {
    // The writer may be writing the log's last record right now: a
    // follower reads the log up to it, as the writer's next catch-up will.
    handles.clear();
    db_options.wal_recovery_mode =
        rocksdb::WALRecoveryMode::kPointInTimeRecovery;
    s = rocksdb::DB::OpenAsSecondary(db_options, dir, impl->secondary_dir,
                                     families, &handles, &raw);
  }
  if (s.IsCorruption() && OnlyTheWalIsDamaged(db_options, dir, families)) {
    if (opts.read_only || !opts.drop_damaged_wal_tail) {
      return DamagedWalError(dir, s.ToString());
    }
    ANNALS_RETURN_IF_ERROR(KeepDamagedWal(dir).status());
    handles.clear();
    db_options.wal_recovery_mode =
        rocksdb::WALRecoveryMode::kPointInTimeRecovery;
    s = rocksdb::DB::Open(db_options, dir, families, &handles, &raw);
  }
  if (!s.ok()) {
    if (s.IsIOError() && absl::StrContains(s.ToString(), "current process")) {
      return absl::FailedPreconditionError(absl::StrCat(
          "store '", dir, "' is already open for writing in this process (",
          s.ToString(), ")"));
    }
    if (s.IsIOError() && absl::StrContains(s.ToString(), "lock")) {
      return absl::FailedPreconditionError(absl::StrCat(
          "store '", dir,
          "' is open for writing by another process; close it there or open "
          "this one read-only (",
          s.ToString(), ")"));
    }
    if (s.IsInvalidArgument() &&
        absl::StrContains(s.ToString(), "Column famil")) {
      // Read-only: families a newer format added are missing from an
      // older store.
      std::vector<std::string> present;
      rocksdb::DB::ListColumnFamilies(db_options, dir, &present)
          .PermitUncheckedError();
      if (absl::c_linear_search(present, FamilyName(Family::kSpo))) {
        return absl::FailedPreconditionError(absl::StrCat(
            "store '", dir,
            "' was written in an older format that this build cannot read "
            "(",
            s.ToString(), "); load its files into a new store"));
      }
      return absl::FailedPreconditionError(absl::StrCat(
          "'", dir, "' is not an Annals store (", s.ToString(), ")"));
    }
    if (s.IsCorruption()) {
      // A damaged MANIFEST, or an SST file it lists that is missing or cut
      // short (RocksDB opens every table when the store opens).
      return absl::DataLossError(
          absl::StrCat("store '", dir, "' is damaged and cannot be opened",
                       absl::StrContains(s.ToString(), "No such file")
                           ? ": a file it needs is missing"
                           : "",
                       " (", s.ToString(), ")"));
    }
    if (s.IsNoSpace()) {
      return absl::ResourceExhaustedError(absl::StrCat(
          "disk full: cannot open store '", dir,
          "', which needs room to recover its latest writes; free space on "
          "its disk and open it again (",
          s.ToString(), ")"));
    }
    return FromRocks(s, absl::StrCat("cannot open store '", dir, "'"));
  }
  impl->db.reset(raw);
  impl->db->DestroyColumnFamilyHandle(handles[0]).PermitUncheckedError();
  impl->handles.assign(handles.begin() + 1, handles.end());
  // A follower has read everything written before its watch began; what
  // came after is an event.
  impl->up_to_date = opts.read_only && impl->watch->watching();
  if (!opts.read_only) {
    impl->writer_dir = CanonicalDir(dir);
    absl::MutexLock lock(&writers_mu);
    WritersInThisProcess().insert(impl->writer_dir);
  }

  return std::unique_ptr<Rocks>(
      new Rocks(std::move(impl), dir, opts.read_only));
}

bool Rocks::IsStore(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(dir + "/CURRENT", ec)) return false;
  std::vector<std::string> present;
  return rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &present)
             .ok() &&
         absl::c_linear_search(present, FamilyName(Family::kMeta));
}

std::shared_ptr<const Snapshot> Rocks::GetSnapshot() {
  if (!follower()) {
    return std::make_shared<Snapshot>(impl_->db.get(), impl_->db->GetSnapshot(),
                                      nullptr);
  }
  // RocksDB's secondary instance takes no snapshots; its data changes only
  // when it catches up, which waits until no view is alive.
  std::lock_guard<std::mutex> lock(impl_->catch_up_mu);
  impl_->live->fetch_add(1);
  return std::make_shared<Snapshot>(impl_->db.get(), nullptr, impl_->live);
}

uint64_t Rocks::LatestSequence() const {
  return impl_->db->GetLatestSequenceNumber();
}

uint64_t Rocks::SnapshotSequence(const Snapshot& snap) {
  return snap.sequence();
}

bool Rocks::follower() const { return !impl_->secondary_dir.empty(); }

absl::StatusOr<bool> Rocks::CatchUp() {
  if (!follower()) return false;
  std::lock_guard<std::mutex> lock(impl_->catch_up_mu);
  if (impl_->live->load() > 0) return false;
  // Events are taken before the files are looked at: a write after this
  // leaves an event for the next catch-up.
  const bool maybe_changed = impl_->watch->MaybeChanged();
  if (impl_->up_to_date && !maybe_changed) return false;
  impl_->up_to_date = false;
  const int64_t directory_time = DirectoryTime(dir_);
  // A directory that cannot be listed tells nothing: catch up regardless.
  bool listed = true;
  if (directory_time < 0 || directory_time != impl_->seen_directory_time) {
    std::optional<std::vector<std::string>> names = WriterFileNames(dir_);
    listed = names.has_value();
    impl_->seen_names = listed ? *std::move(names) : std::vector<std::string>();
    // File times come from a coarse clock: a file made in the same tick as
    // this listing could leave the directory's time as it is, so a time
    // under a second old is not trusted (the next catch-up lists again).
    const bool settled =
        absl::GetCurrentTimeNanos() - directory_time >= 1000000000;
    impl_->seen_directory_time = listed && settled ? directory_time : -1;
  }
  std::string files = FileSignature(dir_, impl_->seen_names);
  if (listed && files == impl_->seen_files) {
    impl_->up_to_date = true;
    return false;
  }
  rocksdb::Status s = impl_->db->TryCatchUpWithPrimary();
  if (!s.ok()) {
    return FromRocks(
        s, absl::StrCat("store '", dir_, "': catching up with its writer"));
  }
  impl_->seen_files = std::move(files);
  impl_->up_to_date = true;
  // Changed, even when no sequence number moved: an ingest that overlaps
  // nothing in the store takes none.
  return true;
}

absl::StatusOr<std::string> Rocks::Get(Family f, std::string_view key,
                                       const Snapshot* snap) const {
  rocksdb::SetPerfLevel(rocksdb::PerfLevel::kDisable);
  rocksdb::ReadOptions ro;
  if (snap != nullptr) ro.snapshot = snap->get();
  std::string value;
  rocksdb::Status s = impl_->db->Get(ro, impl_->handles[static_cast<int>(f)],
                                     ToSlice(key), &value);
  if (s.IsNotFound()) return absl::NotFoundError("not found");
  if (!s.ok()) {
    return FromRocks(
        s, absl::StrCat("store '", dir_, "', reading ", FamilyName(f)));
  }
  return value;
}

namespace {

class IteratorImpl : public RocksIterator {
 public:
  IteratorImpl(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf,
               std::string lower, std::string upper, const Snapshot* snap,
               const std::string* dir, Family family)
      : lower_(std::move(lower)),
        upper_(std::move(upper)),
        lower_slice_(lower_),
        upper_slice_(upper_),
        dir_(dir),
        family_(family) {
    rocksdb::SetPerfLevel(rocksdb::PerfLevel::kDisable);
    rocksdb::ReadOptions ro;
    if (snap != nullptr) ro.snapshot = snap->get();
    if (!lower_.empty()) ro.iterate_lower_bound = &lower_slice_;
    if (!upper_.empty()) ro.iterate_upper_bound = &upper_slice_;
    it_.reset(db->NewIterator(ro, cf));
  }
  void Seek(std::string_view key) override { it_->Seek(ToSlice(key)); }
  void SeekToFirst() override { it_->SeekToFirst(); }
  bool Valid() const override { return it_->Valid(); }
  void Next() override { it_->Next(); }
  std::string_view key() const override { return ToView(it_->key()); }
  std::string_view value() const override { return ToView(it_->value()); }
  absl::Status status() const override {
    rocksdb::Status s = it_->status();
    if (s.ok()) return absl::OkStatus();
    return FromRocks(
        s, absl::StrCat("store '", *dir_, "', reading ", FamilyName(family_)));
  }

 private:
  std::string lower_, upper_;
  rocksdb::Slice lower_slice_, upper_slice_;
  const std::string* dir_;
  Family family_;
  std::unique_ptr<rocksdb::Iterator> it_;
};

}  // namespace

std::unique_ptr<RocksIterator> Rocks::NewIterator(Family f, std::string lower,
                                                  std::string upper,
                                                  const Snapshot* snap) const {
  return std::make_unique<IteratorImpl>(
      impl_->db.get(), impl_->handles[static_cast<int>(f)], std::move(lower),
      std::move(upper), snap, &dir_, f);
}

struct RocksBatch::Impl {
  // Family handles are resolved at Write time.
  struct Op {
    Family family;
    bool is_delete;
    std::string key, value;
  };
  std::vector<Op> ops;
};

RocksBatch::RocksBatch() : impl_(std::make_unique<Impl>()) {}
RocksBatch::~RocksBatch() = default;

void RocksBatch::Put(Family f, std::string_view key, std::string_view value) {
  impl_->ops.push_back({f, false, std::string(key), std::string(value)});
}

void RocksBatch::Delete(Family f, std::string_view key) {
  impl_->ops.push_back({f, true, std::string(key), {}});
}

int RocksBatch::count() const { return static_cast<int>(impl_->ops.size()); }

int RocksBatch::count(Family f) const {
  int n = 0;
  for (const Impl::Op& op : impl_->ops) n += op.family == f;
  return n;
}

absl::Status Rocks::Write(RocksBatch* batch) {
  if (read_only_) {
    return absl::FailedPreconditionError(
        absl::StrCat("store '", dir_, "' is open read-only; writes refused"));
  }
  rocksdb::WriteBatch wb;
  for (const auto& op : batch->impl_->ops) {
    auto* cf = impl_->handles[static_cast<int>(op.family)];
    rocksdb::Status s = op.is_delete
                            ? wb.Delete(cf, ToSlice(op.key))
                            : wb.Put(cf, ToSlice(op.key), ToSlice(op.value));
    if (!s.ok()) return FromRocks(s, "building write batch");
  }
  return FromRocks(impl_->db->Write(impl_->write_options, &wb),
                   absl::StrCat("store '", dir_, "', writing"));
}

absl::Status Rocks::IngestAtomically(const std::vector<Ingest>& files) {
  if (read_only_) {
    return absl::FailedPreconditionError(
        absl::StrCat("store '", dir_, "' is open read-only; loads refused"));
  }
  std::vector<rocksdb::IngestExternalFileArg> args;
  for (int i = 0; i < kFamilyCount; ++i) {
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = impl_->handles[i];
    arg.options.move_files = true;
    arg.options.snapshot_consistency = true;
    arg.options.allow_global_seqno = true;
    // The sequence number goes to the MANIFEST only: no extra write into
    // each file (RocksDB's recommended setting for stores it created).
    arg.options.write_global_seqno = false;
    arg.options.allow_blocking_flush = true;
    for (const auto& f : files) {
      if (static_cast<int>(f.family) == i) arg.external_files.push_back(f.path);
    }
    if (!arg.external_files.empty()) args.push_back(std::move(arg));
  }
  if (args.empty()) return absl::OkStatus();
  // RocksDB gives ingested files a sequence number of their own (unseen by
  // older snapshots) only when a snapshot exists as it starts; otherwise
  // they may take 0, and a reader's snapshot taken during the ingestion
  // then sees the files in the families it opens after the new version is
  // installed and not in those it opened before (a load half seen:
  // SnapshotReadersTest.ASnapshotSeesAllOrNothingOfABulkLoad). Holding one
  // while ingesting makes every load's files newer than every snapshot.
  const rocksdb::Snapshot* hold = impl_->db->GetSnapshot();
  rocksdb::Status s = impl_->db->IngestExternalFiles(args);
  impl_->db->ReleaseSnapshot(hold);
  return FromRocks(s, absl::StrCat("store '", dir_, "', ingesting load"));
}

absl::Status Rocks::CompactAll() {
  rocksdb::CompactRangeOptions options;
  // Also rewrite a family that is one file already (a load's, ZSTD level 1),
  // but not the files this compaction has just written.
  options.bottommost_level_compaction =
      rocksdb::BottommostLevelCompaction::kForceOptimized;
  options.max_subcompactions = 2;
  for (int f = 0; f < kFamilyCount; ++f) {
    rocksdb::Status s =
        impl_->db->CompactRange(options, impl_->handles[f], nullptr, nullptr);
    if (s.IsCompactionTooLarge()) {
      // After a full disk, RocksDB refuses compactions until it has seen
      // free space again (it looks every few seconds).
      return absl::ResourceExhaustedError(
          absl::StrCat("compacting ", FamilyName(static_cast<Family>(f)),
                       ": not enough free space seen yet"));
    }
    if (!s.ok()) {
      return FromRocks(
          s, absl::StrCat("compacting ", FamilyName(static_cast<Family>(f))));
    }
  }
  return absl::OkStatus();
}

int64_t Rocks::DiskBytes() const {
  int64_t total = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir_, ec)) {
    std::string name = e.path().filename().string();
    if (absl::EndsWith(name, ".sst") || absl::EndsWith(name, ".log")) {
      total += static_cast<int64_t>(e.file_size(ec));
    }
  }
  return total;
}

int64_t Rocks::FamilyBytes(Family f) const {
  uint64_t bytes = 0;
  impl_->db->GetIntProperty(impl_->handles[static_cast<int>(f)],
                            "rocksdb.total-sst-files-size", &bytes);
  return static_cast<int64_t>(bytes);
}

struct SstWriter::Impl {
  std::unique_ptr<rocksdb::SstFileWriter> writer;
};

SstWriter::SstWriter(std::unique_ptr<Impl> impl, Family family,
                     std::string path)
    : impl_(std::move(impl)), family_(family), path_(std::move(path)) {}
SstWriter::~SstWriter() = default;

absl::StatusOr<std::unique_ptr<SstWriter>> SstWriter::Create(
    const Rocks& rocks, Family family, const std::string& path) {
  auto impl = std::make_unique<Impl>();
  rocksdb::Options options(
      rocksdb::DBOptions(),
      rocks.impl_->family_options[static_cast<int>(family)]);
  // SstFileWriter compresses with the bottommost level's codec: ZSTD at its
  // level 3, as compactions write. In format 2 (7.76 entries a fact) level 3
  // took a quarter of a load's CPU and loads wrote level 1; format 3 writes
  // 4.42 entries a fact, and a load at 1,000,000 facts took 2.89 s at level
  // 3 against 2.80 s at level 1 (one run each), 62.2 bytes a fact against
  // 63.5 in 16 KB blocks (FORMAT.md).
  options.bottommost_compression = rocksdb::kZSTD;
  options.bottommost_compression_opts.enabled = true;
  options.bottommost_compression_opts.level = 3;
  impl->writer = std::make_unique<rocksdb::SstFileWriter>(
      rocksdb::EnvOptions(), options,
      rocks.impl_->handles[static_cast<int>(family)]);
  rocksdb::Status s = impl->writer->Open(path);
  if (!s.ok()) return FromRocks(s, absl::StrCat("creating '", path, "'"));
  return std::unique_ptr<SstWriter>(
      new SstWriter(std::move(impl), family, path));
}

absl::Status SstWriter::Put(std::string_view key, std::string_view value) {
  ++entries_;
  rocksdb::Status s = impl_->writer->Put(ToSlice(key), ToSlice(value));
  if (s.ok()) return absl::OkStatus();
  return FromRocks(s, absl::StrCat("writing '", path_, "'"));
}

absl::Status SstWriter::Finish() {
  if (entries_ == 0) return absl::OkStatus();
  return FromRocks(impl_->writer->Finish(),
                   absl::StrCat("finishing '", path_, "'"));
}

}  // namespace annals::engine
