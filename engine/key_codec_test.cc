// Tests of the order-preserving key encodings (ids, times, ordered ints, index
// keys, prefixes) and of varints, zigzag and fixed64: round trip, byte order.
#include "engine/key_codec.h"

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "gtest/gtest.h"

namespace annals::engine {
namespace {

using ::std::string_literals::operator""s;

// RocksDB's bytewise order: unsigned bytes, shorter prefix first.
bool BytewiseLess(std::string_view a, std::string_view b) {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    auto x = static_cast<unsigned char>(a[i]);
    auto y = static_cast<unsigned char>(b[i]);
    if (x != y) return x < y;
  }
  return a.size() < b.size();
}

std::string Id(uint64_t id) {
  std::string s;
  PutId(&s, id);
  return s;
}

// Ids of every byte length, biased to the boundaries.
uint64_t RandomId(std::mt19937_64& rng) {
  int bytes = std::uniform_int_distribution<int>(0, 8)(rng);
  if (bytes == 0) return 0;
  uint64_t v = rng();
  if (bytes < 8) v &= (uint64_t{1} << (8 * bytes)) - 1;
  switch (rng() % 4) {
    case 0:
      return v | (uint64_t{1} << (8 * bytes - 1));  // top bit of its length
    case 1:
      return bytes < 8 ? (uint64_t{1} << (8 * bytes)) - 1 : UINT64_MAX;
    default:
      return v;
  }
}

std::vector<uint64_t> EdgeIds() {
  std::vector<uint64_t> ids = {0,
                               1,
                               127,
                               128,
                               255,
                               256,
                               257,
                               65535,
                               65536,
                               (uint64_t{1} << 32) - 1,
                               uint64_t{1} << 32,
                               (uint64_t{1} << 32) + 1,
                               (uint64_t{1} << 56) - 1,
                               uint64_t{1} << 56,
                               uint64_t{1} << 63,
                               UINT64_MAX - 1,
                               UINT64_MAX};
  return ids;
}

// ---------------------------------------------------------------------------
// ids

TEST(KeyCodecIdTest, ExactBytes) {
  EXPECT_EQ(Id(0), "\x00"s);
  EXPECT_EQ(Id(1), "\x01\x01"s);
  EXPECT_EQ(Id(255), "\x01\xff"s);
  EXPECT_EQ(Id(256), "\x02\x01\x00"s);
  EXPECT_EQ(Id(uint64_t{1} << 32), "\x05\x01\x00\x00\x00\x00"s);
  EXPECT_EQ(Id(UINT64_MAX), "\x08\xff\xff\xff\xff\xff\xff\xff\xff"s);
  EXPECT_EQ(IdKey(256), Id(256));
  // PutId appends.
  std::string s = "x";
  PutId(&s, 1);
  EXPECT_EQ(s, "x\x01\x01"s);
}

TEST(KeyCodecIdTest, RoundTrip) {
  std::mt19937_64 rng(1);
  std::vector<uint64_t> ids = EdgeIds();
  for (int i = 0; i < 20000; ++i) ids.push_back(RandomId(rng));
  for (uint64_t id : ids) {
    std::string enc = Id(id);
    ASSERT_EQ(enc.size(), 1u + static_cast<unsigned char>(enc[0]));
    std::string_view in = enc;
    uint64_t back = 12345;
    ASSERT_TRUE(GetId(&in, &back)) << id;
    EXPECT_EQ(back, id);
    EXPECT_TRUE(in.empty());
  }
}

TEST(KeyCodecIdTest, ConcatenatedIdsDecodeInTurn) {
  std::mt19937_64 rng(2);
  for (int i = 0; i < 2000; ++i) {
    uint64_t a = RandomId(rng), b = RandomId(rng), c = RandomId(rng);
    std::string enc = Id(a) + Id(b) + Id(c) + "tail";
    std::string_view in = enc;
    uint64_t x, y, z;
    ASSERT_TRUE(GetId(&in, &x));
    ASSERT_TRUE(GetId(&in, &y));
    ASSERT_TRUE(GetId(&in, &z));
    EXPECT_EQ(x, a);
    EXPECT_EQ(y, b);
    EXPECT_EQ(z, c);
    EXPECT_EQ(in, "tail");
  }
}

TEST(KeyCodecIdTest, ByteOrderIsNumericOrder) {
  std::mt19937_64 rng(3);
  std::vector<uint64_t> ids = EdgeIds();
  for (int i = 0; i < 5000; ++i) ids.push_back(RandomId(rng));
  std::vector<std::string> encoded;
  for (uint64_t id : ids) encoded.push_back(Id(id));
  std::sort(ids.begin(), ids.end());
  std::sort(encoded.begin(), encoded.end(), BytewiseLess);
  ASSERT_EQ(ids.size(), encoded.size());
  for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(encoded[i], Id(ids[i]));
  // Pairwise, including neighbours across length boundaries.
  for (size_t i = 0; i < 3000; ++i) {
    uint64_t a = ids[rng() % ids.size()], b = ids[rng() % ids.size()];
    EXPECT_EQ(a < b, BytewiseLess(Id(a), Id(b))) << a << " vs " << b;
  }
  EXPECT_TRUE(BytewiseLess(Id(255), Id(256)));
  EXPECT_TRUE(BytewiseLess(Id(0), Id(1)));
  EXPECT_TRUE(BytewiseLess(Id((uint64_t{1} << 32) - 1), Id(uint64_t{1} << 32)));
  EXPECT_TRUE(BytewiseLess(Id(UINT64_MAX - 1), Id(UINT64_MAX)));
}

TEST(KeyCodecIdTest, PrefixFree) {
  std::mt19937_64 rng(4);
  std::vector<uint64_t> ids = EdgeIds();
  for (int i = 0; i < 400; ++i) ids.push_back(RandomId(rng));
  for (uint64_t a : ids) {
    std::string ea = Id(a);
    for (uint64_t b : ids) {
      if (a == b) continue;
      std::string eb = Id(b);
      ASSERT_NE(eb.compare(0, ea.size(), ea), 0)
          << "encoding of " << a << " is a prefix of that of " << b;
    }
  }
}

TEST(KeyCodecIdTest, RejectsTruncatedAndNonCanonical) {
  const std::vector<std::string> bad = {
      ""s,
      "\x01"s,                                      // length 1, no byte
      "\x02\x01"s,                                  // length 2, one byte
      "\x08\xff\xff\xff\xff\xff\xff\xff"s,          // 7 of 8 bytes
      "\x09\x01\x01\x01\x01\x01\x01\x01\x01\x01"s,  // longer than 8
      "\xff"s,
      "\x01\x00"s,      // zero must be the empty form
      "\x02\x00\x05"s,  // leading zero byte
      "\x08\x00\xff\xff\xff\xff\xff\xff\xff"s,
  };
  for (const std::string& b : bad) {
    std::string_view in = b;
    uint64_t id = 77;
    EXPECT_FALSE(GetId(&in, &id)) << "size " << b.size();
    // Nothing consumed, nothing written.
    EXPECT_EQ(in.size(), b.size());
    EXPECT_EQ(id, 77u);
  }
  // Every strict prefix of a valid encoding is rejected.
  std::string full = Id(UINT64_MAX - 12345);
  for (size_t n = 0; n < full.size(); ++n) {
    std::string_view in(full.data(), n);
    uint64_t id;
    EXPECT_FALSE(GetId(&in, &id)) << n;
  }
}

// ---------------------------------------------------------------------------
// time

TEST(KeyCodecTimeTest, ExactBytes) {
  std::string s;
  PutTime(&s, 0);
  EXPECT_EQ(s, "\x80\x00\x00\x00\x00\x00\x00\x00"s);
  s.clear();
  PutTime(&s, -1);
  EXPECT_EQ(s, "\x7f\xff\xff\xff\xff\xff\xff\xff"s);
  s.clear();
  PutTime(&s, INT64_MIN);
  EXPECT_EQ(s, std::string(8, '\0'));
  s.clear();
  PutTime(&s, INT64_MAX);
  EXPECT_EQ(s, std::string(8, '\xff'));
}

TEST(KeyCodecTimeTest, RoundTripAndOrder) {
  // Seconds in years -9999..9999, and the extremes.
  const int64_t lo = TimePoint::FromCivil(-9999).seconds;
  const int64_t hi = TimePoint::FromCivil(10000).seconds - 1;
  std::mt19937_64 rng(5);
  std::vector<int64_t> times = {INT64_MIN, INT64_MIN + 1, -86400,    -1, 0, 1,
                                86400,     INT64_MAX - 1, INT64_MAX, lo, hi};
  for (int i = 0; i < 20000; ++i) {
    times.push_back(std::uniform_int_distribution<int64_t>(lo, hi)(rng));
  }
  std::vector<std::string> encoded;
  for (int64_t t : times) {
    std::string enc;
    PutTime(&enc, t);
    ASSERT_EQ(enc.size(), 8u);
    std::string_view in = enc;
    int64_t back;
    ASSERT_TRUE(GetTime(&in, &back));
    EXPECT_EQ(back, t);
    EXPECT_TRUE(in.empty());
    encoded.push_back(enc);
  }
  std::sort(times.begin(), times.end());
  std::sort(encoded.begin(), encoded.end(), BytewiseLess);
  for (size_t i = 0; i < times.size(); ++i) {
    std::string_view in = encoded[i];
    int64_t t;
    ASSERT_TRUE(GetTime(&in, &t));
    ASSERT_EQ(t, times[i]) << i;
  }
}

TEST(KeyCodecTimeTest, RejectsShortInput) {
  for (size_t n = 0; n < 8; ++n) {
    std::string b(n, '\x80');
    std::string_view in = b;
    int64_t t = 5;
    EXPECT_FALSE(GetTime(&in, &t)) << n;
    EXPECT_EQ(in.size(), n);
    EXPECT_EQ(t, 5);
  }
}

// ---------------------------------------------------------------------------
// ordered signed integers and compact key times

// The value of `bytes`, an ordered integer that is all of them.
int64_t OrderedIntOf(const std::string& bytes) {
  std::string_view in = bytes;
  int64_t v = 77;
  EXPECT_TRUE(GetOrderedInt(&in, &v)) << "size " << bytes.size();
  EXPECT_TRUE(in.empty()) << in.size() << " bytes left";
  return v;
}

// Days as ordered integers: the last and the first a key time holds
// (INT64_MAX / 86400 and INT64_MIN / 86400 - 1), and one past each.
const std::string kLastDay = "\x86\x61\x17\x22\x83\x39\x44"s;
const std::string kFirstDay = "\x79\x9e\xe8\xdd\x7c\xc6\xbb"s;
const std::string kAfterLastDay = "\x86\x61\x17\x22\x83\x39\x45"s;
const std::string kBeforeFirstDay = "\x79\x9e\xe8\xdd\x7c\xc6\xba"s;

std::string KeyTime(int64_t seconds) {
  std::string s;
  PutKeyTime(&s, seconds);
  return s;
}

TEST(KeyCodecOrderedIntTest, ExactBytes) {
  EXPECT_EQ(OrderedIntOf("\x80"s), 0);
  EXPECT_EQ(OrderedIntOf("\x81\x01"s), 1);
  EXPECT_EQ(OrderedIntOf("\x81\xff"s), 255);
  EXPECT_EQ(OrderedIntOf("\x82\x01\x00"s), 256);
  EXPECT_EQ(OrderedIntOf("\x7f"s), -1);
  EXPECT_EQ(OrderedIntOf("\x7e\xfe"s), -2);
  EXPECT_EQ(OrderedIntOf("\x7e\x00"s), -256);
  EXPECT_EQ(OrderedIntOf("\x7d\xfe\xff"s), -257);
  EXPECT_EQ(OrderedIntOf("\x88\x7f\xff\xff\xff\xff\xff\xff\xff"s), INT64_MAX);
  EXPECT_EQ(OrderedIntOf("\x77\x80\x00\x00\x00\x00\x00\x00\x00"s), INT64_MIN);
  EXPECT_EQ(OrderedIntOf(kLastDay), INT64_MAX / 86400);
  EXPECT_EQ(OrderedIntOf(kFirstDay), INT64_MIN / 86400 - 1);
  EXPECT_EQ(OrderedIntOf(kAfterLastDay), INT64_MAX / 86400 + 1);
  EXPECT_EQ(OrderedIntOf(kBeforeFirstDay), INT64_MIN / 86400 - 2);
}

TEST(KeyCodecOrderedIntTest, RejectsTruncatedAndNonCanonical) {
  const std::vector<std::string> bad = {
      ""s,
      "\x81"s,  // one byte announced, none given
      "\x7e"s,
      "\x88\x01\x02\x03"s,                          // truncated
      "\x89\x01\x01\x01\x01\x01\x01\x01\x01\x01"s,  // nine bytes
      "\x76\x01\x01\x01\x01\x01\x01\x01\x01\x01"s,
      "\x81\x00"s,      // 0 padded to one byte
      "\x82\x00\x05"s,  // leading zero byte
      "\x7e\xff"s,      // -1 padded to one byte
      "\x7d\xff\xfe"s,  // leading (complemented) zero byte
  };
  for (const std::string& b : bad) {
    std::string_view in = b;
    int64_t v = 77;
    EXPECT_FALSE(GetOrderedInt(&in, &v)) << "size " << b.size();
    EXPECT_EQ(in.size(), b.size());
    EXPECT_EQ(v, 77);
  }
}

// Eight magnitude bytes can hold more than an int64: such encodings are
// never written and must not decode (to a value of the other sign).
TEST(KeyCodecOrderedIntTest, RejectsOutOfRangeEightByteValues) {
  for (const std::string& b :
       {"\x88\xff\xff\xff\xff\xff\xff\xff\xff"s,     // 2^64-1 "positive" = -1
        "\x88\x80\x00\x00\x00\x00\x00\x00\x00"s,     // 2^63 "positive"
        "\x77\x00\x00\x00\x00\x00\x00\x00\x00"s,     // "negative" = 0
        "\x77\x7f\xff\xff\xff\xff\xff\xff\xfe"s}) {  // below INT64_MIN
    std::string_view in = b;
    int64_t v = 77;
    EXPECT_FALSE(GetOrderedInt(&in, &v)) << "decoded to " << v;
  }
}

TEST(KeyCodecKeyTimeTest, WholeDaysAreSmall) {
  // 1990..2030: 3 bytes of day, 1 byte of second.
  for (const char* day : {"1990-01-01", "2025-09-02", "2030-12-31"}) {
    EXPECT_EQ(KeyTime(TimePoint::Parse(day)->seconds).size(), 4u) << day;
  }
  EXPECT_EQ(KeyTime(0), "\x80\x00"s);               // day 0, second 0
  EXPECT_EQ(KeyTime(-1), "\x7f\x03\x01\x51\x7f"s);  // day -1, second 86399
  EXPECT_EQ(KeyTime(86400 + 1), "\x81\x01\x01\x01"s);
}

TEST(KeyCodecKeyTimeTest, RoundTripAndOrder) {
  const int64_t lo = TimePoint::FromCivil(-9999).seconds;
  const int64_t hi = TimePoint::FromCivil(10000).seconds - 1;
  std::mt19937_64 rng(13);
  std::vector<int64_t> times = {
      INT64_MIN, INT64_MIN + 1, -86401, -86400, -86399, -1, 0,
      1,         86399,         86400,  86401,  lo,     hi, INT64_MAX - 1,
      INT64_MAX};
  for (int i = 0; i < 20000; ++i) {
    int64_t t = std::uniform_int_distribution<int64_t>(lo, hi)(rng);
    if (i % 3 == 0) t -= ((t % 86400) + 86400) % 86400;  // whole days
    times.push_back(t);
  }
  for (int i = 0; i < 2000; ++i) times.push_back(static_cast<int64_t>(rng()));
  std::vector<std::string> encoded;
  for (int64_t t : times) {
    std::string e = KeyTime(t) + "rest";
    std::string_view in = e;
    int64_t back;
    ASSERT_TRUE(GetKeyTime(&in, &back)) << t;
    ASSERT_EQ(back, t);
    ASSERT_EQ(in, "rest");
    encoded.push_back(KeyTime(t));
  }
  std::sort(times.begin(), times.end());
  std::sort(encoded.begin(), encoded.end(), BytewiseLess);
  for (size_t i = 0; i < times.size(); ++i) {
    ASSERT_EQ(encoded[i], KeyTime(times[i])) << times[i];
  }
}

TEST(KeyCodecKeyTimeTest, RejectsBadInput) {
  const std::string day0 = "\x80"s;
  const std::string& last_day = kLastDay;
  const std::string& first_day = kFirstDay;
  const std::vector<std::string> bad = {
      ""s,
      day0,                   // no second
      day0 + Id(86400),       // second of day out of range
      day0 + "\x01\x00"s,     // non-canonical second
      kAfterLastDay + Id(0),  // day out of range
      kBeforeFirstDay + Id(86399),
      last_day + Id(INT64_MAX % 86400 + 1),  // past INT64_MAX
      first_day + Id(30591),                 // before INT64_MIN
  };
  for (const std::string& b : bad) {
    std::string_view in = b;
    int64_t t;
    EXPECT_FALSE(GetKeyTime(&in, &t)) << "size " << b.size();
  }
  // The extremes themselves decode.
  std::string_view in;
  int64_t t;
  std::string max = last_day + Id(INT64_MAX % 86400);
  in = max;
  ASSERT_TRUE(GetKeyTime(&in, &t));
  EXPECT_EQ(t, INT64_MAX);
  std::string min = first_day + Id(30592);
  in = min;
  ASSERT_TRUE(GetKeyTime(&in, &t));
  EXPECT_EQ(t, INT64_MIN);
}

// ---------------------------------------------------------------------------
// varints, zigzag, fixed64

TEST(KeyCodecVarintTest, RoundTripAndLength) {
  struct Case {
    uint64_t v;
    size_t len;
  };
  const Case cases[] = {
      {0, 1},
      {1, 1},
      {127, 1},
      {128, 2},
      {16383, 2},
      {16384, 3},
      {uint64_t{1} << 35, 6},
      {(uint64_t{1} << 63) - 1, 9},
      {uint64_t{1} << 63, 10},
      {UINT64_MAX, 10},
  };
  for (const Case& c : cases) {
    std::string enc;
    PutVarint(&enc, c.v);
    EXPECT_EQ(enc.size(), c.len) << c.v;
    std::string_view in = enc;
    uint64_t back;
    ASSERT_TRUE(GetVarint(&in, &back));
    EXPECT_EQ(back, c.v);
    EXPECT_TRUE(in.empty());
  }
  std::string enc;
  PutVarint(&enc, 300);
  EXPECT_EQ(enc, "\xac\x02"s);

  std::mt19937_64 rng(6);
  for (int i = 0; i < 20000; ++i) {
    uint64_t v = rng() >> (rng() % 64);
    std::string e;
    PutVarint(&e, v);
    e += "rest";
    std::string_view in = e;
    uint64_t back;
    ASSERT_TRUE(GetVarint(&in, &back));
    ASSERT_EQ(back, v);
    EXPECT_EQ(in, "rest");
  }
}

TEST(KeyCodecVarintTest, RejectsTruncatedAndOverlong) {
  std::string full;
  PutVarint(&full, UINT64_MAX);
  for (size_t n = 0; n < full.size(); ++n) {
    std::string_view in(full.data(), n);
    uint64_t v = 9;
    EXPECT_FALSE(GetVarint(&in, &v)) << n;
    EXPECT_EQ(in.size(), n);
    EXPECT_EQ(v, 9u);
  }
  // Eleven bytes: more than any 64-bit value needs.
  std::string overlong(10, '\x80');
  overlong += '\x01';
  std::string_view in = overlong;
  uint64_t v;
  EXPECT_FALSE(GetVarint(&in, &v));
}

TEST(KeyCodecVarintTest, ZigZag) {
  EXPECT_EQ(ZigZag(0), 0u);
  EXPECT_EQ(ZigZag(-1), 1u);
  EXPECT_EQ(ZigZag(1), 2u);
  EXPECT_EQ(ZigZag(-2), 3u);
  EXPECT_EQ(ZigZag(INT64_MAX), UINT64_MAX - 1);
  EXPECT_EQ(ZigZag(INT64_MIN), UINT64_MAX);
  for (int64_t v : {int64_t{0}, int64_t{-1}, int64_t{1}, INT64_MIN, INT64_MAX,
                    int64_t{-86400}, int64_t{1756771200}}) {
    EXPECT_EQ(UnZigZag(ZigZag(v)), v);
  }
  std::mt19937_64 rng(7);
  for (int i = 0; i < 20000; ++i) {
    auto v = static_cast<int64_t>(rng() >> (rng() % 64));
    if (rng() % 2) v = -v;
    ASSERT_EQ(UnZigZag(ZigZag(v)), v);
    // Small magnitudes stay small.
    if (v > -64 && v < 64) {
      EXPECT_LT(ZigZag(v), 128u);
    }
  }
}

TEST(KeyCodecVarintTest, Fixed64IsBigEndian) {
  std::string enc;
  PutFixed64(&enc, 0x0102030405060708);
  EXPECT_EQ(enc, "\x01\x02\x03\x04\x05\x06\x07\x08"s);
  std::string_view in = enc;
  uint64_t v;
  ASSERT_TRUE(GetFixed64(&in, &v));
  EXPECT_EQ(v, 0x0102030405060708u);
  EXPECT_TRUE(in.empty());
  std::string_view short_in(enc.data(), 7);
  EXPECT_FALSE(GetFixed64(&short_in, &v));
}

// ---------------------------------------------------------------------------
// index keys

const Family kIndexFamilies[] = {Family::kSpo, Family::kPos, Family::kOsp};

// The fields of `k` in the key order of family `f` (valid_from mapped to an
// unsigned number with the same order): spo is s, p, from, o, claim; pos and
// osp their three ids, from, claim.
std::tuple<uint64_t, uint64_t, uint64_t, uint64_t, uint64_t> FamilyTuple(
    Family f, const IndexKey& k) {
  uint64_t from = static_cast<uint64_t>(k.from) ^ (uint64_t{1} << 63);
  switch (f) {
    case Family::kPos:
      return {k.p, k.o, k.s, from, k.claim};
    case Family::kOsp:
      return {k.o, k.s, k.p, from, k.claim};
    default:
      return {k.s, k.p, from, k.o, k.claim};
  }
}

IndexKey RandomKey(std::mt19937_64& rng, bool small) {
  // Small ranges produce ties, so that later fields decide the order.
  auto id = [&]() { return small ? rng() % 4 : RandomId(rng); };
  IndexKey k;
  k.s = id();
  k.p = id();
  k.o = id();
  switch (rng() % 5) {
    case 0:
      k.from = INT64_MIN;  // open
      break;
    case 1:
      k.from = small ? static_cast<int64_t>(rng() % 3) - 1 : INT64_MAX;
      break;
    default:
      k.from = std::uniform_int_distribution<int64_t>(
          TimePoint::FromCivil(-9999).seconds,
          TimePoint::FromCivil(9999).seconds)(rng);
  }
  k.claim = small ? rng() % 300 : RandomId(rng);
  return k;
}

bool SameKey(const IndexKey& a, const IndexKey& b) {
  return a.s == b.s && a.p == b.p && a.o == b.o && a.from == b.from &&
         a.claim == b.claim;
}

TEST(KeyCodecIndexTest, LayoutPerFamily) {
  IndexKey k{/*s=*/1, /*p=*/2, /*o=*/3, /*from=*/0, /*claim=*/4};
  std::string time;
  PutKeyTime(&time, 0);
  std::string spo, pos, osp;
  EncodeIndexKey(Family::kSpo, k, &spo);
  EncodeIndexKey(Family::kPos, k, &pos);
  EncodeIndexKey(Family::kOsp, k, &osp);
  EXPECT_EQ(spo, Id(1) + Id(2) + time + Id(3) + Id(4));
  EXPECT_EQ(pos, Id(2) + Id(3) + Id(1) + time + Id(4));
  EXPECT_EQ(osp, Id(3) + Id(1) + Id(2) + time + Id(4));
}

TEST(KeyCodecIndexTest, RoundTrip) {
  std::mt19937_64 rng(8);
  for (int i = 0; i < 10000; ++i) {
    IndexKey k = RandomKey(rng, i % 2 == 0);
    for (Family f : kIndexFamilies) {
      std::string enc;
      EncodeIndexKey(f, k, &enc);
      IndexKey back;
      ASSERT_TRUE(DecodeIndexKey(f, enc, &back));
      ASSERT_TRUE(SameKey(back, k)) << "family " << FamilyName(f);
    }
  }
}

TEST(KeyCodecIndexTest, DecodeRejectsTruncatedAndTrailingBytes) {
  IndexKey k{300, 70000, uint64_t{1} << 40, -12345678, 99};
  for (Family f : kIndexFamilies) {
    std::string enc;
    EncodeIndexKey(f, k, &enc);
    for (size_t n = 0; n < enc.size(); ++n) {
      IndexKey back;
      EXPECT_FALSE(DecodeIndexKey(f, std::string_view(enc.data(), n), &back))
          << FamilyName(f) << " prefix of " << n;
    }
    IndexKey back;
    EXPECT_FALSE(DecodeIndexKey(f, enc + "x", &back));
  }
}

TEST(KeyCodecIndexTest, ByteOrderIsTupleOrder) {
  std::mt19937_64 rng(9);
  for (bool small : {true, false}) {
    std::vector<IndexKey> keys;
    for (int i = 0; i < 3000; ++i) keys.push_back(RandomKey(rng, small));
    for (Family f : kIndexFamilies) {
      SCOPED_TRACE(FamilyName(f));
      std::vector<std::string> encoded;
      for (const IndexKey& k : keys) {
        std::string e;
        EncodeIndexKey(f, k, &e);
        encoded.push_back(e);
      }
      std::vector<IndexKey> by_tuple = keys;
      std::stable_sort(by_tuple.begin(), by_tuple.end(),
                       [f](const IndexKey& a, const IndexKey& b) {
                         return FamilyTuple(f, a) < FamilyTuple(f, b);
                       });
      std::sort(encoded.begin(), encoded.end(), BytewiseLess);
      for (size_t i = 0; i < keys.size(); ++i) {
        IndexKey back;
        ASSERT_TRUE(DecodeIndexKey(f, encoded[i], &back));
        ASSERT_EQ(FamilyTuple(f, back), FamilyTuple(f, by_tuple[i])) << i;
      }
    }
  }
}

TEST(KeyCodecIndexTest, IndexPrefixBoundsTheKeysWithThoseIds) {
  std::mt19937_64 rng(10);
  std::vector<IndexKey> keys;
  for (int i = 0; i < 2000; ++i) keys.push_back(RandomKey(rng, true));
  for (Family f : kIndexFamilies) {
    for (const IndexKey& k : keys) {
      auto t = FamilyTuple(f, k);
      const uint64_t ids[3] = {std::get<0>(t), std::get<1>(t), std::get<2>(t)};
      std::string full;
      EncodeIndexKey(f, k, &full);
      for (int n = 0; n <= LeadingIds(f); ++n) {
        std::string prefix = IndexPrefix(f, ids, n);
        ASSERT_EQ(full.compare(0, prefix.size(), prefix), 0)
            << FamilyName(f) << " n=" << n;
      }
    }
    // Scanning [prefix, PrefixEnd(prefix)) finds exactly the keys whose
    // leading ids match.
    const uint64_t probe[3] = {1, 2, 3};
    for (int n = 1; n <= LeadingIds(f); ++n) {
      std::string lower = IndexPrefix(f, probe, n);
      std::string upper = PrefixEnd(lower);
      for (const IndexKey& k : keys) {
        auto t = FamilyTuple(f, k);
        const uint64_t ids[3] = {std::get<0>(t), std::get<1>(t),
                                 std::get<2>(t)};
        bool match = std::equal(ids, ids + n, probe);
        std::string full;
        EncodeIndexKey(f, k, &full);
        bool in_range = !BytewiseLess(full, lower) && BytewiseLess(full, upper);
        EXPECT_EQ(in_range, match) << FamilyName(f) << " n=" << n;
      }
    }
  }
  EXPECT_EQ(IndexPrefix(Family::kSpo, nullptr, 0), "");
}

TEST(KeyCodecIndexTest, PrefixEnd) {
  EXPECT_EQ(PrefixEnd("ab\xff"), "ac");
  EXPECT_EQ(PrefixEnd("ab"), "ac");
  EXPECT_EQ(PrefixEnd("a"), "b");
  EXPECT_EQ(PrefixEnd("a\xfe"), "a\xff");
  EXPECT_EQ(PrefixEnd("a\xff\xff"), "b");
  EXPECT_EQ(PrefixEnd("\xff\xff\xff"), "");
  EXPECT_EQ(PrefixEnd("\xff"), "");
  EXPECT_EQ(PrefixEnd(""), "");
  EXPECT_EQ(PrefixEnd("\x00"s), "\x01");
  // Greater than every extension of the prefix.
  std::string p = "k\x7f";
  std::string end = PrefixEnd(p);
  for (const std::string& ext : {p, p + "\xff\xff\xff", p + "\x00"s}) {
    EXPECT_TRUE(BytewiseLess(ext, end));
  }
  EXPECT_FALSE(BytewiseLess("k\x80", end));
}

// ---------------------------------------------------------------------------
// term ids

TEST(KeyCodecTermIdTest, KindInLowBits) {
  EXPECT_EQ(MakeTermId(5, ValueKind::kQuantity), 47u);
  EXPECT_EQ(MakeTermId(0, ValueKind::kEntity), 1u);
  EXPECT_EQ(MakeTermId(42, ValueKind::kClaim), 42u << 3);
  const ValueKind kinds[] = {
      ValueKind::kClaim,   ValueKind::kEntity,   ValueKind::kString,
      ValueKind::kInteger, ValueKind::kDecimal,  ValueKind::kBoolean,
      ValueKind::kDate,    ValueKind::kQuantity,
  };
  std::mt19937_64 rng(11);
  for (int i = 0; i < 1000; ++i) {
    uint64_t seq = rng() >> 3;  // what fits beside the 3 kind bits
    for (ValueKind kind : kinds) {
      uint64_t id = MakeTermId(seq, kind);
      EXPECT_EQ(TermKind(id), kind);
      EXPECT_EQ(TermSeq(id), seq);
    }
  }
  // Ids of the same kind sort by sequence.
  EXPECT_LT(MakeTermId(1, ValueKind::kEntity),
            MakeTermId(2, ValueKind::kEntity));
}

}  // namespace
}  // namespace annals::engine
