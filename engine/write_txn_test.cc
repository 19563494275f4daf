// engine::WriteTxn: term ids made once and reused (within the transaction
// and after it), claim terms that must exist, Assert and AssertNew
// (duplicates, supersession of a `one` predicate), Retract's NotFound and
// FailedPrecondition, what PendingEntries and NewTerms describe, that nothing
// is written before Commit, and that a transaction commits once.
#include "engine/write_txn.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tests/support/claim_rows.h"
#include "tests/support/engine_store_test.h"

namespace annals::engine {
namespace {

using test::DaySeconds;

constexpr int64_t kRecorded = 1700000000;

int Entries(const std::array<int, kFamilyCount>& pending, Family f) {
  return pending[static_cast<int>(f)];
}

class WriteTxnTest : public test::EngineStoreTest {
 protected:
  test::RowSpec Spec(const char* o, int from_year) const {
    return {
        "A",          "p",      Value::String(o), DaySeconds(from_year, 1, 1),
        std::nullopt, kRecorded};
  }

  // Commits one claim; its id.
  uint64_t Committed(const test::RowSpec& spec) {
    WriteTxn txn(store_.get());
    auto row = test::AssertRow(txn, spec);
    EXPECT_TRUE(row.ok()) << row.status();
    EXPECT_TRUE(txn.Commit().ok());
    return row.ok() ? row->id : 0;
  }
};

TEST_F(WriteTxnTest, TermIdIsMadeOnceAndReused) {
  uint64_t a = 0;
  {
    WriteTxn txn(store_.get());
    auto first = txn.TermId(Value::Entity("A"));
    ASSERT_TRUE(first.ok()) << first.status();
    auto again = txn.TermId(Value::Entity("A"));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, *first);
    // Same text, another kind: another term.
    auto string_a = txn.TermId(Value::String("A"));
    ASSERT_TRUE(string_a.ok());
    EXPECT_NE(*string_a, *first);
    ASSERT_TRUE(txn.Commit().ok());
    a = *first;
  }
  EXPECT_EQ(store_->counters().next_term, 3u);
  WriteTxn txn(store_.get());
  auto later = txn.TermId(Value::Entity("A"));
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(*later, a);
  auto terms = txn.NewTerms();
  ASSERT_TRUE(terms.ok());
  EXPECT_TRUE(terms->empty());
}

TEST_F(WriteTxnTest, ClaimTermsNeedTheClaim) {
  WriteTxn txn(store_.get());
  auto missing = txn.TermId(Value::Claim(42));
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(absl::IsNotFound(missing.status())) << missing.status();
  // A claim of this transaction will do.
  auto row = test::AssertRow(txn, Spec("x", 2000));
  ASSERT_TRUE(row.ok()) << row.status();
  EXPECT_TRUE(txn.TermId(Value::Claim(row->id)).ok());
}

TEST_F(WriteTxnTest, NothingIsWrittenBeforeCommit) {
  {
    WriteTxn txn(store_.get());
    auto row = test::AssertRow(txn, Spec("x", 2000));
    ASSERT_TRUE(row.ok()) << row.status();
    EXPECT_EQ(row->id, 1u);
    // Dropped without Commit.
  }
  EXPECT_EQ(store_->counters().claim_count, 0);
  EXPECT_EQ(store_->counters().next_claim, 1u);
  EXPECT_TRUE(absl::IsNotFound(store_->GetClaim(1, nullptr).status()));
  EXPECT_TRUE(absl::IsNotFound(
      store_->dictionary().Find(Value::Entity("A"), nullptr).status()));
  // The ids it would have taken are free again.
  EXPECT_EQ(Committed(Spec("x", 2000)), 1u);
}

TEST_F(WriteTxnTest, PendingEntriesAndNewTermsDescribeTheCommit) {
  WriteTxn txn(store_.get());
  auto row = test::AssertRow(txn, Spec("x", 2000));
  ASSERT_TRUE(row.ok()) << row.status();
  const auto status_or_pending = txn.PendingEntries();
  ASSERT_TRUE(status_or_pending.ok()) << status_or_pending.status();
  const auto& pending = *status_or_pending;
  EXPECT_EQ(Entries(pending, Family::kClaims), 1);
  EXPECT_EQ(Entries(pending, Family::kSpo), 1);
  EXPECT_EQ(Entries(pending, Family::kPos), 0);
  EXPECT_EQ(Entries(pending, Family::kOsp), 0);
  EXPECT_EQ(Entries(pending, Family::kTerms), 3);  // A, p, "x"
  EXPECT_EQ(Entries(pending, Family::kTermIds), 3);
  // By predicate and by object (a string); A is small: not by subject.
  EXPECT_EQ(Entries(pending, Family::kTime), 2);
  // Meta: next claim, next term, claim count, the count of p.
  EXPECT_EQ(Entries(pending, Family::kMeta), 4);
  auto terms = txn.NewTerms();
  ASSERT_TRUE(terms.ok()) << terms.status();
  EXPECT_EQ(*terms, (std::vector<Value>{Value::Entity("A"), Value::Entity("p"),
                                        Value::String("x")}));
}

TEST_F(WriteTxnTest, CommitPublishesAndASecondCommitFails) {
  WriteTxn txn(store_.get());
  auto row = test::AssertRow(txn, Spec("x", 2000));
  ASSERT_TRUE(row.ok()) << row.status();
  ASSERT_TRUE(txn.Commit().ok());
  EXPECT_EQ(store_->counters().claim_count, 1);
  auto stored = store_->GetClaim(row->id, nullptr);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->s, row->s);
  EXPECT_EQ(stored->from, row->from);
  EXPECT_EQ(stored->recorded, kRecorded);
  // The new terms are in the dictionary, both ways.
  auto id = store_->dictionary().Find(Value::String("x"), nullptr);
  ASSERT_TRUE(id.ok()) << id.status();
  EXPECT_EQ(*id, row->o);
  absl::Status again = txn.Commit();
  EXPECT_TRUE(absl::IsFailedPrecondition(again)) << again;
}

