// Tests of ClaimRecord encodings: the Boost claim record and the compact index
// value (round trip, rejection of damaged bytes, size), and Visible().
#include "engine/claim_record.h"

#include <atomic>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace annals::engine {
namespace {

TimePoint P(const char* text) {
  absl::StatusOr<TimePoint> t = TimePoint::Parse(text);
  EXPECT_TRUE(t.ok()) << t.status();
  return t.ok() ? *t : TimePoint{};
}

uint64_t RandomId(std::mt19937_64& rng) {
  switch (rng() % 4) {
    case 0:
      return rng() % 256;
    case 1:
      return rng() % 100000;
    case 2:
      return UINT64_MAX - rng() % 3;
    default:
      return rng() >> (rng() % 64);
  }
}

// A point of a random precision in years -9999..9999, as Parse would give it.
TimePoint RandomPoint(std::mt19937_64& rng, uint8_t precision) {
  int64_t y = std::uniform_int_distribution<int64_t>(-9999, 9999)(rng);
  int m = 1 + static_cast<int>(rng() % 12);
  int d = 1 + static_cast<int>(rng() % 28);
  auto p = static_cast<Precision>(precision);
  bool sec = p == Precision::kSecond;
  return TimePoint::FromCivil(y, p >= Precision::kMonth ? m : 1,
                              p >= Precision::kDay ? d : 1,
                              sec ? static_cast<int>(rng() % 24) : 0,
                              sec ? static_cast<int>(rng() % 60) : 0,
                              sec ? static_cast<int>(rng() % 60) : 0, p);
}

Endpoint RandomEndpoint(std::mt19937_64& rng) {
  if (rng() % 4 == 0) return {};  // open
  auto precision = static_cast<uint8_t>(1 + rng() % 4);
  return {RandomPoint(rng, precision).seconds, precision};
}

ClaimRecord RandomRow(std::mt19937_64& rng) {
  ClaimRecord row;
  row.id = RandomId(rng);
  row.s = RandomId(rng);
  row.p = RandomId(rng);
  row.o = RandomId(rng);
  row.from = RandomEndpoint(rng);
  row.to = RandomEndpoint(rng);
  row.recorded_precision = static_cast<uint8_t>(1 + rng() % 4);
  row.recorded = RandomPoint(rng, row.recorded_precision).seconds;
  if (rng() % 3 == 0) {
    row.retracted = row.recorded + static_cast<int64_t>(rng() % 1000000000);
  }
  row.source = rng() % 3 == 0 ? 0 : RandomId(rng);
  row.by = rng() % 3 == 0 ? 0 : RandomId(rng);
  switch (rng() % 4) {
    case 0:
      row.confidence = 1.0;
      break;
    case 1:
      row.confidence = 0.0;
      break;
    default:
      // Confidence is kept in millionths.
      row.confidence =
          std::uniform_int_distribution<int>(0, 1000000)(rng) / 1e6;
  }
  // A claim from no batch (an ASSERT) has no row either.
  row.batch = rng() % 2 ? 0 : RandomId(rng);
  row.row = row.batch ? static_cast<int64_t>(rng()) : 0;
  return row;
}

// Every field, exactly (the instant of an open end means nothing).
void ExpectSameRecord(const ClaimRecord& a, const ClaimRecord& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.s, b.s);
  EXPECT_EQ(a.p, b.p);
  EXPECT_EQ(a.o, b.o);
  EXPECT_EQ(a.from.precision, b.from.precision);
  EXPECT_EQ(a.from, b.from);
  EXPECT_EQ(a.to.precision, b.to.precision);
  EXPECT_EQ(a.to, b.to);
  EXPECT_EQ(a.recorded, b.recorded);
  EXPECT_EQ(a.recorded_precision, b.recorded_precision);
  EXPECT_EQ(a.retracted, b.retracted);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.by, b.by);
  EXPECT_EQ(a.confidence, b.confidence);
  EXPECT_EQ(a.batch, b.batch);
  EXPECT_EQ(a.row, b.row);
}

// The fields an index value carries, and `from` (whose instant the key
// carries, as it does s, p, o and id).
void ExpectSameIndexValue(const ClaimRecord& a, const ClaimRecord& b) {
  EXPECT_EQ(a.from.precision, b.from.precision);
  EXPECT_EQ(a.from, b.from);
  EXPECT_EQ(a.to, b.to);
  EXPECT_EQ(a.to.precision, b.to.precision);
  EXPECT_EQ(a.recorded, b.recorded);
  EXPECT_EQ(a.recorded_precision, b.recorded_precision);
  EXPECT_EQ(a.retracted, b.retracted);
  EXPECT_EQ(a.is_retracted(), b.is_retracted());
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.by, b.by);
  EXPECT_EQ(a.confidence, b.confidence);
}

