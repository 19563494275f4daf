// The relational interval tree over days; see time_index.h.
#include "engine/time_index.h"

#include <algorithm>

#include "engine/key_codec.h"

namespace annals::engine {
namespace {

constexpr int kTreeHeight = 24;
constexpr uint32_t kRoot = 1u << (kTreeHeight - 1);  // day 0
constexpr uint32_t kTreeMax = (1u << kTreeHeight) - 1;
constexpr int64_t kDay = 86400;

int64_t FloorDay(int64_t seconds) {
  int64_t day = seconds / kDay;
  return seconds % kDay < 0 ? day - 1 : day;
}

uint32_t TreeDay(int64_t day) {
  if (day <= 1 - static_cast<int64_t>(kRoot)) return 1;
  if (day >= static_cast<int64_t>(kTreeMax - kRoot)) return kTreeMax;
  return static_cast<uint32_t>(day + kRoot);
}

int64_t NodeDay(uint32_t node) {
  return static_cast<int64_t>(node) - static_cast<int64_t>(kRoot);
}

// The closed tree days a half-open window of seconds covers.
std::pair<uint32_t, uint32_t> TreeDays(const Window& w) {
  uint32_t a = w.begin == Window::kMin ? 1 : TreeDay(FloorDay(w.begin));
  uint32_t b = w.end == Window::kMax ? kTreeMax : TreeDay(FloorDay(w.end - 1));
  return {a, std::max(a, b)};
}

// The highest node in [lo, hi], the one with the most trailing zeros. With k
// the highest bit where they differ, it is lo when lo's bits 0..k are all
// zero (a multiple of 2^(k+1)), else their common bits above k, a one, zeros.
uint32_t ForkNode(uint32_t lo, uint32_t hi) {
  if (lo == hi) return lo;
  int k = 31 - __builtin_clz(lo ^ hi);
  if ((lo & ((2u << k) - 1)) == 0) return lo;
  return hi >> k << k;
}

// The nodes from the root down to `x`, `x` included.
std::vector<uint32_t> PathTo(uint32_t x) {
  std::vector<uint32_t> path;
  for (int k = kTreeHeight - 1; k >= 0; --k) {
    uint32_t n = (x >> (k + 1) << (k + 1)) | (1u << k);
    path.push_back(n);
    if (n == x) break;
  }
  return path;
}

void PutTreeDay(std::string* out, uint32_t v) {
  char buf[3] = {static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                 static_cast<char>(v)};
  out->append(buf, 3);
}

bool GetTreeDay(std::string_view* in, uint32_t* v) {
  if (in->size() < 3) return false;
  auto byte = [&](int i) { return static_cast<uint32_t>((*in)[i] & 0xff); };
  *v = byte(0) << 16 | byte(1) << 8 | byte(2);
  in->remove_prefix(3);
  return *v >= 1 && *v <= kTreeMax;
}

}  // namespace

TreeExtent ExtentOf(const ClaimRecord& row) {
  auto [lo, hi] = TreeDays(row.valid().Possible());
  return {ForkNode(lo, hi), lo, hi};
}

std::pair<uint32_t, uint32_t> WindowTreeDays(const Window& window) {
  return TreeDays(window);
}

int64_t TreeDayToDay(uint32_t tree_day) { return NodeDay(tree_day); }

std::string TimePrefix(TimePosition position, uint64_t term) {
  std::string out(1, static_cast<char>(position));
  PutId(&out, term);
  return out;
}

void EncodeTimeKey(const TimeKey& k, std::string* out) {
  char buf[1 + 9 + 1 + 3 + 3 + 9];
  char* p = buf;
  *p++ = static_cast<char>(k.position);
  p = WriteId(p, k.term);
  *p++ = static_cast<char>(k.side);
  for (uint32_t day : {k.node, k.bound}) {  // as PutTreeDay
    *p++ = static_cast<char>(day >> 16);
    *p++ = static_cast<char>(day >> 8);
    *p++ = static_cast<char>(day);
  }
  p = WriteId(p, k.claim);
  out->append(buf, p - buf);
}

bool DecodeTimeKey(std::string_view key, TimeKey* k) {
  if (key.empty()) return false;
  k->position = static_cast<TimePosition>(key[0]);
  if (k->position != TimePosition::kSubject &&
      k->position != TimePosition::kPredicate) {
    return false;
  }
  key.remove_prefix(1);
  if (!GetId(&key, &k->term) || key.empty()) return false;
  k->side = static_cast<TimeSide>(key[0]);
  if (k->side != TimeSide::kLower && k->side != TimeSide::kUpper) return false;
  key.remove_prefix(1);
  return GetTreeDay(&key, &k->node) && GetTreeDay(&key, &k->bound) &&
         GetId(&key, &k->claim) && key.empty();
}

void EncodeTimeValue(TimePosition position, const ClaimRecord& row,
                     uint32_t node, std::string_view index_value,
                     std::string* out) {
  PutVarint(out, position == TimePosition::kSubject ? row.p : row.s);
  PutVarint(out, row.o);
  // valid_from as days from the node's day and the second of its day (an
  // open valid_from writes 0, 0; the index value says it is open).
  int64_t from = row.from.open() ? NodeDay(node) * kDay : row.from.seconds;
  int64_t day = FloorDay(from);
  PutVarint(out, ZigZag(day - NodeDay(node)));
  PutVarint(out, static_cast<uint64_t>(from - day * kDay));
  out->append(index_value);
}

bool DecodeTimeEntry(const TimeKey& key, std::string_view value,
                     ClaimRecord* row) {
  uint64_t other, days, second;
  if (!GetVarint(&value, &other) || !GetVarint(&value, &row->o) ||
      !GetVarint(&value, &days) || !GetVarint(&value, &second) ||
      second >= kDay) {
    return false;
  }
  int64_t day;
  if (__builtin_add_overflow(NodeDay(key.node), UnZigZag(days), &day) ||
      day < INT64_MIN / kDay + 1 || day > INT64_MAX / kDay - 1) {
    return false;
  }
  if (!DecodeIndexValue(value, day * kDay + static_cast<int64_t>(second),
                        row)) {
    return false;
  }
  if (key.position == TimePosition::kSubject) {
    row->s = key.term;
    row->p = other;
  } else {
    row->p = key.term;
    row->s = other;
  }
  row->id = key.claim;
  row->batch = 0;
  row->row = 0;
  return true;
}

std::vector<std::pair<std::string, std::string>> TimeRanges(
    TimePosition position, uint64_t term, const Window& window) {
  std::vector<std::pair<std::string, std::string>> ranges;
  if (window.empty()) return ranges;
  auto [a, b] = TreeDays(window);
  std::string lower = TimePrefix(position, term);
  std::string upper = lower;
  lower.push_back(static_cast<char>(TimeSide::kLower));
  upper.push_back(static_cast<char>(TimeSide::kUpper));
  auto at = [](const std::string& side, uint32_t node) {
    std::string key = side;
    PutTreeDay(&key, node);
    return key;
  };
  // Lower entries: all of nodes a..b, then the path nodes right of b.
  ranges.emplace_back(at(lower, a),
                      b < kTreeMax ? at(lower, b + 1) : PrefixEnd(lower));
  std::vector<uint32_t> right = PathTo(b), left = PathTo(a);
  std::sort(right.begin(), right.end());
  for (uint32_t n : right) {
    if (n <= b) continue;
    std::string end = at(lower, n);
    PutTreeDay(&end, b + 1);
    ranges.emplace_back(at(lower, n), std::move(end));
  }
  // Upper entries: the path nodes left of a.
  std::sort(left.begin(), left.end());
  for (uint32_t n : left) {
    if (n >= a) break;
    std::string begin = at(upper, n);
    PutTreeDay(&begin, a);
    ranges.emplace_back(std::move(begin), at(upper, n + 1));
  }
  return ranges;
}

}  // namespace annals::engine
