// Order-preserving key encodings; see key_codec.h and FORMAT.md.
#include "engine/key_codec.h"

#include <cassert>

namespace annals::engine {

void PutId(std::string* out, uint64_t id) {
  char buf[9];
  out->append(buf, WriteId(buf, id) - buf);
}

bool GetId(std::string_view* in, uint64_t* id) {
  if (in->empty()) return false;
  int n = static_cast<unsigned char>((*in)[0]);
  if (n > 8 || in->size() < static_cast<size_t>(n) + 1) return false;
  uint64_t v = 0;
  for (int i = 1; i <= n; ++i)
    v = v << 8 | static_cast<unsigned char>((*in)[i]);
  // Canonical form only: no leading zero byte.
  if (n > 0 && static_cast<unsigned char>((*in)[1]) == 0) return false;
  in->remove_prefix(n + 1);
  *id = v;
  return true;
}

std::string IdKey(uint64_t id) {
  std::string k;
  PutId(&k, id);
  return k;
}

void PutFixed64(std::string* out, uint64_t v) {
  char buf[8];
  for (int i = 0; i < 8; ++i) buf[i] = static_cast<char>(v >> (8 * (7 - i)));
  out->append(buf, 8);
}

bool GetFixed64(std::string_view* in, uint64_t* v) {
  if (in->size() < 8) return false;
  uint64_t r = 0;
  for (int i = 0; i < 8; ++i) r = r << 8 | static_cast<unsigned char>((*in)[i]);
  in->remove_prefix(8);
  *v = r;
  return true;
}

void PutTime(std::string* out, int64_t seconds) {
  PutFixed64(out, static_cast<uint64_t>(seconds) ^ (uint64_t{1} << 63));
}

bool GetTime(std::string_view* in, int64_t* seconds) {
  uint64_t v;
  if (!GetFixed64(in, &v)) return false;
  *seconds = static_cast<int64_t>(v ^ (uint64_t{1} << 63));
  return true;
}

namespace {

// An ordered integer (key_codec.h) written at `p` (room for 9 needed);
// returns the end of its bytes.
char* WriteOrderedInt(char* p, int64_t v) {
  bool negative = v < 0;
  // For a negative v, ~v = -v-1 >= 0; its bytes are stored complemented so
  // that larger magnitudes sort first.
  uint64_t u = negative ? ~static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  int n = u == 0 ? 0 : 8 - __builtin_clzll(u) / 8;
  p[0] = static_cast<char>(negative ? 0x7f - n : 0x80 + n);
  for (int i = n - 1; i >= 0; --i) {
    uint8_t byte = static_cast<uint8_t>(u >> (8 * i));
    p[n - i] = static_cast<char>(negative ? ~byte : byte);
  }
  return p + n + 1;
}

}  // namespace

bool GetOrderedInt(std::string_view* in, int64_t* v) {
  if (in->empty()) return false;
  int head = static_cast<unsigned char>((*in)[0]);
  bool negative = head < 0x80;
  int n = negative ? 0x7f - head : head - 0x80;
  if (n < 0 || n > 8 || in->size() < static_cast<size_t>(n) + 1) return false;
  uint64_t u = 0;
  for (int i = 1; i <= n; ++i) {
    uint8_t byte = static_cast<uint8_t>((*in)[i]);
    u = u << 8 | (negative ? static_cast<uint8_t>(~byte) : byte);
  }
  if (n > 0 && (u >> (8 * (n - 1))) == 0) return false;  // not minimal
  if (n == 8 && (u >> 63) != 0) return false;            // beyond int64
  in->remove_prefix(n + 1);
  *v = negative ? static_cast<int64_t>(~u) : static_cast<int64_t>(u);
  return true;
}

namespace {
constexpr int64_t kDay = 86400;
constexpr int64_t kMinDay = INT64_MIN / kDay - 1;
constexpr int64_t kMaxDay = INT64_MAX / kDay;
}  // namespace

namespace {

// PutKeyTime's bytes written at `p` (room for 18 needed); returns their end.
char* WriteKeyTime(char* p, int64_t seconds) {
  // Floor division, so that seconds before 1970 fall in the right day; no
  // intermediate product may overflow at the extremes (open ends).
  int64_t second = seconds % kDay;
  int64_t day = seconds / kDay;
  if (second < 0) second += kDay, --day;
  p = WriteOrderedInt(p, day);
  return WriteId(p, static_cast<uint64_t>(second));
}

}  // namespace

void PutKeyTime(std::string* out, int64_t seconds) {
  char buf[18];
  out->append(buf, WriteKeyTime(buf, seconds) - buf);
}

bool GetKeyTime(std::string_view* in, int64_t* seconds) {
  int64_t day;
  uint64_t second;
  if (!GetOrderedInt(in, &day) || !GetId(in, &second) || second >= kDay ||
      day < kMinDay || day > kMaxDay) {
    return false;
  }
  int64_t s = static_cast<int64_t>(second);
  if (day == kMinDay && s < kDay + (INT64_MIN - (kMinDay + 1) * kDay)) {
    return false;
  } else if (day < 0) {
    *seconds = (day + 1) * kDay - (kDay - s);
  } else if (day == kMaxDay && s > INT64_MAX - kMaxDay * kDay) {
    return false;
  } else {
    *seconds = day * kDay + s;
  }
  return true;
}

void PutVarint(std::string* out, uint64_t v) {
  char buf[10];
  int n = 0;
  while (v >= 0x80) {
    buf[n++] = static_cast<char>(v | 0x80);
    v >>= 7;
  }
  buf[n++] = static_cast<char>(v);
  out->append(buf, n);
}

bool GetVarint(std::string_view* in, uint64_t* v) {
  uint64_t r = 0;
  for (int shift = 0, i = 0; shift <= 63; shift += 7, ++i) {
    if (static_cast<size_t>(i) >= in->size()) return false;
    uint64_t byte = static_cast<unsigned char>((*in)[i]);
    if (shift == 63 && byte > 1) return false;  // beyond 64 bits
    r |= (byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      in->remove_prefix(i + 1);
      *v = r;
      return true;
    }
  }
  return false;
}

int LeadingIds(Family f) { return f == Family::kSpo ? 2 : 3; }

void IdsInOrder(Family f, const IndexKey& k, uint64_t ids[3]) {
  switch (f) {
    case Family::kPos:
      ids[0] = k.p, ids[1] = k.o, ids[2] = k.s;
      return;
    case Family::kOsp:
      ids[0] = k.o, ids[1] = k.s, ids[2] = k.p;
      return;
    default:
      ids[0] = k.s, ids[1] = k.p, ids[2] = k.o;
      return;
  }
}

void EncodeIndexKey(Family f, const IndexKey& k, std::string* out) {
  uint64_t ids[3];
  IdsInOrder(f, k, ids);
  int leading = LeadingIds(f);
  char buf[4 * 9 + 18];
  char* p = buf;
  for (int i = 0; i < leading; ++i) p = WriteId(p, ids[i]);
  p = WriteKeyTime(p, k.from);
  for (int i = leading; i < 3; ++i) p = WriteId(p, ids[i]);
  p = WriteId(p, k.claim);
  out->append(buf, p - buf);
}

bool DecodeIndexKey(Family f, std::string_view key, IndexKey* k) {
  uint64_t ids[3];
  int leading = LeadingIds(f);
  for (int i = 0; i < leading; ++i) {
    if (!GetId(&key, &ids[i])) return false;
  }
  if (!GetKeyTime(&key, &k->from)) return false;
  for (int i = leading; i < 3; ++i) {
    if (!GetId(&key, &ids[i])) return false;
  }
  if (!GetId(&key, &k->claim) || !key.empty()) return false;
  switch (f) {
    case Family::kPos:
      k->p = ids[0], k->o = ids[1], k->s = ids[2];
      break;
    case Family::kOsp:
      k->o = ids[0], k->s = ids[1], k->p = ids[2];
      break;
    default:
      k->s = ids[0], k->p = ids[1], k->o = ids[2];
      break;
  }
  return true;
}

std::string IndexPrefix(Family f, const uint64_t* ids, int n) {
  assert(n <= LeadingIds(f));
  (void)f;
  std::string prefix;
  for (int i = 0; i < n; ++i) PutId(&prefix, ids[i]);
  return prefix;
}

std::string PrefixEnd(std::string_view prefix) {
  std::string end(prefix);
  while (!end.empty()) {
    unsigned char last = static_cast<unsigned char>(end.back());
    if (last != 0xff) {
      end.back() = static_cast<char>(last + 1);
      return end;
    }
    end.pop_back();
  }
  return end;
}

}  // namespace annals::engine