// Gazprom signed "PoS2 memorandum" from 2025-09-02, recorded the next
// morning, with a source and a speaker, from row 10 of load batch 1.
ClaimRecord TypicalRow() {
  ClaimRecord row;
  row.id = 42;
  row.s = MakeTermId(1, ValueKind::kEntity);
  row.p = MakeTermId(2, ValueKind::kEntity);
  row.o = MakeTermId(3, ValueKind::kEntity);
  row.set_valid({P("2025-09-02"), std::nullopt});
  row.recorded = P("2025-09-03T09:30:00Z").seconds;
  row.source = MakeTermId(4, ValueKind::kString);
  row.by = MakeTermId(5, ValueKind::kEntity);
  row.batch = 1;
  row.row = 10;
  return row;
}

// ---------------------------------------------------------------------------
// ClaimRecord helpers

TEST(ClaimRecordRowTest, Endpoints) {
  EXPECT_TRUE(Endpoint{}.open());
  EXPECT_EQ(ToEndpoint(std::nullopt), Endpoint{});
  EXPECT_FALSE(FromEndpoint(Endpoint{}).has_value());
  for (const char* text : {"2025", "2025-09", "2025-09-02",
                           "2025-09-02T10:00:00Z", "-431", "1969-12-31"}) {
    SCOPED_TRACE(text);
    TimePoint t = P(text);
    Endpoint e = ToEndpoint(t);
    EXPECT_FALSE(e.open());
    EXPECT_EQ(e.seconds, t.seconds);
    EXPECT_EQ(e.precision, static_cast<uint8_t>(t.precision));
    EXPECT_EQ(FromEndpoint(e), t);
  }
  // Open endpoints are equal whatever their seconds; closed ones are not.
  EXPECT_EQ((Endpoint{5, 0}), (Endpoint{7, 0}));
  EXPECT_FALSE((Endpoint{5, 3}) == (Endpoint{7, 3}));
  EXPECT_FALSE((Endpoint{5, 3}) == (Endpoint{5, 4}));
}

TEST(ClaimRecordRowTest, ValidKeysAndRetraction) {
  ClaimRecord row = TypicalRow();
  Interval valid{P("2025-09-02"), P("2027")};
  row.set_valid(valid);
  EXPECT_EQ(row.valid(), valid);
  EXPECT_EQ(row.from_key(), P("2025-09-02").seconds);
  IndexKey k = row.index_key();
  EXPECT_EQ(k.s, row.s);
  EXPECT_EQ(k.p, row.p);
  EXPECT_EQ(k.o, row.o);
  EXPECT_EQ(k.from, P("2025-09-02").seconds);
  EXPECT_EQ(k.claim, 42u);

  row.set_valid({std::nullopt, P("2020")});
  EXPECT_TRUE(row.from.open());
  EXPECT_EQ(row.from_key(), INT64_MIN);
  EXPECT_EQ(row.index_key().from, INT64_MIN);
  EXPECT_EQ(row.valid(), (Interval{std::nullopt, P("2020")}));

  EXPECT_FALSE(row.is_retracted());
  row.retracted = 5;
  EXPECT_TRUE(row.is_retracted());
}

// ---------------------------------------------------------------------------
// Claim record

TEST(ClaimRecordTest, TypicalRoundTripAndSize) {
  ClaimRecord row = TypicalRow();
  std::string bytes = EncodeClaimRecord(row);
  ClaimRecord back;
  ASSERT_TRUE(DecodeClaimRecord(bytes, &back).ok());
  ExpectSameRecord(back, row);
  RecordProperty("typical_claim_record_bytes", static_cast<int>(bytes.size()));
  std::string index_value;
  EncodeIndexValue(row, &index_value);
  RecordProperty("typical_index_value_bytes",
                 static_cast<int>(index_value.size()));
  EXPECT_LT(bytes.size(), 60u);
  EXPECT_LT(index_value.size(), 20u);

  // Closed, retracted, with a confidence: still small.
  row.set_valid({P("2025-09-02"), P("2027")});
  row.retracted = P("2025-10-01T00:00:00Z").seconds;
  row.confidence = 0.8;
  bytes = EncodeClaimRecord(row);
  EXPECT_LT(bytes.size(), 60u);
  ASSERT_TRUE(DecodeClaimRecord(bytes, &back).ok());
  ExpectSameRecord(back, row);
}

