// Fuzzes the whole query path (annals::Database::Query): parse, bind, plan,
// run and read every row, on a store of datasets/tiny (claims and schema)
// in a temporary directory, with tight limits (100 ms, 1000 rows, 1000 path
// nodes); errors must not be Internal, DataLoss or Unknown. Writes (ASSERT,
// RETRACT) are allowed: every 500 inputs (ANNALS_FUZZ_RESET_EVERY) the store is
// checked (Database::Check must find every index in agreement) and replaced by
// a fresh one, so a reproducer run alone sees the fresh store.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "annals/database.h"
#include "fuzz/fuzz_support.h"

namespace {

// Inputs between store checks and renewals; ANNALS_FUZZ_RESET_EVERY=1
// checks after every input, to find the one that broke the store.
int ResetEvery() {
  static const int every = [] {
    const char* text = std::getenv("ANNALS_FUZZ_RESET_EVERY");
    const int n = text != nullptr ? std::atoi(text) : 0;
    return n > 0 ? n : 500;
  }();
  return every;
}

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "query_fuzzer: %s\n", message.c_str());
  std::abort();
}

// A new store of datasets/tiny in TempDir()/store<n>.
std::unique_ptr<annals::Database> OpenFreshStore(int n) {
  const std::string dir = annals::fuzz::TempDir() + "store" + std::to_string(n);
  annals::Options options;
  options.sync_writes = false;
  options.block_cache_bytes = 8 << 20;
  auto db = annals::Database::Open(dir, options);
  if (!db.ok()) Die(db.status().ToString());
  auto schema = db->SetSchema(
      annals::fuzz::ReadSourceFile("datasets/tiny/tiny.schema"), "tiny.schema");
  if (!schema.ok()) Die(schema.status().ToString());
  auto loaded =
      db->Load({std::string(ANNALS_SOURCE_DIR) + "/datasets/tiny/claims.tsv"});
  if (!loaded.ok()) Die(loaded.status().ToString());
  return std::make_unique<annals::Database>(*std::move(db));
}

void CheckConsistent(const annals::Database& db) {
  auto check = db.Check();
  if (!check.ok()) Die(check.status().ToString());
  if (!check->ok()) Die("inconsistent store: " + check->problems.front());
}

// A query may fail for what it asks, never for a broken store or engine.
void CheckErrorCode(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kInternal:
    case absl::StatusCode::kDataLoss:
    case absl::StatusCode::kUnknown:
      Die("unexpected error: " + status.ToString());
    default:
      break;
  }
}

// The store in use. Closed by an exit handler registered after RocksDB has
// made its own statics (at the first Open), so it closes before they go.
std::unique_ptr<annals::Database> db;

void CloseStore() { db.reset(); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static int runs = 0, generation = 0;
  if (db == nullptr || runs == ResetEvery()) {
    if (db != nullptr) {
      CheckConsistent(*db);
      const std::string old = db->dir();
      db.reset();
      std::filesystem::remove_all(old);
    }
    db = OpenFreshStore(generation);
    if (generation++ == 0) std::atexit(CloseStore);
    runs = 0;
  }
  ++runs;

  annals::QueryOptions options;
  options.timeout_ms = 100;
  options.max_rows = 1000;
  options.max_path_nodes = 1000;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto result = db->Query(text, options);
  if (!result.ok()) {
    CheckErrorCode(result.status());
    return 0;
  }
  while (result->Next()) {
  }
  CheckErrorCode(result->status());
  return 0;
}
