// The candidates of storage format 3 (issue 20), measured: reads every claim
// record of a loaded store, lays the claims out as each candidate would (which
// families, which keys, what values), writes each candidate family as one SST
// file the way a bulk load does, and prints its bytes on disk a claim. The
// first table tries RocksDB's own levers on format 2's families, the second
// the layouts. engine/FORMAT.md records what it found.
//
//   build/bench/format_lab STORE [TMPDIR]
// LAB_LAYOUTS_ONLY=1 skips the first table; LAB_MATCH=text measures only
// the layouts whose name holds `text` (LAB_MATCH="format 3": format 3 alone).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "annals/options.h"
#include "engine/claim_record.h"
#include "engine/index_entries.h"
#include "engine/key_codec.h"
#include "engine/rocks.h"
#include "engine/store.h"
#include "engine/term_id.h"
#include "engine/time_index.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/options.h"
#include "rocksdb/sst_file_writer.h"
#include "rocksdb/table.h"

namespace {

using annals::engine::ClaimRecord;
using annals::engine::Family;
using Entries = std::vector<std::pair<std::string, std::string>>;

struct Knobs {
  const char* name;
  size_t block = 16 << 10;
  int restart = 16;
  int level = 1;
  int dict = 0;  // ZSTD dictionary bytes, 0 = none
  bool lz4 = false;
};

std::string g_dir;

// Bytes of one SST file of `e` (sorted here) written with `k`.
int64_t SstBytes(Entries& e, const Knobs& k) {
  std::sort(e.begin(), e.end());
  rocksdb::Options o;
  rocksdb::BlockBasedTableOptions t;
  t.format_version = 5;
  t.block_size = k.block;
  t.block_restart_interval = k.restart;
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
  o.compression = k.lz4 ? rocksdb::kLZ4Compression : rocksdb::kZSTD;
  o.bottommost_compression = o.compression;
  o.bottommost_compression_opts.enabled = true;
  o.bottommost_compression_opts.level = k.level;
  if (k.dict > 0) {
    o.bottommost_compression_opts.max_dict_bytes = k.dict;
    o.bottommost_compression_opts.zstd_max_train_bytes = k.dict * 100;
  }
  const std::string path = g_dir + "/lab.sst";
  rocksdb::SstFileWriter w(rocksdb::EnvOptions(), o);
  if (!w.Open(path).ok()) return -1;
  const std::string* last = nullptr;
  for (const auto& [key, value] : e) {
    if (last != nullptr && *last == key) continue;  // never in a real family
    if (!w.Put(key, value).ok()) return -1;
    last = &key;
  }
  if (!w.Finish().ok()) return -1;
  return static_cast<int64_t>(std::filesystem::file_size(path));
}

void PutFixed32(std::string* out, uint32_t v) {
  for (int i = 3; i >= 0; --i) out->push_back(static_cast<char>(v >> (8 * i)));
}

// Format 2's entries of one family.
Entries Format2(const std::vector<ClaimRecord>& rows, Family f) {
  Entries e;
  std::vector<annals::engine::IndexEntry> entries;
  for (const ClaimRecord& r : rows) {
    if (f == Family::kClaims) {
      e.emplace_back(annals::engine::IdKey(r.id),
                     annals::engine::EncodeClaimRecord(r));
      continue;
    }
    annals::engine::ClaimIndexEntries(r, &entries);
    for (auto& x : entries) {
      if (x.family == f) e.emplace_back(std::move(x.key), std::move(x.value));
    }
  }
  return e;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: format_lab STORE [TMPDIR]\n");
    return 2;
  }
  g_dir = argc == 3 ? argv[2] : "/tmp";
  annals::Options options;
  options.read_only = true;
  auto store = annals::engine::Store::Open(argv[1], options);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", std::string(store.status().message()).c_str());
    return 1;
  }
  std::vector<ClaimRecord> rows;
  {
    auto it = (*store)->rocks().NewIterator(Family::kClaims, "", "", nullptr);
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      ClaimRecord r;
      if (!annals::engine::DecodeClaimRecord(it->value(), &r).ok()) return 1;
      rows.push_back(r);
    }
  }
  const double n = static_cast<double>(rows.size());
  const bool layouts_only = std::getenv("LAB_LAYOUTS_ONLY") != nullptr;
  std::printf("%s: %zu claims\n\n", argv[1], rows.size());

  // RocksDB's levers on format 2's families.
  const Knobs knobs[] = {
      {"ZSTD-1 16 KB (format 2)"},
      {"LZ4 16 KB", 16 << 10, 16, 1, 0, true},
      {"ZSTD-1 32 KB", 32 << 10},
      {"ZSTD-1 64 KB", 64 << 10},
      {"ZSTD-3 16 KB", 16 << 10, 16, 3},
      {"ZSTD-1 16 KB restart 64", 16 << 10, 64},
      {"ZSTD-1 32 KB restart 128", 32 << 10, 128},
      {"ZSTD-1 16 KB dict 16 KB", 16 << 10, 16, 1, 16 << 10},
      {"ZSTD-3 64 KB restart 128", 64 << 10, 128, 3},
  };
  const Family fams[] = {Family::kClaims, Family::kSpo, Family::kPos,
                         Family::kOsp, Family::kTime};
  std::printf("| knobs | claims | spo | pos | osp | time | sum |\n");
  std::printf("|---|---|---|---|---|---|---|\n");
  std::vector<Entries> f2;
  for (Family f : fams) f2.push_back(Format2(rows, f));
  for (const Knobs& k : knobs) {
    if (layouts_only) break;
    std::printf("| %s", k.name);
    int64_t sum = 0;
    for (Entries& e : f2) {
      int64_t b = SstBytes(e, k);
      sum += b;
      std::printf(" | %.1f", b / n);
    }
    std::printf(" | %.1f |\n", sum / n);
    std::fflush(stdout);
  }
  f2.clear();

  // Layouts, each with format 2's knobs and with the best-looking ones.
  absl::flat_hash_map<uint64_t, int> per_subject;
  for (const ClaimRecord& r : rows) ++per_subject[r.s];
  const Knobs base{"f2"};
  const Knobs big{"64k r128", 64 << 10, 128, 1};
  const Knobs big3{"zstd-3 64k r128", 64 << 10, 128, 3};
  using annals::engine::PutId;
  using annals::engine::PutVarint;
  using annals::engine::ZigZag;
  struct Layout {
    const char* name;
    std::function<void(const ClaimRecord&, Entries*)> make;
  };
  auto ordering = [](Family f, bool value) {
    return [f, value](const ClaimRecord& r, Entries* e) {
      std::string key, v;
      annals::engine::EncodeIndexKey(f, r.index_key(), &key);
      if (value) annals::engine::EncodeIndexValue(r, &v);
      e->emplace_back(std::move(key), std::move(v));
    };
  };
  // The time index at one position, for subjects with more than `min`
  // claims; values as format 2's or none.
  auto time = [&](annals::engine::TimePosition pos, int min, bool value) {
    return [&, pos, min, value](const ClaimRecord& r, Entries* e) {
      if (pos == annals::engine::TimePosition::kSubject &&
          per_subject[r.s] <= min) {
        return;
      }
      using annals::engine::TimeSide;
      auto x = annals::engine::ExtentOf(r);
      std::string iv;
      annals::engine::EncodeIndexValue(r, &iv);
      uint64_t term = pos == annals::engine::TimePosition::kSubject ? r.s : r.p;
      for (TimeSide side : {TimeSide::kLower, TimeSide::kUpper}) {
        if (!annals::engine::HasTimeEntry(x, side)) continue;
        std::string key, v;
        annals::engine::EncodeTimeKey(
            {pos, term, side, x.node, side == TimeSide::kLower ? x.lo : x.hi,
             r.id},
            &key);
        if (value) annals::engine::EncodeTimeValue(pos, r, x.node, iv, &v);
        e->emplace_back(std::move(key), std::move(v));
      }
    };
  };
  // A time index of one entry a claim: position, term, the class of the
  // extent's length in days (its bit width; 0xff when it never ends), lo,
  // claim id; as value nothing or the ids the key lacks. Days [a, b] read, in
  // each class k, the lo in [a - 2^k + 1, b].
  auto classes = [&](annals::engine::TimePosition pos, int min, bool value,
                     bool index_value = false) {
    return [&, pos, min, value, index_value](const ClaimRecord& r, Entries* e) {
      if (pos == annals::engine::TimePosition::kSubject &&
          per_subject[r.s] <= min) {
        return;
      }
      auto x = annals::engine::ExtentOf(r);
      std::string key, v;
      key.push_back(static_cast<char>(pos));
      PutId(&key, pos == annals::engine::TimePosition::kSubject ? r.s : r.p);
      key.push_back(
          x.hi >= (1u << 24) - 1
              ? '\xff'
              : static_cast<char>(32 - __builtin_clz((x.hi - x.lo) | 1)));
      for (int i = 2; i >= 0; --i)
        key.push_back(static_cast<char>(x.lo >> (8 * i)));
      PutId(&key, r.id);
      if (value) {
        PutVarint(&v,
                  pos == annals::engine::TimePosition::kSubject ? r.p : r.s);
        PutVarint(&v, r.o);
      }
      if (index_value) annals::engine::EncodeIndexValue(r, &v);
      e->emplace_back(std::move(key), std::move(v));
    };
  };
  // The same by object (key 'o', object, class, lo, claim; value subject,
  // predicate, index value), for every object or for entities only.
  auto object_classes = [&](bool entities_only) {
    return [entities_only](const ClaimRecord& r, Entries* e) {
      if (entities_only &&
          annals::engine::TermKind(r.o) != annals::ValueKind::kEntity) {
        return;
      }
      auto x = annals::engine::ExtentOf(r);
      std::string key, v;
      key.push_back('o');
      PutId(&key, r.o);
      key.push_back(
          x.hi >= (1u << 24) - 1
              ? '\xff'
              : static_cast<char>(32 - __builtin_clz((x.hi - x.lo) | 1)));
      for (int i = 2; i >= 0; --i) {
        key.push_back(static_cast<char>(x.lo >> (8 * i)));
      }
      PutId(&key, r.id);
      PutVarint(&v, r.s);
      PutVarint(&v, r.p);
      annals::engine::EncodeIndexValue(r, &v);
      e->emplace_back(std::move(key), std::move(v));
    };
  };
  // A row as its distance from the row the claim id predicts (the batch's
  // first claim id, then one a row).
  absl::flat_hash_map<uint64_t, std::pair<uint64_t, int64_t>> batch_first;
  for (const ClaimRecord& r : rows) {
    auto [it, added] = batch_first.try_emplace(r.batch, r.id, r.row);
    if (!added && r.id < it->second.first) it->second = {r.id, r.row};
  }
  auto row_delta = [&](const ClaimRecord& r) {
    auto [id, row] = batch_first[r.batch];
    return r.row - row - static_cast<int64_t>(r.id - id);
  };
  auto days = [](const ClaimRecord& r) {
    return r.from.open() ? 0 : ZigZag(r.from.seconds / 86400) + 1;
  };
  const Layout layouts[] = {
      {"claims: record (format 2)",
       [](const ClaimRecord& r, Entries* e) {
         e->emplace_back(annals::engine::IdKey(r.id),
                         annals::engine::EncodeClaimRecord(r));
       }},
      {"claims: record without batch, row",
       [](const ClaimRecord& r, Entries* e) {
         ClaimRecord c = r;
         c.batch = 0;
         c.row = 0;
         e->emplace_back(annals::engine::IdKey(r.id),
                         annals::engine::EncodeClaimRecord(c));
       }},
      {"claims: record, row as its distance from the claim id's",
       [&](const ClaimRecord& r, Entries* e) {
         ClaimRecord c = r;
         c.row = row_delta(r);
         e->emplace_back(annals::engine::IdKey(r.id),
                         annals::engine::EncodeClaimRecord(c));
       }},
      {"claims: id -> s p o valid_from day (a pointer into spo)",
       [&](const ClaimRecord& r, Entries* e) {
         std::string v;
         PutVarint(&v, r.s);
         PutVarint(&v, r.p);
         PutVarint(&v, r.o);
         PutVarint(&v, days(r));
         e->emplace_back(annals::engine::IdKey(r.id), std::move(v));
       }},
      {"claims: id -> s p valid_from day (o found in spo)",
       [&](const ClaimRecord& r, Entries* e) {
         std::string v;
         PutVarint(&v, r.s);
         PutVarint(&v, r.p);
         PutVarint(&v, days(r));
         e->emplace_back(annals::engine::IdKey(r.id), std::move(v));
       }},
      {"spo: key, index value (format 2)", ordering(Family::kSpo, true)},
      {"spo: key only", ordering(Family::kSpo, false)},
      {"spo: key, index value, batch, row (the record, clustered)",
       [](const ClaimRecord& r, Entries* e) {
         std::string key, v;
         annals::engine::EncodeIndexKey(Family::kSpo, r.index_key(), &key);
         annals::engine::EncodeIndexValue(r, &v);
         PutVarint(&v, r.batch);
         PutVarint(&v, ZigZag(r.row));
         e->emplace_back(std::move(key), std::move(v));
       }},
      {"spo: key, index value, batch, row distance (clustered)",
       [&](const ClaimRecord& r, Entries* e) {
         std::string key, v;
         annals::engine::EncodeIndexKey(Family::kSpo, r.index_key(), &key);
         annals::engine::EncodeIndexValue(r, &v);
         PutVarint(&v, r.batch);
         PutVarint(&v, ZigZag(row_delta(r)));
         e->emplace_back(std::move(key), std::move(v));
       }},
      {"spo: 4-byte fixed ids, key only",
       [](const ClaimRecord& r, Entries* e) {
         std::string key;
         PutFixed32(&key, static_cast<uint32_t>(r.s));
         PutFixed32(&key, static_cast<uint32_t>(r.p));
         annals::engine::PutKeyTime(&key, r.from_key());
         PutFixed32(&key, static_cast<uint32_t>(r.o));
         PutFixed32(&key, static_cast<uint32_t>(r.id));
         e->emplace_back(std::move(key), "");
       }},
      {"pos: key, index value (format 2)", ordering(Family::kPos, true)},
      {"pos: key only", ordering(Family::kPos, false)},
      {"osp: key, index value (format 2)", ordering(Family::kOsp, true)},
      {"osp: key only", ordering(Family::kOsp, false)},
      {"time by subject (format 2)",
       time(annals::engine::TimePosition::kSubject, 0, true)},
      {"time by predicate (format 2)",
       time(annals::engine::TimePosition::kPredicate, 0, true)},
      {"time by subject, key only",
       time(annals::engine::TimePosition::kSubject, 0, false)},
      {"time by predicate, key only",
       time(annals::engine::TimePosition::kPredicate, 0, false)},
      {"time by subject > 64 claims",
       time(annals::engine::TimePosition::kSubject, 64, true)},
      {"time by subject > 256 claims",
       time(annals::engine::TimePosition::kSubject, 256, true)},
      {"time by subject > 256 claims, key only",
       time(annals::engine::TimePosition::kSubject, 256, false)},
      {"time by subject > 1024 claims",
       time(annals::engine::TimePosition::kSubject, 1024, true)},
      {"time by subject, length classes, key only",
       classes(annals::engine::TimePosition::kSubject, 0, false)},
      {"time by subject, length classes, p o",
       classes(annals::engine::TimePosition::kSubject, 0, true)},
      {"time by subject > 64 claims, length classes, key only",
       classes(annals::engine::TimePosition::kSubject, 64, false)},
      {"time by predicate, length classes, key only",
       classes(annals::engine::TimePosition::kPredicate, 0, false)},
      {"time by subject > 64 claims, length classes, p o index value",
       classes(annals::engine::TimePosition::kSubject, 64, true, true)},
      {"time by subject, length classes, p o index value",
       classes(annals::engine::TimePosition::kSubject, 0, true, true)},
      {"time by predicate, length classes, s o index value",
       classes(annals::engine::TimePosition::kPredicate, 0, true, true)},
      {"time by object, length classes, s p index value",
       object_classes(false)},
      {"time by object (entities only), length classes, s p index value",
       object_classes(true)},
      {"time by predicate, length classes, s o",
       classes(annals::engine::TimePosition::kPredicate, 0, true)},
  };
  std::printf(
      "\n| layout | entries a claim | raw bytes a claim | %s | %s | %s |\n",
      "ZSTD-1 16 KB", "ZSTD-1 64 KB restart 128", "ZSTD-3 64 KB restart 128");
  std::printf("|---|---|---|---|---|---|\n");
  const char* match = std::getenv("LAB_MATCH");
  for (const Layout& l : layouts) {
    if (match != nullptr &&
        std::string(l.name).find(match) == std::string::npos) {
      continue;
    }
    Entries e;
    for (const ClaimRecord& r : rows) l.make(r, &e);
    int64_t raw = 0;
    for (const auto& [k, v] : e) raw += k.size() + v.size();
    int64_t a = SstBytes(e, base), b = SstBytes(e, big), c = SstBytes(e, big3);
    std::printf("| %s | %.2f | %.1f | %.1f | %.1f | %.1f |\n", l.name,
                e.size() / n, raw / n, a / n, b / n, c / n);
    std::fflush(stdout);
  }
  // Format 3 as decided (FORMAT.md), every family of it from
  // Format3Entries, as a load or `annals upgrade` would write them.
  if (match == nullptr || std::string(match) == "format 3") {
    std::vector<Entries> f3(4);  // claims, spo, time by s, p and o together
    int64_t positions[3] = {0, 0, 0};
    std::vector<annals::engine::IndexEntry> entries;
    for (const ClaimRecord& r : rows) {
      auto [id, row] = batch_first[r.batch];
      annals::engine::Format3Entries(
          r, annals::engine::RowBase{id, row},
          per_subject[r.s] > annals::engine::kSmallSubjectClaims, &entries);
      for (auto& x : entries) {
        int i = x.family == Family::kClaims ? 0
                : x.family == Family::kSpo  ? 1
                                            : 2;
        if (i == 2) {
          i = x.key[0] == 's' ? 2 : 3;
          ++positions[x.key[0] == 's' ? 0 : x.key[0] == 'p' ? 1 : 2];
        }
        f3[i].emplace_back(std::move(x.key), std::move(x.value));
      }
    }
    std::printf(
        "\nformat 3 (Format3Entries): time entries a claim by subject %.2f, "
        "predicate %.2f, object %.2f\n\n",
        positions[0] / n, positions[1] / n, positions[2] / n);
    std::printf(
        "| knobs | claims | spo | time by subject | time by "
        "predicate and object | sum | writing the files, ns a claim "
        "|\n|---|---|---|---|---|---|---|\n");
    for (Entries& e : f3) std::sort(e.begin(), e.end());  // not timed
    for (const Knobs& k : {base, big, big3}) {
      std::printf("| %s", k.name);
      int64_t sum = 0;
      const auto start = std::chrono::steady_clock::now();
      for (Entries& e : f3) {
        int64_t b = SstBytes(e, k);
        sum += b;
        std::printf(" | %.1f", b / n);
      }
      const double ns = std::chrono::duration<double, std::nano>(
                            std::chrono::steady_clock::now() - start)
                            .count();
      std::printf(" | %.1f | %.0f |\n", sum / n, ns / n);
      std::fflush(stdout);
    }
  }
  std::printf(
      "\nsubjects: %zu; claims of subjects with more than 64, 256, "
      "1024 claims:",
      per_subject.size());
  for (int min : {64, 256, 1024}) {
    int64_t c = 0, s = 0;
    for (const auto& [subject, count] : per_subject) {
      if (count > min) c += count, ++s;
    }
    std::printf(" %.1f%% (%lld subjects)", 100.0 * c / n,
                static_cast<long long>(s));
  }
  std::printf("\n");
  std::filesystem::remove(g_dir + "/lab.sst");
  return 0;
}