TEST_F(WriteTxnTest, RetractUnknownOrRetractedClaims) {
  const uint64_t id = Committed(Spec("x", 2000));
  {
    WriteTxn txn(store_.get());
    absl::Status unknown = txn.Retract(id + 100, kRecorded + 1);
    EXPECT_TRUE(absl::IsNotFound(unknown)) << unknown;
    ASSERT_TRUE(txn.Retract(id, kRecorded + 1).ok());
    // Retracted in this transaction already.
    absl::Status twice = txn.Retract(id, kRecorded + 2);
    EXPECT_TRUE(absl::IsFailedPrecondition(twice)) << twice;
    ASSERT_TRUE(txn.Commit().ok());
  }  // one transaction at a time: each holds the writer lock
  auto stored = store_->GetClaim(id, nullptr);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->retracted, kRecorded + 1);
  // Nothing is deleted: the claim count stays.
  EXPECT_EQ(store_->counters().claim_count, 1);
  WriteTxn later(store_.get());
  absl::Status after_commit = later.Retract(id, kRecorded + 3);
  EXPECT_TRUE(absl::IsFailedPrecondition(after_commit)) << after_commit;
}

TEST_F(WriteTxnTest, AssertNewSkipsDuplicates) {
  const uint64_t id = Committed(Spec("x", 2000));
  WriteTxn txn(store_.get());
  auto row = test::MakeRow(txn, Spec("x", 2000));
  ASSERT_TRUE(row.ok()) << row.status();
  auto done = txn.AssertNew(&*row, /*one_value=*/false);
  ASSERT_TRUE(done.ok()) << done.status();
  EXPECT_EQ(done->duplicate_of, id);
  EXPECT_EQ(row->id, 0u);
  // Another value of a `many` predicate is simply added.
  auto other = test::MakeRow(txn, Spec("y", 2000));
  ASSERT_TRUE(other.ok());
  auto added = txn.AssertNew(&*other, /*one_value=*/false);
  ASSERT_TRUE(added.ok()) << added.status();
  EXPECT_EQ(added->duplicate_of, 0u);
  EXPECT_NE(other->id, 0u);
  EXPECT_TRUE(added->replaced.empty());
  EXPECT_TRUE(added->closed.empty());
  // And a duplicate of this transaction's own claim is caught too.
  auto same = test::MakeRow(txn, Spec("y", 2000));
  ASSERT_TRUE(same.ok());
  auto dup = txn.AssertNew(&*same, /*one_value=*/false);
  ASSERT_TRUE(dup.ok());
  EXPECT_EQ(dup->duplicate_of, other->id);
}

TEST_F(WriteTxnTest, AssertNewOfAOneValuePredicateSupersedes) {
  const uint64_t old_id = Committed(Spec("x", 2000));
  WriteTxn txn(store_.get());
  // A later value: the open claim from 2000 is closed where it starts.
  auto later = test::MakeRow(txn, Spec("y", 2010));
  ASSERT_TRUE(later.ok());
  auto done = txn.AssertNew(&*later, /*one_value=*/true);
  ASSERT_TRUE(done.ok()) << done.status();
  EXPECT_EQ(done->duplicate_of, 0u);
  ASSERT_EQ(done->closed.size(), 1u);
  EXPECT_EQ(done->closed[0].first, old_id);
  const uint64_t copy_id = done->closed[0].second;
  ASSERT_TRUE(txn.Commit().ok());

  auto old_row = store_->GetClaim(old_id, nullptr);
  ASSERT_TRUE(old_row.ok());
  EXPECT_TRUE(old_row->is_retracted());
  auto copy = store_->GetClaim(copy_id, nullptr);
  ASSERT_TRUE(copy.ok()) << copy.status();
  EXPECT_FALSE(copy->is_retracted());
  EXPECT_EQ(copy->o, old_row->o);
  EXPECT_EQ(copy->from, old_row->from);
  EXPECT_EQ(copy->to.seconds, DaySeconds(2010, 1, 1));
}

}  // namespace
}  // namespace annals::engine