TEST(ClaimRecordTest, EdgeRowsRoundTrip) {
  std::vector<ClaimRecord> rows;
  rows.push_back(ClaimRecord{});  // all defaults
  // Largest ids; the extreme years Parse accepts.
  ClaimRecord big;
  big.id = big.s = big.p = big.o = big.source = big.by = big.batch = UINT64_MAX;
  big.set_valid({P("-999999"), P("999999-12-31T23:59:59Z")});
  big.recorded = P("999999-12-31T23:59:59Z").seconds;
  big.retracted = INT64_MIN;
  big.row = INT64_MIN;
  big.confidence = 0.0;
  rows.push_back(big);
  big.set_valid({P("999999"), P("999999")});
  big.recorded = P("-999999").seconds;
  big.recorded_precision = static_cast<uint8_t>(Precision::kYear);
  big.retracted = INT64_MAX - 1;
  big.row = INT64_MAX;
  rows.push_back(big);
  ClaimRecord ancient = TypicalRow();
  ancient.set_valid({P("-431"), P("-400")});
  ancient.recorded = P("-400-06-01").seconds;
  ancient.recorded_precision = static_cast<uint8_t>(Precision::kDay);
  ancient.retracted = -1;
  rows.push_back(ancient);
  ClaimRecord open_with_seconds = TypicalRow();
  open_with_seconds.to = {123456, 0};  // open: the seconds mean nothing
  rows.push_back(open_with_seconds);
  for (const ClaimRecord& row : rows) {
    ClaimRecord back;
    absl::Status s = DecodeClaimRecord(EncodeClaimRecord(row), &back);
    ASSERT_TRUE(s.ok()) << s;
    ExpectSameRecord(back, row);
  }
}

TEST(ClaimRecordTest, RandomRowsRoundTrip) {
  std::mt19937_64 rng(42);
  for (int i = 0; i < 5000; ++i) {
    ClaimRecord row = RandomRow(rng);
    std::string bytes = EncodeClaimRecord(row);
    ClaimRecord back;
    absl::Status s = DecodeClaimRecord(bytes, &back);
    ASSERT_TRUE(s.ok()) << s;
    ExpectSameRecord(back, row);
    if (HasFailure()) break;
  }
}

TEST(ClaimRecordTest, EveryTruncationIsDataLoss) {
  std::mt19937_64 rng(43);
  std::vector<ClaimRecord> rows = {TypicalRow()};
  for (int i = 0; i < 50; ++i) rows.push_back(RandomRow(rng));
  for (const ClaimRecord& row : rows) {
    std::string bytes = EncodeClaimRecord(row);
    for (size_t n = 0; n < bytes.size(); ++n) {
      ClaimRecord back;
      absl::Status s =
          DecodeClaimRecord(std::string_view(bytes.data(), n), &back);
      ASSERT_EQ(s.code(), absl::StatusCode::kDataLoss)
          << "prefix of " << n << " of " << bytes.size() << ": " << s;
    }
  }
}

