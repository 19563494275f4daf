// Format 3's clustered records and claim pointers: every field round-trips
// through an spo key and value (loaded and written claims, open ends,
// negative years, rows before and after the predicted one), a pointer finds
// the claim's spo key prefix, rows of a file in order cost one byte, and
// damaged values are refused.
#include "engine/clustered_record.h"

#include "engine/key_codec.h"
#include "gtest/gtest.h"

namespace annals::engine {
namespace {

constexpr int64_t kDay = 86400;

ClaimRecord Loaded() {
  ClaimRecord r;
  r.id = 1000;
  r.s = 8 * 40 + 1;
  r.p = 8 * 3 + 1;
  r.o = 8 * 77 + 1;
  r.from = {20333 * kDay, 3};
  r.to = {20334 * kDay, 3};
  r.recorded = 20333 * kDay;
  r.recorded_precision = 3;
  r.source = 8 * 9 + 2;
  r.batch = 3;
  r.row = 1202;
  return r;
}

// Decodes `row`'s spo entry as a reader would, with `base` for its batch.
ClaimRecord RoundTrip(const ClaimRecord& row, const RowBase& base) {
  std::string key, value;
  EncodeIndexKey(Family::kSpo, row.index_key(), &key);
  EncodeClusteredValue(row, base, &value);
  IndexKey k;
  EXPECT_TRUE(DecodeIndexKey(Family::kSpo, key, &k));
  ClaimRecord back;
  int64_t distance = -1;
  EXPECT_TRUE(DecodeClusteredValue(value, k.from, &back, &distance));
  back.id = k.claim;
  back.s = k.s;
  back.p = k.p;
  back.o = k.o;
  if (back.batch != 0) back.row = RowFromDistance(base, back.id, distance);
  return back;
}

void ExpectSame(const ClaimRecord& a, const ClaimRecord& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.s, b.s);
  EXPECT_EQ(a.p, b.p);
  EXPECT_EQ(a.o, b.o);
  EXPECT_TRUE(a.from == b.from);
  EXPECT_TRUE(a.to == b.to);
  EXPECT_EQ(a.recorded, b.recorded);
  EXPECT_EQ(a.recorded_precision, b.recorded_precision);
  EXPECT_EQ(a.retracted, b.retracted);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.by, b.by);
  EXPECT_DOUBLE_EQ(a.confidence, b.confidence);
  EXPECT_EQ(a.batch, b.batch);
  EXPECT_EQ(a.row, b.row);
}

TEST(ClusteredRecordTest, LoadedClaimRoundTrips) {
  const RowBase base{900, 1100};  // claim 900 came from row 1100
  ClaimRecord row = Loaded();
  ExpectSame(row, RoundTrip(row, base));
  row.row = 5;  // far before the predicted row
  ExpectSame(row, RoundTrip(row, base));
  row.row = INT64_MAX;
  ExpectSame(row, RoundTrip(row, base));
}

TEST(ClusteredRecordTest, WrittenClaimsRoundTripWithEveryOption) {
  ClaimRecord row = Loaded();
  row.batch = 0;
  row.row = 0;
  row.from = {};
  row.to = {-800000 * kDay + 17, 4};
  row.retracted = 21000 * kDay;
  row.by = 8 * 12 + 1;
  row.confidence = 0.25;
  row.recorded = -3 * kDay;
  ExpectSame(row, RoundTrip(row, RowBase{}));
  std::string value, plain;
  EncodeClusteredValue(row, RowBase{}, &value);
  EncodeIndexValue(row, &plain);
  EXPECT_EQ(value, plain);  // no batch: the index value alone
}

TEST(ClusteredRecordTest, RowsInFileOrderCostOneByte) {
  const RowBase base{900, 1100};
  ClaimRecord row = Loaded();
  std::string plain, value;
  EncodeIndexValue(row, &plain);
  row.row = 1100 + (row.id - 900);
  EncodeClusteredValue(row, base, &value);
  EXPECT_EQ(value.size(), plain.size() + 2);  // batch 3, distance 0
  EXPECT_EQ(value.back(), '\0');
}

TEST(ClusteredRecordTest, DamagedValuesAreRefused) {
  ClaimRecord row = Loaded(), back;
  std::string value;
  EncodeClusteredValue(row, RowBase{900, 1100}, &value);
  int64_t distance;
  EXPECT_TRUE(DecodeClusteredValue(value, row.from_key(), &back, &distance));
  EXPECT_FALSE(
      DecodeClusteredValue(value + "x", row.from_key(), &back, &distance));
  // Without its distance, the batch alone does not read.
  EXPECT_FALSE(DecodeClusteredValue(value.substr(0, value.size() - 1),
                                    row.from_key(), &back, &distance));
  EXPECT_FALSE(DecodeClusteredValue("", row.from_key(), &back, &distance));
  // A batch of 0 is never written.
  std::string zero;
  EncodeIndexValue(row, &zero);
  zero += std::string("\0\0", 2);
  EXPECT_FALSE(DecodeClusteredValue(zero, row.from_key(), &back, &distance));
}

TEST(ClusteredRecordTest, PointerLeadsToTheSpoKey) {
  for (Endpoint from : {Endpoint{20333 * kDay, 3}, Endpoint{},
                        Endpoint{-700000 * kDay + 3601, 4}, Endpoint{-1, 4}}) {
    ClaimRecord row = Loaded();
    row.from = from;
    std::string value, key;
    EncodeClaimPointer(row, &value);
    ClaimPointer ptr;
    ASSERT_TRUE(DecodeClaimPointer(value, &ptr));
    EXPECT_EQ(ptr.s, row.s);
    EXPECT_EQ(ptr.p, row.p);
    EXPECT_EQ(ptr.from_key, row.from_key());
    EncodeIndexKey(Family::kSpo, row.index_key(), &key);
    EXPECT_EQ(key.rfind(SpoPrefix(ptr), 0), 0u) << "from " << from.seconds;
    // Truncated or extended pointers are refused.
    EXPECT_FALSE(
        DecodeClaimPointer(std::string_view(value).substr(0, 2), &ptr));
    EXPECT_FALSE(DecodeClaimPointer(value + "x", &ptr));
  }
  // A second of the day past its end is refused.
  std::string bad;
  PutVarint(&bad, 9);
  PutVarint(&bad, 17);
  PutVarint(&bad, 1);
  PutVarint(&bad, kDay);
  ClaimPointer ptr;
  EXPECT_FALSE(DecodeClaimPointer(bad, &ptr));
}

}  // namespace
}  // namespace annals::engine
