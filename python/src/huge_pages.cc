// The large blocks of huge_pages.h.
#include "huge_pages.h"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace annals::python {
namespace {

constexpr size_t kLarge = size_t{4} << 20;  // NumPy's threshold too
constexpr size_t kHuge = size_t{2} << 20;   // the x86-64 huge page

size_t RoundUp(size_t bytes) { return (bytes + kHuge - 1) / kHuge * kHuge; }

}  // namespace

void* AllocateLarge(size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (bytes >= kLarge) {
    // Mapped one huge page larger, then trimmed to an aligned start.
    const size_t size = RoundUp(bytes);
    void* mapped = mmap(nullptr, size + kHuge, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) throw std::bad_alloc();
    auto start = reinterpret_cast<uintptr_t>(mapped);
    const uintptr_t aligned = (start + kHuge - 1) / kHuge * kHuge;
    if (aligned > start) munmap(mapped, aligned - start);
    const uintptr_t end = start + size + kHuge;
    if (end > aligned + size) {
      munmap(reinterpret_cast<void*>(aligned + size), end - aligned - size);
    }
    void* p = reinterpret_cast<void*>(aligned);
    madvise(p, size, MADV_HUGEPAGE);  // a hint: no error if refused
    return p;
  }
#endif
  return ::operator new(bytes);
}

void AdviseHugePages(void* p, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (bytes < kLarge) return;
  const auto start = reinterpret_cast<uintptr_t>(p);
  const uintptr_t first = (start + kHuge - 1) / kHuge * kHuge;
  const uintptr_t last = (start + bytes) / kHuge * kHuge;
  if (last > first) {
    madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
  }
#else
  (void)p;
  (void)bytes;
#endif
}

void FreeLarge(void* p, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (bytes >= kLarge) {
    munmap(p, RoundUp(bytes));
    return;
  }
#endif
  ::operator delete(p);
}

}  // namespace annals::python
