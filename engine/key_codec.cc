// Order-preserving key encodings; see key_codec.h and FORMAT.md.
#include "engine/key_codec.h"

namespace annals::engine {

void PutId(std::string* out, uint64_t id) {
  int n = 0;
  for (uint64_t v = id; v != 0; v >>= 8) ++n;
  out->push_back(static_cast<char>(n));
  for (int i = n - 1; i >= 0; --i) {
    out->push_back(static_cast<char>((id >> (8 * i)) & 0xff));
  }
}

bool GetId(std::string_view* in, uint64_t* id) {
  if (in->empty()) return false;
  int n = static_cast<unsigned char>((*in)[0]);
  if (n > 8 || in->size() < static_cast<size_t>(n) + 1) return false;
  uint64_t v = 0;
  for (int i = 1; i <= n; ++i) v = v << 8 | static_cast<unsigned char>((*in)[i]);
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
  for (int i = 7; i >= 0; --i) out->push_back(static_cast<char>(v >> (8 * i)));
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

void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view* in, uint64_t* v) {
  uint64_t r = 0;
  for (int shift = 0, i = 0; shift <= 63; shift += 7, ++i) {
    if (static_cast<size_t>(i) >= in->size()) return false;
    uint64_t byte = static_cast<unsigned char>((*in)[i]);
    r |= (byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      in->remove_prefix(i + 1);
      *v = r;
      return true;
    }
  }
  return false;
}

bool IsIndexFamily(Family f) {
  return f == Family::kSpo || f == Family::kPos || f == Family::kOsp;
}

namespace {

// The three ids of `k` in the order of family `f`.
void Order(Family f, const IndexKey& k, uint64_t ids[3]) {
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

}  // namespace

void EncodeIndexKey(Family f, const IndexKey& k, std::string* out) {
  uint64_t ids[3];
  Order(f, k, ids);
  for (uint64_t id : ids) PutId(out, id);
  PutTime(out, k.from);
  PutId(out, k.claim);
}

bool DecodeIndexKey(Family f, std::string_view key, IndexKey* k) {
  uint64_t ids[3];
  if (!GetId(&key, &ids[0]) || !GetId(&key, &ids[1]) || !GetId(&key, &ids[2]) ||
      !GetTime(&key, &k->from) || !GetId(&key, &k->claim) || !key.empty()) {
    return false;
  }
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

std::string IndexPrefix(Family /*f*/, const uint64_t* ids, int n) {
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
