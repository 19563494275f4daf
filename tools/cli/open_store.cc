// Opening the store of a command; see open_store.h.
#include "tools/cli/open_store.h"

#include <filesystem>
#include <ostream>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tools/cli/suggest.h"

namespace annals::cli {

std::string SuggestStore(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path p(path);
  while (p.has_relative_path() && p.filename().empty()) p = p.parent_path();
  const std::string name = p.filename().string();
  if (name.empty()) return "";
  const fs::path parent = p.parent_path();
  std::vector<std::string> stores;
  std::error_code ec;
  constexpr int kMaxEntries = 10000;  // a huge folder: no suggestion
  int seen = 0;
  for (fs::directory_iterator it(parent.empty() ? fs::path(".") : parent, ec),
       end;
       !ec && it != end && ++seen <= kMaxEntries; it.increment(ec)) {
    const std::string entry = it->path().filename().string();
    if (entry != name && it->is_directory(ec) &&
        Database::Exists(it->path().string())) {
      stores.push_back(entry);
    }
  }
  const std::string near = Nearest(name, stores);
  if (near.empty()) return "";
  return absl::StrCat("; did you mean '", (parent / near).string(), "'?");
}

absl::StatusOr<Database> OpenStore(const std::string& path, Access access,
                                   std::ostream& notices, Creation* creation) {
  Options options;
  options.create_if_missing = access == Access::kCreate;
  options.read_only = access == Access::kRead;
  options.drop_damaged_wal_tail = access == Access::kRepair;
  const bool existed = access == Access::kCreate && Database::Exists(path);
  std::error_code ec;
  const bool dir_existed = std::filesystem::exists(path, ec);
  absl::StatusOr<Database> db = Database::Open(path, options);
  if (access == Access::kWriteOrRead &&
      absl::IsFailedPrecondition(db.status()) && Database::Exists(path)) {
    // Held by another process (or by this one): read-only, following it.
    Options read_only;
    read_only.read_only = true;
    absl::StatusOr<Database> follower = Database::Open(path, read_only);
    if (follower.ok()) {
      // "store 'X' is open for writing by another process", without the
      // advice to open it read-only, which is done.
      std::string why(db.status().message());
      why = why.substr(0, why.find("; "));
      notices << "annals: " << why
              << "; opened read-only: reads see its writes as they are "
                 "committed, writes are refused\n";
      return follower;
    }
  }
  if (absl::IsNotFound(db.status())) {
    return absl::NotFoundError(
        absl::StrCat(db.status().message(), SuggestStore(path)));
  }
  if (db.ok() && access == Access::kCreate && !existed && creation) {
    creation->created = true;
    creation->made_dir = !dir_existed;
  }
  return db;
}

void UndoCreation(const std::string& path, const Creation& creation) {
  if (!creation.created) return;
  std::error_code ec;
  if (creation.made_dir) {
    std::filesystem::remove_all(path, ec);
    return;
  }
  // The directory was empty: everything in it is the store's.
  for (const auto& e : std::filesystem::directory_iterator(path, ec)) {
    std::filesystem::remove_all(e.path(), ec);
  }
}

void SayCreated(const std::string& path, const Creation& creation,
                std::ostream& notices) {
  if (creation.created) {
    notices << "annals: created new store '" << path << "'\n";
  }
}

std::string LatestDamagedWalCopy(const std::string& path) {
  std::string latest;
  std::filesystem::file_time_type when{};
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(path, ec)) {
    if (!absl::StartsWith(e.path().filename().string(), "damaged-wal-")) {
      continue;
    }
    const std::filesystem::file_time_type t = e.last_write_time(ec);
    if (latest.empty() || t > when) {
      latest = e.path().string();
      when = t;
    }
  }
  return latest;
}

}  // namespace annals::cli
