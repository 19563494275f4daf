// engine::Store: opening (creating, reopening, read-only, refusing a second
// writer and a missing store), the counters it keeps and persists, GetClaim,
// the schema it loads and the schema as of a snapshot (SchemaAt), the
// single write path (Commit, Writable) and ConsistentView.
#include "engine/store.h"

#include <cstdint>
#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "engine/write_txn.h"
#include "gtest/gtest.h"
#include "tests/support/store.h"
#include "tests/support/temp_dir.h"

namespace annals::engine {
namespace {

constexpr int64_t kTinyRows = 37;  // rows of datasets/tiny/claims.tsv

Options Unsynced() {
  Options o;
  o.sync_writes = false;
  return o;
}

int64_t Sum(const Counters& c) {
  int64_t n = 0;
  for (const auto& [predicate, count] : c.predicate_counts) n += count;
  return n;
}

class StoreTest : public ::testing::Test {
 protected:
  std::unique_ptr<Store> Open(Options o = Unsynced()) {
    auto store = Store::Open(path_, o);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }

  test::TempDir dir_{"annals_store"};
  std::string path_ = dir_.Join("store");
};

TEST_F(StoreTest, CreatesAnEmptyStoreWithFreshCounters) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->dir(), path_);
  EXPECT_FALSE(store->read_only());
  EXPECT_TRUE(store->Writable().ok());
  const Counters c = store->counters();
  EXPECT_EQ(c.next_claim, 1u);
  EXPECT_EQ(c.next_term, 1u);
  EXPECT_EQ(c.next_batch, 1u);
  EXPECT_EQ(c.claim_count, 0);
  EXPECT_TRUE(c.predicate_counts.empty());
  // No schema yet: version 0, and an empty schema rather than null.
  Store::CurrentSchema schema = store->schema();
  EXPECT_EQ(schema.version, 0u);
  ASSERT_NE(schema.schema, nullptr);
  EXPECT_TRUE(schema.schema->predicates().empty());
}

TEST_F(StoreTest, MissingStoreIsNotFoundWithoutCreateIfMissing) {
  Options o = Unsynced();
  o.create_if_missing = false;
  auto store = Store::Open(path_, o);
  ASSERT_FALSE(store.ok());
  EXPECT_TRUE(absl::IsNotFound(store.status())) << store.status();
}

TEST_F(StoreTest, CountersAndSchemaSurviveAReopen) {
  Counters before;
  {
    auto store =
        test::OpenEngineStore(path_, {test::kTinySchema, test::kTinyClaims});
    ASSERT_TRUE(store.ok()) << store.status();
    before = (*store)->counters();
  }
  EXPECT_EQ(before.claim_count, kTinyRows);
  EXPECT_EQ(before.next_claim, uint64_t{kTinyRows} + 1);
  EXPECT_EQ(Sum(before), kTinyRows);
  EXPECT_GT(before.next_term, 1u);
  EXPECT_EQ(before.next_batch, 2u);  // one load

  auto store = Open();
  ASSERT_NE(store, nullptr);
  const Counters after = store->counters();
  EXPECT_EQ(after.next_claim, before.next_claim);
  EXPECT_EQ(after.next_term, before.next_term);
  EXPECT_EQ(after.next_batch, before.next_batch);
  EXPECT_EQ(after.claim_count, before.claim_count);
  EXPECT_EQ(after.predicate_counts, before.predicate_counts);
  Store::CurrentSchema schema = store->schema();
  EXPECT_EQ(schema.version, 1u);
  ASSERT_NE(schema.schema, nullptr);
  EXPECT_NE(schema.schema->FindPredicate("gas_flow_to_china_bcm"), nullptr);
}

TEST_F(StoreTest, GetClaimReturnsTheRecordOrNotFound) {
  auto store = test::OpenEngineStore(path_, {test::kTinyClaims});
  ASSERT_TRUE(store.ok()) << store.status();
  Store& s = **store;
  // Claim 1 is the file's first row.
  auto row = s.GetClaim(1, nullptr);
  ASSERT_TRUE(row.ok()) << row.status();
  EXPECT_EQ(row->id, 1u);
  EXPECT_EQ(row->batch, 1u);
  EXPECT_EQ(row->row, 2);  // line 2, after the header
  auto subject = s.dictionary().Lookup(row->s, nullptr);
  ASSERT_TRUE(subject.ok()) << subject.status();
  EXPECT_EQ(*subject, Value::Entity("SCO summit 2025"));
  auto predicate = s.dictionary().Lookup(row->p, nullptr);
  ASSERT_TRUE(predicate.ok()) << predicate.status();
  EXPECT_EQ(predicate->ToString(), "organised_by");
  EXPECT_FALSE(row->is_retracted());

  auto missing = s.GetClaim(kTinyRows + 1, nullptr);
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(absl::IsNotFound(missing.status())) << missing.status();
  EXPECT_TRUE(absl::IsNotFound(s.GetClaim(0, nullptr).status()));
}

TEST_F(StoreTest, ReadOnlyStoreRefusesWritesAndSeesTheData) {
  { ASSERT_TRUE(test::OpenEngineStore(path_, {test::kTinyClaims}).ok()); }
  Options o = Unsynced();
  o.read_only = true;
  auto store = Open(o);
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(store->read_only());
  absl::Status writable = store->Writable();
  EXPECT_TRUE(absl::IsFailedPrecondition(writable)) << writable;
  EXPECT_EQ(store->counters().claim_count, kTinyRows);
  EXPECT_TRUE(store->GetClaim(1, nullptr).ok());
}

