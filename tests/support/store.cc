// The store helpers of store.h.
#include "tests/support/store.h"

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tests/support/temp_dir.h"

namespace annals::test {

std::string SourcePath(std::string_view relative) {
  return std::string(ANNALS_SOURCE_DIR) + "/" + std::string(relative);
}

absl::StatusOr<std::unique_ptr<Database>> OpenDatabase(
    const std::string& dir, const std::vector<std::string>& files,
    const Options& options) {
  absl::StatusOr<Database> db = Database::Open(dir, options);
  if (!db.ok()) return db.status();
  auto out = std::make_unique<Database>(*std::move(db));
  for (const std::string& file : files) {
    const std::string path = SourcePath(file);
    if (absl::EndsWith(file, ".schema")) {
      auto set = out->SetSchema(ReadFile(path), path);
      if (!set.ok()) return set.status();
      continue;
    }
    auto loaded = out->Load({path});
    if (!loaded.ok()) return loaded.status();
    if (loaded->rejected != 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ": ", loaded->rejected, " rows rejected"));
    }
  }
  return out;
}

absl::StatusOr<std::unique_ptr<engine::Store>> OpenEngineStore(
    const std::string& dir, const std::vector<std::string>& files) {
  if (!files.empty()) {
    auto db = OpenDatabase(dir, files);
    if (!db.ok()) return db.status();
  }
  annals::Options options;
  options.sync_writes = false;
  return engine::Store::Open(dir, options);
}

}  // namespace annals::test