TEST(ClaimRecordTest, GarbageIsDataLossOrDecodesNeverCrashes) {
  std::mt19937_64 rng(44);
  int rejected = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string bytes(rng() % 80, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    ClaimRecord back;
    absl::Status s = DecodeClaimRecord(bytes, &back);
    ASSERT_TRUE(s.ok() || s.code() == absl::StatusCode::kDataLoss) << s;
    if (!s.ok()) ++rejected;
  }
  EXPECT_GT(rejected, 0);
  // Damaged copies of valid records: single flipped bytes.
  std::string good = EncodeClaimRecord(TypicalRow());
  for (size_t i = 0; i < good.size(); ++i) {
    for (int x : {0x01, 0x80, 0xff}) {
      std::string bad = good;
      bad[i] = static_cast<char>(bad[i] ^ x);
      ClaimRecord back;
      absl::Status s = DecodeClaimRecord(bad, &back);
      ASSERT_TRUE(s.ok() || s.code() == absl::StatusCode::kDataLoss) << s;
    }
  }
  ClaimRecord back;
  EXPECT_EQ(DecodeClaimRecord("", &back).code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(DecodeClaimRecord(std::string(100, '\xff'), &back).code(),
            absl::StatusCode::kDataLoss);
}

TEST(ClaimRecordTest, BadPrecisionIsDataLoss) {
  ClaimRecord back;
  ClaimRecord row = TypicalRow();
  row.from.precision = 5;
  EXPECT_EQ(DecodeClaimRecord(EncodeClaimRecord(row), &back).code(),
            absl::StatusCode::kDataLoss);
  row = TypicalRow();
  row.to.precision = 9;
  EXPECT_EQ(DecodeClaimRecord(EncodeClaimRecord(row), &back).code(),
            absl::StatusCode::kDataLoss);
  row = TypicalRow();
  row.recorded_precision = 0;
  EXPECT_EQ(DecodeClaimRecord(EncodeClaimRecord(row), &back).code(),
            absl::StatusCode::kDataLoss);
  row.recorded_precision = 5;
  EXPECT_EQ(DecodeClaimRecord(EncodeClaimRecord(row), &back).code(),
            absl::StatusCode::kDataLoss);
}

TEST(ClaimRecordTest, TrailingBytesAndOtherVersionsAreDataLoss) {
  std::string good = EncodeClaimRecord(TypicalRow());
  ClaimRecord back;
  for (const std::string& extra : {std::string(1, '\0'), std::string("xyz")}) {
    absl::Status s = DecodeClaimRecord(good + extra, &back);
    EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss) << s;
  }
  // The record starts with its own version byte.
  ASSERT_EQ(good[0], '\x01');
  for (char v : {'\x00', '\x02', '\xff'}) {
    std::string other = good;
    other[0] = v;
    absl::Status s = DecodeClaimRecord(other, &back);
    EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss) << s;
    EXPECT_TRUE(absl::StrContains(s.message(), "version")) << s;
  }
}

