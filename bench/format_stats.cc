// The measurements format 3 is designed from (issue 20): for a store, each
// column family's bytes on disk (its SST files, RocksDB's
// rocksdb.total-sst-files-size), its entries, and the raw bytes of their
// keys and values before compression, all per claim. Reads every entry once.
//
//   build/bench/format_stats STORE
#include <cstdint>
#include <cstdio>
#include <string>

#include "annals/options.h"
#include "engine/rocks.h"
#include "engine/store.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: format_stats STORE\n");
    return 2;
  }
  annals::Options options;
  options.read_only = true;
  auto store = annals::engine::Store::Open(argv[1], options);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", std::string(store.status().message()).c_str());
    return 1;
  }
  const annals::engine::Rocks& rocks = (*store)->rocks();
  const double claims = static_cast<double>((*store)->counters().claim_count);
  std::printf("%s: %.0f claims\n\n", argv[1], claims);
  std::printf(
      "| family | bytes on disk a claim | entries a claim | key bytes an "
      "entry | value bytes an entry | raw bytes a claim | compressed to |\n"
      "|---|---|---|---|---|---|---|\n");
  int64_t disk_total = 0, entries_total = 0, raw_total = 0;
  for (int i = 0; i < annals::engine::kFamilyCount; ++i) {
    auto f = static_cast<annals::engine::Family>(i);
    int64_t entries = 0, key_bytes = 0, value_bytes = 0;
    auto it = rocks.NewIterator(f, "", "", nullptr);
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      ++entries;
      key_bytes += static_cast<int64_t>(it->key().size());
      value_bytes += static_cast<int64_t>(it->value().size());
    }
    if (!it->status().ok()) {
      std::fprintf(stderr, "%s\n", std::string(it->status().message()).c_str());
      return 1;
    }
    const int64_t disk = rocks.FamilyBytes(f);
    const int64_t raw = key_bytes + value_bytes;
    disk_total += disk;
    entries_total += entries;
    raw_total += raw;
    std::printf("| %s | %.1f | %.2f | %.1f | %.1f | %.1f | %.0f%% |\n",
                annals::engine::FamilyName(f), disk / claims, entries / claims,
                entries ? static_cast<double>(key_bytes) / entries : 0.0,
                entries ? static_cast<double>(value_bytes) / entries : 0.0,
                raw / claims, raw ? 100.0 * disk / raw : 0.0);
  }
  std::printf("| all | %.1f | %.2f | | | %.1f | %.0f%% |\n",
              disk_total / claims, entries_total / claims, raw_total / claims,
              raw_total ? 100.0 * disk_total / raw_total : 0.0);
  std::printf("\nbytes of SST and log files: %.1f a claim\n",
              rocks.DiskBytes() / claims);
  return 0;
}