TEST_F(StoreTest, ASecondWriterInTheProcessIsRefused) {
  auto first = Open();
  ASSERT_NE(first, nullptr);
  auto second = Store::Open(path_, Unsynced());
  ASSERT_FALSE(second.ok());
  EXPECT_TRUE(absl::IsFailedPrecondition(second.status())) << second.status();
  // A reader may still open it.
  Options o = Unsynced();
  o.read_only = true;
  EXPECT_TRUE(Store::Open(path_, o).ok());
}

TEST_F(StoreTest, CommitPublishesCountersAndSnapshotsKeepTheirView) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  std::shared_ptr<const Snapshot> before = store->GetSnapshot();
  uint64_t id = 0;
  {
    WriteTxn txn(store.get());
    ClaimRecord row;
    auto s = txn.TermId(Value::Entity("A"));
    auto p = txn.TermId(Value::Entity("p"));
    auto o = txn.TermId(Value::String("x"));
    ASSERT_TRUE(s.ok() && p.ok() && o.ok());
    row.s = *s;
    row.p = *p;
    row.o = *o;
    ASSERT_TRUE(txn.Assert(&row).ok());
    ASSERT_TRUE(txn.Commit().ok());
    id = row.id;
  }
  const Counters c = store->counters();
  EXPECT_EQ(c.claim_count, 1);
  EXPECT_EQ(c.next_claim, 2u);
  EXPECT_EQ(c.next_term, 4u);  // three terms
  EXPECT_EQ(Sum(c), 1);
  EXPECT_TRUE(store->GetClaim(id, nullptr).ok());
  EXPECT_TRUE(absl::IsNotFound(store->GetClaim(id, before.get()).status()));
  EXPECT_TRUE(store->GetClaim(id, store->GetSnapshot().get()).ok());
}

TEST_F(StoreTest, ConsistentViewMatchesTheCountersAndSchema) {
  auto store =
      test::OpenEngineStore(path_, {test::kTinySchema, test::kTinyClaims});
  ASSERT_TRUE(store.ok()) << store.status();
  Store::ConsistentView view = (*store)->GetConsistentView();
  ASSERT_NE(view.snapshot, nullptr);
  EXPECT_EQ(view.counters.claim_count, (*store)->counters().claim_count);
  EXPECT_EQ(view.counters.next_claim, (*store)->counters().next_claim);
  EXPECT_EQ(view.schema.version, 1u);
  EXPECT_EQ(view.schema.schema, (*store)->schema().schema);
  EXPECT_TRUE((*store)->GetClaim(kTinyRows, view.snapshot.get()).ok());
}

// A read on a snapshot uses the schema of that snapshot, not one committed
// since (aliases, units and one-ness as of the snapshot); a schema change
// being committed sends SchemaAt to the snapshot's own meta entries.
TEST_F(StoreTest, SchemaAtIsTheSchemaOfTheSnapshot) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  auto set = [&](std::string_view text) {
    WriteTxn txn(store.get());
    ASSERT_TRUE(txn.SetSchema(text, "schema", 1795876800).ok());
    ASSERT_TRUE(txn.Commit().ok());
  };
  auto none = store->GetSnapshot();
  set("alias A = Alpha\n");
  auto first = store->GetSnapshot();
  set("alias A = Beta\n");
  auto second = store->GetSnapshot();

  auto at = store->SchemaAt(none.get());
  ASSERT_TRUE(at.ok()) << at.status();
  EXPECT_EQ(at->version, 0u);
  EXPECT_EQ(at->schema->Canonical("A"), "A");
  at = store->SchemaAt(first.get());
  ASSERT_TRUE(at.ok()) << at.status();
  EXPECT_EQ(at->version, 1u);
  EXPECT_EQ(at->schema->Canonical("A"), "Alpha");
  at = store->SchemaAt(second.get());
  ASSERT_TRUE(at.ok()) << at.status();
  EXPECT_EQ(at->version, 2u);
  EXPECT_EQ(at->schema->Canonical("A"), "Beta");
  // The current schema itself, not a copy parsed again.
  EXPECT_EQ(at->schema, store->schema().schema);
  at = store->SchemaAt(nullptr);
  ASSERT_TRUE(at.ok());
  EXPECT_EQ(at->version, 2u);

  // While a change is being committed the snapshot's meta decides.
  store->SchemaChangeBegins();
  auto view = store->GetReadView();
  ASSERT_TRUE(view.ok()) << view.status();
  EXPECT_EQ(view->schema.version, 2u);
  EXPECT_EQ(view->schema.schema->Canonical("A"), "Beta");
  store->SchemaChangeFailed();
  // And the old snapshot still sees its own after everything.
  at = store->SchemaAt(first.get());
  ASSERT_TRUE(at.ok());
  EXPECT_EQ(at->schema->Canonical("A"), "Alpha");
}

TEST(CountersTest, WriteChangesListsOnlyWhatChanged) {
  Counters before;
  before.predicate_counts[7] = 2;
  std::vector<std::pair<std::string, std::string>> out;
  before.WriteChanges(before, &out);
  EXPECT_TRUE(out.empty());
  Counters after = before;
  after.next_claim = 5;
  after.claim_count = 4;
  after.predicate_counts[7] = 4;
  after.WriteChanges(before, &out);
  EXPECT_EQ(out.size(), 3u);  // next claim, claim count, predicate 7
}

}  // namespace
}  // namespace annals::engine
