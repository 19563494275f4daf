// engine/dictionary.h: every kind of value survives EncodeTerm/DecodeTerm and
// Find/Lookup (from the caches and from a fresh store's disk), kinds are told
// apart, unknown terms are NotFound, claims resolve without a lookup, and a
// snapshot sees only the terms committed before it.
#include "engine/dictionary.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "annals/time.h"
#include "engine/key_codec.h"
#include "engine/store.h"
#include "engine/write_txn.h"
#include "gtest/gtest.h"
#include "tests/support/engine_store_test.h"

namespace annals::engine {
namespace {

// One value of each kind (but claims), and look-alikes of other kinds.
std::vector<Value> Values() {
  auto quantity = Value::Quantity("56", "bcm/yr");
  EXPECT_TRUE(quantity.ok()) << quantity.status();
  auto decimal = Value::Decimal("1.50");
  EXPECT_TRUE(decimal.ok()) << decimal.status();
  return {
      Value::Entity("Gazprom"),
      Value::String("Gazprom"),
      Value::Entity("Ünïcödé — entity"),
      Value::String(""),
      Value::Integer(0),
      Value::Integer(-42),
      Value::Integer(INT64_MAX),
      *decimal,
      Value::Boolean(true),
      Value::Boolean(false),
      Value::Date(TimePoint::FromCivil(2025, 9, 2, 0, 0, 0, Precision::kDay)),
      Value::Date(TimePoint::FromCivil(2025, 1, 1, 0, 0, 0, Precision::kYear)),
      *quantity,
  };
}

TEST(TermEncodingTest, EveryKindRoundTrips) {
  for (const Value& v : Values()) {
    std::string bytes;
    EncodeTerm(v, &bytes);
    auto back = DecodeTerm(bytes);
    ASSERT_TRUE(back.ok()) << v.ToString() << ": " << back.status();
    EXPECT_EQ(*back, v) << v.ToString();
  }
}

TEST(TermEncodingTest, TextAndIntegerShortcutsMatchEncodeTerm) {
  std::string full, shortcut;
  EncodeTerm(Value::Entity("Russia"), &full);
  EncodeTextTerm(ValueKind::kEntity, "Russia", &shortcut);
  EXPECT_EQ(full, shortcut);
  full.clear();
  shortcut.clear();
  EncodeTerm(Value::String("Russia"), &full);
  EncodeTextTerm(ValueKind::kString, "Russia", &shortcut);
  EXPECT_EQ(full, shortcut);
  full.clear();
  shortcut.clear();
  EncodeTerm(Value::Integer(-7), &full);
  EncodeIntegerTerm(-7, &shortcut);
  EXPECT_EQ(full, shortcut);
}

TEST(TermEncodingTest, GarbageDoesNotDecode) {
  EXPECT_FALSE(DecodeTerm("").ok());
  EXPECT_FALSE(DecodeTerm(std::string(1, '\xff')).ok());
}

class DictionaryTest : public test::EngineStoreTest {
 protected:
  // Interns `values` in one committed transaction; their ids.
  std::vector<uint64_t> Intern(const std::vector<Value>& values) {
    WriteTxn txn(store_.get());
    std::vector<uint64_t> ids;
    for (const Value& v : values) {
      auto id = txn.TermId(v);
      EXPECT_TRUE(id.ok()) << id.status();
      ids.push_back(id.value_or(0));
    }
    EXPECT_TRUE(txn.Commit().ok());
    return ids;
  }

