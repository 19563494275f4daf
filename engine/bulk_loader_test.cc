// BulkLoader through sort runs on disk: a load whose sorts spill (tiny runs)
// writes exactly the entries of the same load sorted in memory, into an
// empty store and into a store that holds claims already; a subject and a
// predicate with more time-index entries than a run go through the merge.
#include "engine/bulk_loader.h"

#include <filesystem>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/batch_meta.h"
#include "engine/check.h"
#include "engine/dictionary.h"
#include "engine/index_entries.h"
#include "engine/key_codec.h"
#include "gtest/gtest.h"
#include "schema/schema_parser.h"
#include "tests/support/temp_dir.h"

namespace annals::engine {
namespace {

constexpr int64_t kDaySeconds = 86400;
constexpr int64_t kLoadTime = 1795876800;  // 2026-11-28

// Rows for `count` claims: one hub subject with a third of them, four
// predicates, intervals of every shape (open start or end, one day, years),
// some rows stated twice.
void MakeRows(int seed, int count, TermTable* terms, ClaimBuffer* rows) {
  std::mt19937 random(seed);
  auto entity = [&](const std::string& name) {
    std::string term;
    EncodeTextTerm(ValueKind::kEntity, name, &term);
    return terms->Intern(term);
  };
  std::string source;
  EncodeTextTerm(ValueKind::kString, "src", &source);
  ClaimRecord previous;
  for (int i = 0; i < count; ++i) {
    ClaimRecord r;
    if (i > 0 && random() % 20 == 0) {
      r = previous;  // a duplicate
    } else {
      r.s =
          entity(random() % 3 == 0 ? "hub" : absl::StrCat("E", random() % 40));
      r.p = entity(absl::StrCat("p", random() % 4));
      r.o = entity(absl::StrCat("E", random() % 60));
      r.source = terms->Intern(source);
      r.by = BulkLoader::kNone;
      int64_t day = static_cast<int64_t>(random() % 20000) - 2000;
      switch (random() % 4) {
        case 0:  // open start
          r.to = {day * kDaySeconds, static_cast<uint8_t>(Precision::kDay)};
          break;
        case 1:  // open end
          r.from = {day * kDaySeconds, static_cast<uint8_t>(Precision::kDay)};
          break;
        case 2:  // one day
          r.from = {day * kDaySeconds, static_cast<uint8_t>(Precision::kDay)};
          r.to = {(day + 1) * kDaySeconds,
                  static_cast<uint8_t>(Precision::kDay)};
          break;
        default:  // up to ten years
          r.from = {day * kDaySeconds, static_cast<uint8_t>(Precision::kDay)};
          r.to = {
              (day + 1 + static_cast<int64_t>(random() % 3650)) * kDaySeconds,
              static_cast<uint8_t>(Precision::kDay)};
      }
      r.recorded = kLoadTime - static_cast<int64_t>(random() % 1000) * 60;
    }
    r.batch = 0;
    r.row = i + 2;
    rows->push_back(r);
    previous = r;
  }
}

// Every entry of every family, in key order.
std::vector<std::pair<std::string, std::string>> Contents(Store* store) {
  std::vector<std::pair<std::string, std::string>> out;
  for (int f = 0; f < kFamilyCount; ++f) {
    auto it =
        store->rocks().NewIterator(static_cast<Family>(f), "", "", nullptr);
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      out.emplace_back(absl::StrCat(FamilyName(static_cast<Family>(f)), ":",
                                    std::string(it->key())),
                       std::string(it->value()));
    }
    EXPECT_TRUE(it->status().ok()) << it->status();
  }
  return out;
}

class BulkLoaderRunsTest : public testing::Test {
 protected:
  std::unique_ptr<Store> OpenStore(const std::string& name) {
    auto store = Store::Open(root_ + "/" + name, Options{});
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? std::move(*store) : nullptr;
  }

