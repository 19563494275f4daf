// Format 3's valid-time index by length class; see time_classes.h.
#include "engine/time_classes.h"

#include <algorithm>

#include "engine/key_codec.h"

namespace annals::engine {
namespace {

constexpr uint32_t kTreeMax = (1u << 24) - 1;
constexpr int kMaxClass = 24;
constexpr int64_t kDay = 86400;

int64_t FloorDay(int64_t seconds) {
  int64_t day = seconds / kDay;
  return seconds % kDay < 0 ? day - 1 : day;
}

void PutTreeDay(std::string* out, uint32_t v) {
  char buf[3] = {static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                 static_cast<char>(v)};
  out->append(buf, 3);
}

std::string ClassPrefix(TimePosition position, uint64_t term, uint8_t c) {
  std::string out = TimePrefix(position, term);
  out.push_back(static_cast<char>(c));
  return out;
}

uint64_t Term(TimePosition position, const ClaimRecord& row) {
  switch (position) {
    case TimePosition::kSubject:
      return row.s;
    case TimePosition::kPredicate:
      return row.p;
    case TimePosition::kObject:
      break;
  }
  return row.o;
}

}  // namespace

uint8_t LengthClass(const TreeExtent& extent) {
  if (extent.hi >= kTreeMax) return kOpenClass;
  uint32_t length = extent.hi - extent.lo;
  return length == 0 ? 0 : static_cast<uint8_t>(32 - __builtin_clz(length));
}

void EncodeClassKey(TimePosition position, const ClaimRecord& row,
                    std::string* out) {
  TreeExtent extent = ExtentOf(row);
  EncodeClassKey(
      {position, Term(position, row), LengthClass(extent), extent.lo, row.id},
      out);
}

void EncodeClassKey(const ClassKey& k, std::string* out) {
  out->push_back(static_cast<char>(k.position));
  PutId(out, k.term);
  out->push_back(static_cast<char>(k.length_class));
  PutTreeDay(out, k.lo);
  PutId(out, k.claim);
}

uint64_t ClassTerm(TimePosition position, const ClaimRecord& row) {
  return Term(position, row);
}

bool DecodeClassKey(std::string_view key, ClassKey* k) {
  if (key.empty()) return false;
  k->position = static_cast<TimePosition>(key[0]);
  if (k->position != TimePosition::kSubject &&
      k->position != TimePosition::kPredicate &&
      k->position != TimePosition::kObject) {
    return false;
  }
  key.remove_prefix(1);
  if (!GetId(&key, &k->term) || key.size() < 4) return false;
  k->length_class = static_cast<uint8_t>(key[0]);
  if (k->length_class > kMaxClass && k->length_class != kOpenClass) {
    return false;
  }
  auto byte = [&](int i) { return static_cast<uint32_t>(key[i] & 0xff); };
  k->lo = byte(1) << 16 | byte(2) << 8 | byte(3);
  if (k->lo < 1 || k->lo > kTreeMax) return false;
  key.remove_prefix(4);
  return GetId(&key, &k->claim) && key.empty();
}

void EncodeClassValue(TimePosition position, const ClaimRecord& row,
                      std::string_view index_value, std::string* out) {
  // The two ids the key lacks, in s, p, o order.
  PutVarint(out, position == TimePosition::kSubject ? row.p : row.s);
  PutVarint(out, position == TimePosition::kObject ? row.p : row.o);
  const int64_t lo_day = TreeDayToDay(ExtentOf(row).lo);
  int64_t from = row.from.open() ? lo_day * kDay : row.from.seconds;
  int64_t day = FloorDay(from);
  PutVarint(out, ZigZag(day - lo_day));
  PutVarint(out, static_cast<uint64_t>(from - day * kDay));
  out->append(index_value);
}

bool DecodeClassEntry(const ClassKey& key, std::string_view value,
                      ClaimRecord* row) {
  uint64_t first, second_id, days, second;
  if (!GetVarint(&value, &first) || !GetVarint(&value, &second_id) ||
      !GetVarint(&value, &days) || !GetVarint(&value, &second) ||
      second >= kDay) {
    return false;
  }
  int64_t day;
  if (__builtin_add_overflow(TreeDayToDay(key.lo), UnZigZag(days), &day) ||
      day < INT64_MIN / kDay + 1 || day > INT64_MAX / kDay - 1) {
    return false;
  }
  if (!DecodeIndexValue(value, day * kDay + static_cast<int64_t>(second),
                        row)) {
    return false;
  }
  switch (key.position) {
    case TimePosition::kSubject:
      row->s = key.term, row->p = first, row->o = second_id;
      break;
    case TimePosition::kPredicate:
      row->p = key.term, row->s = first, row->o = second_id;
      break;
    case TimePosition::kObject:
      row->o = key.term, row->s = first, row->p = second_id;
      break;
  }
  row->id = key.claim;
  row->batch = 0;
  row->row = 0;
  return true;
}

std::pair<std::string, std::string> ClassRange(TimePosition position,
                                               uint64_t term,
                                               uint8_t length_class,
                                               const Window& window) {
  std::string prefix = ClassPrefix(position, term, length_class);
  if (window.empty()) return {prefix, prefix};
  auto [a, b] = WindowTreeDays(window);
  // Class c: hi - lo < 2^c, so hi >= a needs lo > a - 2^c.
  uint32_t first = 1;
  if (length_class != kOpenClass) {
    int64_t reach = (int64_t{1} << length_class) - 1;
    first = static_cast<uint32_t>(std::max<int64_t>(1, a - reach));
  }
  std::string begin = prefix, end = prefix;
  PutTreeDay(&begin, first);
  if (b < kTreeMax) {
    PutTreeDay(&end, b + 1);
  } else {
    end = PrefixEnd(prefix);
  }
  return {std::move(begin), std::move(end)};
}

std::vector<std::pair<std::string, std::string>> ClassRanges(
    TimePosition position, uint64_t term, const Window& window) {
  std::vector<std::pair<std::string, std::string>> ranges;
  if (window.empty()) return ranges;
  for (int c = 0; c <= kMaxClass; ++c) {
    ranges.push_back(
        ClassRange(position, term, static_cast<uint8_t>(c), window));
  }
  ranges.push_back(ClassRange(position, term, kOpenClass, window));
  return ranges;
}

}  // namespace annals::engine
