// Large load buffers in 2 MB pages. Where the kernel gives them on request
// (transparent_hugepage "madvise", Debian's default), a buffer filled with
// a million rows faults a few hundred times instead of tens of thousands;
// on this project's virtual machines page faults took a fifth of a load's
// time (docs/benchmarks.md). Advice only: where it is refused, memory is
// mapped page by page as before.
#ifndef ANNALS_ENGINE_HUGE_PAGES_H_
#define ANNALS_ENGINE_HUGE_PAGES_H_

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>

namespace annals::engine {

// Asks for 2 MB pages over the whole 2 MB pages inside [p, p + bytes); with
// `populate`, maps them all now.
inline void AdviseHugePages(void* p, size_t bytes, bool populate = false) {
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  const auto start = reinterpret_cast<uintptr_t>(p);
  const uintptr_t begin = (start + kHuge - 1) & ~(kHuge - 1);
  const uintptr_t end = (start + bytes) & ~(kHuge - 1);
  if (end <= begin) return;
  void* aligned = reinterpret_cast<void*>(begin);
  madvise(aligned, end - begin, MADV_HUGEPAGE);
  if (populate) madvise(aligned, end - begin, MADV_POPULATE_WRITE);
}

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_HUGE_PAGES_H_
