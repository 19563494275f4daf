// Days of the valid-time index; see time_index.h.
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

}  // namespace

std::pair<uint32_t, uint32_t> WindowTreeDays(const Window& w) {
  uint32_t a = w.begin == Window::kMin ? 1 : TreeDay(FloorDay(w.begin));
  uint32_t b = w.end == Window::kMax ? kTreeMax : TreeDay(FloorDay(w.end - 1));
  return {a, std::max(a, b)};
}

TreeExtent ExtentOf(const ClaimRecord& row) {
  auto [lo, hi] = WindowTreeDays(row.valid().Possible());
  return {lo, hi};
}

int64_t TreeDayToDay(uint32_t tree_day) {
  return static_cast<int64_t>(tree_day) - static_cast<int64_t>(kRoot);
}

std::string TimePrefix(TimePosition position, uint64_t term) {
  std::string out(1, static_cast<char>(position));
  PutId(&out, term);
  return out;
}

}  // namespace annals::engine
