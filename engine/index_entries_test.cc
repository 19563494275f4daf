// The entries of one claim (index_entries.h): which families get an
// entry (time by subject only for subjects marked large, time by object only
// for entity, string and claim objects), and that each entry reads back as
// the same claim.
#include "engine/index_entries.h"

#include "engine/key_codec.h"
#include "engine/term_id.h"
#include "engine/time_classes.h"
#include "gtest/gtest.h"

namespace annals::engine {
namespace {

constexpr int64_t kDay = 86400;

ClaimRecord Row(uint64_t object) {
  ClaimRecord r;
  r.id = 42;
  r.s = MakeTermId(5, ValueKind::kEntity);
  r.p = MakeTermId(6, ValueKind::kEntity);
  r.o = object;
  r.from = {20333 * kDay, 3};
  r.to = {20400 * kDay, 3};
  r.recorded = 20333 * kDay;
  r.recorded_precision = 3;
  r.batch = 2;
  r.row = 50;
  return r;
}

// The claim each entry of `entries` reads back as (spo, time), or its
// pointer's fields (claims).
void ExpectEntriesRead(const ClaimRecord& row, const RowBase& base,
                       const std::vector<IndexEntry>& entries) {
  for (const IndexEntry& e : entries) {
    ClaimRecord back;
    switch (e.family) {
      case Family::kClaims: {
        EXPECT_EQ(e.key, IdKey(row.id));
        ClaimPointer ptr;
        ASSERT_TRUE(DecodeClaimPointer(e.value, &ptr));
        EXPECT_EQ(ptr.s, row.s);
        EXPECT_EQ(ptr.p, row.p);
        EXPECT_EQ(ptr.from_key, row.from_key());
        continue;
      }
      case Family::kSpo: {
        IndexKey k;
        int64_t distance;
        ASSERT_TRUE(DecodeIndexKey(Family::kSpo, e.key, &k));
        ASSERT_TRUE(DecodeClusteredValue(e.value, k.from, &back, &distance));
        back.s = k.s, back.p = k.p, back.o = k.o, back.id = k.claim;
        EXPECT_EQ(RowFromDistance(base, back.id, distance), row.row);
        EXPECT_EQ(back.batch, row.batch);
        break;
      }
      case Family::kTime: {
        ClassKey k;
        ASSERT_TRUE(DecodeClassKey(e.key, &k));
        ASSERT_TRUE(DecodeClassEntry(k, e.value, &back));
        break;
      }
      default:
        ADD_FAILURE() << "an entry in " << FamilyName(e.family);
        continue;
    }
    EXPECT_EQ(back.id, row.id);
    EXPECT_EQ(back.s, row.s);
    EXPECT_EQ(back.p, row.p);
    EXPECT_EQ(back.o, row.o);
    EXPECT_TRUE(back.from == row.from);
    EXPECT_TRUE(back.to == row.to);
    EXPECT_EQ(back.recorded, row.recorded);
  }
}

std::string Positions(const std::vector<IndexEntry>& entries) {
  std::string out;
  for (const IndexEntry& e : entries) {
    out += e.family == Family::kTime ? e.key.substr(0, 1)
                                     : std::string(FamilyName(e.family));
    out += ' ';
  }
  return out;
}

TEST(ClaimEntriesTest, EntityObjectOfALargeSubject) {
  const RowBase base{40, 48};
  ClaimRecord row = Row(MakeTermId(9, ValueKind::kEntity));
  std::vector<IndexEntry> entries;
  ClaimEntries(row, base, /*subject_indexed=*/true, &entries);
  EXPECT_EQ(Positions(entries), "claims spo s p o ");
  ExpectEntriesRead(row, base, entries);
}

TEST(ClaimEntriesTest, NumberObjectOfASmallSubject) {
  const RowBase base{40, 48};
  ClaimRecord row = Row(MakeTermId(9, ValueKind::kInteger));
  std::vector<IndexEntry> entries;
  ClaimEntries(row, base, /*subject_indexed=*/false, &entries);
  EXPECT_EQ(Positions(entries), "claims spo p ");
  ExpectEntriesRead(row, base, entries);
}

TEST(ClaimEntriesTest, WhichObjectsAreIndexed) {
  EXPECT_TRUE(ObjectIndexed(MakeTermId(3, ValueKind::kEntity)));
  EXPECT_TRUE(ObjectIndexed(MakeTermId(3, ValueKind::kString)));
  EXPECT_TRUE(ObjectIndexed(3 << 3));  // claim #c3
  EXPECT_FALSE(ObjectIndexed(MakeTermId(3, ValueKind::kInteger)));
  EXPECT_FALSE(ObjectIndexed(MakeTermId(3, ValueKind::kDecimal)));
  EXPECT_FALSE(ObjectIndexed(MakeTermId(3, ValueKind::kBoolean)));
  EXPECT_FALSE(ObjectIndexed(MakeTermId(3, ValueKind::kDate)));
  EXPECT_FALSE(ObjectIndexed(MakeTermId(3, ValueKind::kQuantity)));
}

}  // namespace
}  // namespace annals::engine