  // Loads `count` rows made from `seed`, with runs of `run_records`.
  static LoadResult Load(Store* store, int seed, int count,
                         size_t run_records) {
    TermTable terms;
    ClaimBuffer rows;
    MakeRows(seed, count, &terms, &rows);
    BulkLoader loader(store, {"facts.tsv"}, kLoadTime);
    loader.set_sort_run_records(run_records);
    EXPECT_TRUE(loader.Append(terms, &rows).ok());
    auto summary = loader.Commit(false);
    EXPECT_TRUE(summary.ok()) << summary.status();
    return summary.ok() ? *summary : LoadResult{};
  }

  test::TempDir temp_{"bulk_loader"};
  std::string root_ = temp_.path();
};

TEST_F(BulkLoaderRunsTest, RunsOnDiskWriteWhatOneSortInMemoryWrites) {
  auto in_memory = OpenStore("memory");
  auto through_runs = OpenStore("runs");
  ASSERT_NE(in_memory, nullptr);
  ASSERT_NE(through_runs, nullptr);
  // Into empty stores, then 1,500 more rows (some already stored) into
  // stores that hold claims: the second load deduplicates through a sort.
  for (auto [seed, count] : {std::pair{1, 3000}, std::pair{2, 1500}}) {
    LoadResult a = Load(in_memory.get(), seed, count, size_t{1} << 20);
    LoadResult b = Load(through_runs.get(), seed, count, 37);
    EXPECT_GT(a.claims_added, 0);
    EXPECT_GT(a.duplicates, 0);
    EXPECT_EQ(a.claims_added, b.claims_added);
    EXPECT_EQ(a.duplicates, b.duplicates);
  }
  auto want = Contents(in_memory.get());
  auto got = Contents(through_runs.get());
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    ASSERT_EQ(got[i], want[i]) << "entry " << i;
  }
  for (Store* store : {in_memory.get(), through_runs.get()}) {
    auto report = CheckStore(store);
    ASSERT_TRUE(report.ok()) << report.status();
    EXPECT_TRUE(report->ok()) << absl::StrJoin(report->problems, "\n");
  }
  // The load's temporary directories are gone.
  for (const auto& entry :
       std::filesystem::directory_iterator(root_ + "/runs")) {
    EXPECT_EQ(entry.path().filename().string().rfind("load-tmp-", 0),
              std::string::npos)
        << entry.path();
  }
}

// A load that also records a schema version (Wikidata's labels as aliases)
// publishes it as a finished change: none is counted as in flight after it
// (Store::SchemaAt reads meta while one is), and reads take that schema.
TEST_F(BulkLoaderRunsTest, ASchemaItRecordsIsPublishedAsFinished) {
  std::unique_ptr<Store> store = OpenStore("schema");
  ASSERT_NE(store, nullptr);
  TermTable terms;
  ClaimBuffer rows;
  MakeRows(3, 50, &terms, &rows);
  BulkLoader loader(store.get(), {"facts.tsv"}, kLoadTime);
  loader.CheckedAgainstSchema(store->schema().version);
  const std::string text = "alias Hub = hub\n";
  auto parsed = schema::ParseSchema(text, "labels");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  loader.SetSchema(text,
                   std::make_shared<const schema::Schema>(*std::move(parsed)));
  ASSERT_TRUE(loader.Append(terms, &rows).ok());
  auto summary = loader.Commit(false);
  ASSERT_TRUE(summary.ok()) << summary.status();

  EXPECT_EQ(store->schema_changes_in_flight(), 0);
  auto snapshot = store->GetSnapshot();
  auto at = store->SchemaAt(snapshot.get());
  ASSERT_TRUE(at.ok()) << at.status();
  EXPECT_EQ(at->version, 1u);
  EXPECT_EQ(at->schema->Canonical("Hub"), "hub");
  // The published schema itself, not a copy parsed again from meta.
  EXPECT_EQ(at->schema, store->schema().schema);
}