// Encoders and decoders keep per-thread state: a failed read must not spoil
// the next one, and threads must not disturb each other.
TEST(ClaimRecordTest, DecodingRecoversAfterFailuresAndAcrossThreads) {
  std::mt19937_64 rng(48);
  for (int i = 0; i < 500; ++i) {
    ClaimRecord row = RandomRow(rng);
    std::string bytes = EncodeClaimRecord(row);
    ClaimRecord back;
    std::string_view cut(bytes.data(), rng() % bytes.size());
    ASSERT_FALSE(DecodeClaimRecord(cut, &back).ok());
    ASSERT_TRUE(DecodeClaimRecord(bytes, &back).ok());
    ExpectSameRecord(back, row);
  }
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &failures] {
      std::mt19937_64 rng(100 + t);
      for (int i = 0; i < 2000; ++i) {
        ClaimRecord row = RandomRow(rng);
        std::string bytes = EncodeClaimRecord(row);
        ClaimRecord back;
        if (i % 7 == 0) {
          DecodeClaimRecord(std::string_view(bytes.data(), bytes.size() / 2),
                            &back)
              .IgnoreError();
        }
        if (!DecodeClaimRecord(bytes, &back).ok() || back.id != row.id ||
            back.recorded != row.recorded || back.row != row.row ||
            !(back.from == row.from) || !(back.to == row.to)) {
          ++failures;
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
}

// ---------------------------------------------------------------------------
// Index value

TEST(ClaimRecordIndexValueTest, RandomRowsRoundTrip) {
  std::mt19937_64 rng(45);
  for (int i = 0; i < 20000; ++i) {
    ClaimRecord row = RandomRow(rng);
    std::string bytes = "prefix";
    EncodeIndexValue(row, &bytes);  // appends
    ASSERT_EQ(bytes.compare(0, 6, "prefix"), 0);
    ClaimRecord back;
    back.retracted = 1;
    back.source = back.by = 99;
    back.confidence = 0.25;
    back.to = {5, 4};
    ASSERT_TRUE(DecodeIndexValue(std::string_view(bytes).substr(6),
                                 row.from_key(), &back))
        << i;
    ExpectSameIndexValue(back, row);
    if (HasFailure()) break;
  }
}

TEST(ClaimRecordIndexValueTest, EdgeValues) {
  ClaimRecord row = TypicalRow();
  std::vector<ClaimRecord> rows;
  rows.push_back(row);
  row.set_valid({P("-431"), P("-400")});  // negative day counts
  row.recorded = P("-431-03-01").seconds;
  row.recorded_precision = static_cast<uint8_t>(Precision::kDay);
  row.retracted = INT64_MIN;
  row.source = UINT64_MAX;
  row.by = UINT64_MAX;
  row.confidence = 0.0;
  rows.push_back(row);
  row.set_valid({std::nullopt, P("1969-12-31T23:59:59Z")});
  row.recorded = -1;
  row.recorded_precision = static_cast<uint8_t>(Precision::kSecond);
  row.retracted = INT64_MAX - 1;  // retracted at the last instant
  row.confidence = 0.999999;
  rows.push_back(row);
  row.set_valid({P("2025"), P("2025")});
  row.retracted = kNotRetracted;
  row.source = row.by = 0;
  row.confidence = 1.0;
  rows.push_back(row);
  for (const ClaimRecord& r : rows) {
    SCOPED_TRACE(r.valid().ToString());
    std::string bytes;
    EncodeIndexValue(r, &bytes);
    ClaimRecord back;
    ASSERT_TRUE(DecodeIndexValue(bytes, r.from_key(), &back));
    ExpectSameIndexValue(back, r);
  }
}

TEST(ClaimRecordIndexValueTest, OptionalFieldsCostNothing) {
  ClaimRecord bare;
  bare.set_valid({P("2025-09-02"), std::nullopt});
  bare.recorded_precision = static_cast<uint8_t>(Precision::kDay);
  bare.recorded = P("2025-09-02").seconds;
  std::string bytes;
  EncodeIndexValue(bare, &bytes);
  // flags, precisions, recorded precision, recorded days (3 bytes).
  EXPECT_LE(bytes.size(), 6u);
}

TEST(ClaimRecordIndexValueTest, RejectsTruncatedAndTrailingBytes) {
  std::mt19937_64 rng(46);
  std::vector<ClaimRecord> rows = {TypicalRow()};
  for (int i = 0; i < 200; ++i) rows.push_back(RandomRow(rng));
  for (const ClaimRecord& row : rows) {
    std::string bytes;
    EncodeIndexValue(row, &bytes);
    for (size_t n = 0; n < bytes.size(); ++n) {
      ClaimRecord back;
      ASSERT_FALSE(DecodeIndexValue(std::string_view(bytes.data(), n),
                                    row.from_key(), &back))
          << "prefix of " << n << " of " << bytes.size();
    }
    ClaimRecord back;
    EXPECT_FALSE(DecodeIndexValue(bytes + '\0', row.from_key(), &back));
  }
}

TEST(ClaimRecordIndexValueTest, RejectsInconsistentHeaders) {
  ClaimRecord back;
  // kHasTo without a to precision, and a to precision without kHasTo.
  EXPECT_FALSE(
      DecodeIndexValue(std::string("\x01\x03\x04\x00\x00", 5), 0, &back));
  EXPECT_FALSE(DecodeIndexValue(std::string("\x00\x18\x04\x00", 4), 0, &back));
  // No recorded precision, or one above kSecond.
  EXPECT_FALSE(DecodeIndexValue(std::string("\x00\x03\x00\x00", 4), 0, &back));
  EXPECT_FALSE(DecodeIndexValue(std::string("\x00\x03\x05\x00", 4), 0, &back));
  // Precisions above kSecond.
  EXPECT_FALSE(DecodeIndexValue(std::string("\x00\x05\x04\x00", 4), 0, &back));
  EXPECT_FALSE(
      DecodeIndexValue(std::string("\x01\x2b\x04\x00\x00", 5), 0, &back));
  // Confidence bits wider than a float.
  std::string wide("\x10\x03\x04\x00", 4);
  PutVarint(&wide, uint64_t{1} << 32);
  EXPECT_FALSE(DecodeIndexValue(wide, 0, &back));
  // Random bytes never crash.
  std::mt19937_64 rng(47);
  for (int i = 0; i < 20000; ++i) {
    std::string bytes(rng() % 40, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    DecodeIndexValue(bytes, static_cast<int64_t>(rng()), &back);
  }
}

// ---------------------------------------------------------------------------
// Visible

class ClaimRecordVisibleTest : public ::testing::Test {
 protected:
  static constexpr int64_t kRecorded = 1000;
  static constexpr int64_t kRetracted = 2000;

  ClaimRecordVisibleTest() {
    live_ = TypicalRow();
    live_.set_valid({P("2025"), P("2025")});  // some time in 2025
    live_.recorded = kRecorded;
    retracted_ = live_;
    retracted_.retracted = kRetracted;
  }

  static TimeView AsOf(int64_t t, bool include_retracted = false) {
    TimeView v;
    v.as_of = t;
    v.include_retracted = include_retracted;
    return v;
  }

  ClaimRecord live_, retracted_;
};

TEST_F(ClaimRecordVisibleTest, CurrentlyRecorded) {
  TimeView all = TimeView::AllTime();
  EXPECT_TRUE(Visible(live_, all));
  EXPECT_FALSE(Visible(retracted_, all));
  all.include_retracted = true;
  EXPECT_TRUE(Visible(live_, all));
  EXPECT_TRUE(Visible(retracted_, all));
}

TEST_F(ClaimRecordVisibleTest, AsOf) {
  struct Case {
    int64_t as_of;
    bool include_retracted;
    bool live, retracted;
  };
  const Case cases[] = {
      {kRecorded - 1, false, false, false},  // not yet recorded
      {kRecorded - 1, true, false, false},   // not even with retracted ones
      {kRecorded, false, true, true},        // recorded at that instant
      {kRecorded + 1, false, true, true},
      {kRetracted - 1, false, true, true},  // not yet retracted
      {kRetracted, false, true, false},     // retracted at that instant
      {kRetracted + 1, false, true, false},
      {kRetracted, true, true, true},
      {INT64_MAX - 1, false, true, false},
      {INT64_MAX - 1, true, true, true},
      {INT64_MIN, true, false, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::StrCat("as of ", c.as_of,
                              c.include_retracted ? " incl. retracted" : ""));
    EXPECT_EQ(Visible(live_, AsOf(c.as_of, c.include_retracted)), c.live);
    EXPECT_EQ(Visible(retracted_, AsOf(c.as_of, c.include_retracted)),
              c.retracted);
  }
}

// kNotRetracted (INT64_MAX) marks a claim never retracted; it is not a
// retraction at the instant INT64_MAX. A view as of the end of time (e.g.
// as_of = Window::kMax for "everything recorded") must still show live claims.
TEST_F(ClaimRecordVisibleTest, NotRetractedIsNotARetractionAtTheEndOfTime) {
  EXPECT_TRUE(Visible(live_, AsOf(INT64_MAX)));
  EXPECT_FALSE(Visible(retracted_, AsOf(INT64_MAX)));
  EXPECT_TRUE(Visible(retracted_, AsOf(INT64_MAX, true)));
}

TEST_F(ClaimRecordVisibleTest, CertainAndPossibleValidTime) {
  struct Case {
    const char* window;
    bool certain;
    bool live;
  };
  // The claim holds some time in 2025.
  const Case cases[] = {
      {"2025", true, true},        {"2025", false, true},
      {"2025-09-02", true, false}, {"2025-09-02", false, true},
      {"2025-12", true, false},    {"2025-12", false, true},
      {"2024", true, false},       {"2024", false, false},
      {"2026-01-01", true, false}, {"2026-01-01", false, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(
        absl::StrCat(c.window, c.certain ? " certainly" : " possibly"));
    TimeView v;
    v.valid = Window::Of(P(c.window));
    v.certain = c.certain;
    EXPECT_EQ(Visible(live_, v), c.live);
    // The retracted copy stays hidden, and shows with include_retracted.
    EXPECT_FALSE(Visible(retracted_, v));
    v.include_retracted = true;
    EXPECT_EQ(Visible(retracted_, v), c.live);
  }
}

TEST_F(ClaimRecordVisibleTest, BothAxesMustMatch) {
  TimeView v = AsOf(kRetracted - 1);
  v.valid = Window::Of(P("2025"));
  EXPECT_TRUE(Visible(retracted_, v));
  v.valid = Window::Of(P("2024"));
  EXPECT_FALSE(Visible(retracted_, v));  // valid time misses
  v = AsOf(kRecorded - 1);
  v.valid = Window::Of(P("2025"));
  EXPECT_FALSE(Visible(live_, v));  // transaction time misses
}

TEST_F(ClaimRecordVisibleTest, Now) {
  TimeView now = TimeView::Now();
  ASSERT_TRUE(now.valid.has_value());
  EXPECT_EQ(now.valid->end - now.valid->begin, 1);
  EXPECT_TRUE(now.certain);
  EXPECT_FALSE(now.as_of.has_value());
  ClaimRecord current = live_;
  current.set_valid({P("2020-01-01"), std::nullopt});
  EXPECT_TRUE(Visible(current, now));
  ClaimRecord ended = live_;
  ended.set_valid({P("2020-01-01"), P("2021-01-01")});
  EXPECT_FALSE(Visible(ended, now));
  ClaimRecord future = live_;
  future.set_valid({P("2200-01-01"), std::nullopt});
  EXPECT_FALSE(Visible(future, now));
  current.retracted = kRetracted;
  EXPECT_FALSE(Visible(current, now));
}

}  // namespace
}  // namespace annals::engine