  // Find and Lookup agree with `ids` for `values`.
  void ExpectRoundTrips(const std::vector<Value>& values,
                        const std::vector<uint64_t>& ids) {
    Dictionary& dict = store_->dictionary();
    for (size_t i = 0; i < values.size(); ++i) {
      SCOPED_TRACE(values[i].ToString());
      auto found = dict.Find(values[i], nullptr);
      ASSERT_TRUE(found.ok()) << found.status();
      EXPECT_EQ(*found, ids[i]);
      std::string term;
      EncodeTerm(values[i], &term);
      auto by_bytes = dict.Find(term, nullptr);
      ASSERT_TRUE(by_bytes.ok()) << by_bytes.status();
      EXPECT_EQ(*by_bytes, ids[i]);
      auto looked_up = dict.Lookup(ids[i], nullptr);
      ASSERT_TRUE(looked_up.ok()) << looked_up.status();
      EXPECT_EQ(*looked_up, values[i]);
      Value into = Value::Integer(999);  // overwritten
      ASSERT_TRUE(dict.LookupInto(ids[i], nullptr, &into).ok());
      EXPECT_EQ(into, values[i]);
    }
  }
};

TEST_F(DictionaryTest, FindAndLookupRoundTripEveryKind) {
  const std::vector<Value> values = Values();
  const std::vector<uint64_t> ids = Intern(values);
  // Distinct ids: Gazprom the entity is not "Gazprom" the string.
  for (size_t i = 0; i < ids.size(); ++i) {
    for (size_t j = i + 1; j < ids.size(); ++j) {
      EXPECT_NE(ids[i], ids[j])
          << values[i].ToString() << " and " << values[j].ToString();
    }
  }
  ExpectRoundTrips(values, ids);
  Reopen();  // no caches: from disk
  ExpectRoundTrips(values, ids);
}

TEST_F(DictionaryTest, UnknownTermsAreNotFound) {
  Intern({Value::Entity("Russia")});
  Dictionary& dict = store_->dictionary();
  auto missing = dict.Find(Value::Entity("Rusia"), nullptr);
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(absl::IsNotFound(missing.status())) << missing.status();
  EXPECT_TRUE(
      absl::IsNotFound(dict.Find(Value::String("Russia"), nullptr).status()));
  std::string term;
  EncodeTextTerm(ValueKind::kEntity, "nobody", &term);
  EXPECT_TRUE(absl::IsNotFound(dict.Find(term, nullptr).status()));
  // An entity id never given out: a claim naming it would be damaged.
  auto lookup = dict.Lookup(MakeTermId(1000000, ValueKind::kEntity), nullptr);
  EXPECT_TRUE(absl::IsDataLoss(lookup.status())) << lookup.status();
}

TEST_F(DictionaryTest, ClaimsResolveToTheirDerivedIdWithoutALookup) {
  Dictionary& dict = store_->dictionary();
  auto id = dict.Find(Value::Claim(12345), nullptr);
  ASSERT_TRUE(id.ok()) << id.status();
  auto back = dict.Lookup(*id, nullptr);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, Value::Claim(12345));
  auto other = dict.Find(Value::Claim(12346), nullptr);
  ASSERT_TRUE(other.ok());
  EXPECT_NE(*other, *id);
}

TEST_F(DictionaryTest, ASnapshotSeesOnlyTheTermsCommittedBeforeIt) {
  Intern({Value::Entity("before")});
  std::shared_ptr<const Snapshot> snap = store_->GetSnapshot();
  // A term written after the snapshot, through the store's write path but
  // not remembered by the dictionary (as another handle's write would be).
  std::string term;
  EncodeTextTerm(ValueKind::kEntity, "after", &term);
  uint64_t id = 0;
  {
    std::lock_guard<std::mutex> lock(store_->writer_mutex());
    Counters next = store_->counters();
    id = MakeTermId(next.next_term++, ValueKind::kEntity);
    std::string id_bytes;
    PutId(&id_bytes, id);
    RocksBatch batch;
    batch.Put(Family::kTermIds, term, id_bytes);
    batch.Put(Family::kTerms, IdKey(id), term);
    ASSERT_TRUE(store_->Commit(&batch, next).ok());
  }
  Dictionary& dict = store_->dictionary();
  EXPECT_TRUE(dict.Find(Value::Entity("before"), snap.get()).ok());
  auto unseen = dict.Find(term, snap.get());
  EXPECT_TRUE(absl::IsNotFound(unseen.status())) << unseen.status();
  EXPECT_FALSE(dict.Lookup(id, snap.get()).ok());
  // The current state has it; once read, ids never change, so the cache
  // answers for every snapshot.
  auto seen = dict.Find(term, nullptr);
  ASSERT_TRUE(seen.ok()) << seen.status();
  EXPECT_EQ(*seen, id);
  EXPECT_EQ(dict.Find(term, snap.get()).value_or(0), id);
  auto value = dict.Lookup(id, store_->GetSnapshot().get());
  ASSERT_TRUE(value.ok()) << value.status();
  EXPECT_EQ(*value, Value::Entity("after"));
}

}  // namespace
}  // namespace annals::engine