// Time by subject holds a subject's claims once it has more than
// kSmallSubjectClaims: a load that takes a stored subject past that writes
// the time entries of its stored claims too, and a load into a subject
// already past writes only its own.
TEST_F(BulkLoaderRunsTest, ALoadThatTakesASubjectPastSmallIndexesItWhole) {
  std::unique_ptr<Store> store = OpenStore("crossing");
  ASSERT_NE(store, nullptr);
  auto load = [&](int from, int to) {
    TermTable terms;
    ClaimBuffer rows;
    std::string s, p, o;
    EncodeTextTerm(ValueKind::kEntity, "grows", &s);
    EncodeTextTerm(ValueKind::kEntity, "p", &p);
    for (int i = from; i < to; ++i) {
      ClaimRecord r;
      r.s = terms.Intern(s);
      r.p = terms.Intern(p);
      o.clear();
      EncodeTextTerm(ValueKind::kEntity, absl::StrCat("E", i), &o);
      r.o = terms.Intern(o);
      r.source = r.by = BulkLoader::kNone;
      r.from = {(1000 + i) * kDaySeconds,
                static_cast<uint8_t>(Precision::kDay)};
      r.recorded = kLoadTime;
      r.row = i + 2;
      rows.push_back(r);
    }
    BulkLoader loader(store.get(), {"facts.tsv"}, kLoadTime);
    ASSERT_TRUE(loader.Append(terms, &rows).ok());
    auto summary = loader.Commit(false);
    ASSERT_TRUE(summary.ok()) << summary.status();
    EXPECT_EQ(summary->claims_added, to - from);
  };
  auto subject_entries = [&] {
    auto id = store->dictionary().Find(Value::Entity("grows"), nullptr);
    EXPECT_TRUE(id.ok());
    std::string prefix = TimePrefix(TimePosition::kSubject, *id);
    auto it = store->rocks().NewIterator(Family::kTime, prefix,
                                         PrefixEnd(prefix), nullptr);
    int n = 0;
    for (it->Seek(prefix); it->Valid(); it->Next()) ++n;
    return n;
  };
  auto expect_checks = [&] {
    auto report = CheckStore(store.get());
    ASSERT_TRUE(report.ok()) << report.status();
    EXPECT_TRUE(report->ok()) << absl::StrJoin(report->problems, "\n");
  };
  load(0, 40);
  EXPECT_EQ(subject_entries(), 0);
  load(40, kSmallSubjectClaims);  // exactly small
  EXPECT_EQ(subject_entries(), 0);
  expect_checks();
  load(kSmallSubjectClaims, kSmallSubjectClaims + 5);
  EXPECT_EQ(subject_entries(), kSmallSubjectClaims + 5);
  load(kSmallSubjectClaims + 5, kSmallSubjectClaims + 7);
  EXPECT_EQ(subject_entries(), kSmallSubjectClaims + 7);
  expect_checks();
}

// Each load records its batch in meta: its time, the claims it added, where
// its rows start (its first claim and that claim's row) and the file it
// read, in format 3's record.
TEST_F(BulkLoaderRunsTest, EachLoadRecordsItsBatch) {
  std::unique_ptr<Store> store = OpenStore("batches");
  ASSERT_NE(store, nullptr);
  LoadResult first = Load(store.get(), 4, 200, size_t{1} << 20);
  LoadResult second = Load(store.get(), 5, 100, size_t{1} << 20);
  ASSERT_EQ(first.batches.size(), 1u);
  ASSERT_EQ(second.batches.size(), 1u);
  EXPECT_NE(first.batches[0], second.batches[0]);
  for (const LoadResult& load : {first, second}) {
    auto value = store->rocks().Get(Family::kMeta,
                                    BatchMetaKey(load.batches[0]), nullptr);
    ASSERT_TRUE(value.ok()) << value.status();
    auto first = store->GetClaim(load.first_claim, nullptr);
    ASSERT_TRUE(first.ok()) << first.status();
    EXPECT_EQ(*value,
              absl::StrCat(kLoadTime, "\t", load.claims_added, "\t",
                           load.first_claim, "\t", first->row, "\tfacts.tsv"));
    std::optional<BatchMeta> meta = DecodeBatchMeta(*value, 3);
    ASSERT_TRUE(meta.has_value()) << *value;
    EXPECT_EQ(meta->claims_added, load.claims_added);
    EXPECT_EQ(meta->base.first_claim, load.first_claim);
    EXPECT_EQ(meta->file, "facts.tsv");
  }
}

}  // namespace
}  // namespace annals::engine
