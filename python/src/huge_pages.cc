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

// The huge page HugeArenas cuts arenas from, and how much of it is left.
// Guarded by the GIL.
char* arena_chunk = nullptr;
size_t arena_left = 0;
int arena_scopes = 0;  // HugeArenas alive

void* AllocateArena(void*, size_t size) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (size <= kHuge && kHuge % size == 0) {
    if (arena_left < size) {
      // A fresh huge page (a block of exactly kHuge: never kLarge or more).
      void* mapped = mmap(nullptr, 2 * kHuge, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (mapped == MAP_FAILED) return nullptr;
      auto start = reinterpret_cast<uintptr_t>(mapped);
      const uintptr_t aligned = (start + kHuge - 1) / kHuge * kHuge;
      if (aligned > start) munmap(mapped, aligned - start);
      if (start + 2 * kHuge > aligned + kHuge) {
        munmap(reinterpret_cast<void*>(aligned + kHuge),
               start + 2 * kHuge - aligned - kHuge);
      }
      if (arena_left > 0) munmap(arena_chunk, arena_left);
      arena_chunk = reinterpret_cast<char*>(aligned);
      arena_left = kHuge;
      madvise(arena_chunk, kHuge, MADV_HUGEPAGE);
    }
    void* p = arena_chunk;
    arena_chunk += size;
    arena_left -= size;
    return p;
  }
#endif
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? nullptr : p;
}

// The allocator HugeArenas replaced, which frees every arena: Python's own
// (Objects/obmalloc.c) maps each arena on its own and frees it with munmap,
// as it may the arenas cut here (munmap takes any whole pages).
PyObjectArenaAllocator saved_arenas;

void FreeArena(void*, void* p, size_t size) {
  saved_arenas.free(saved_arenas.ctx, p, size);
}

}  // namespace

HugeArenas::HugeArenas() {
  // Scopes may overlap (another thread's df(), while this one's runs Python
  // code): the first one in installs, the last one out restores.
  if (arena_scopes++ > 0) return;
  PyObject_GetArenaAllocator(&saved_arenas);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  // Only over Python's own (no context): another's may not free with munmap.
  if (saved_arenas.ctx == nullptr && saved_arenas.free != nullptr) {
    PyObjectArenaAllocator huge{nullptr, AllocateArena, FreeArena};
    PyObject_SetArenaAllocator(&huge);
  }
#endif
}

HugeArenas::~HugeArenas() {
  if (--arena_scopes > 0) return;
  PyObject_SetArenaAllocator(&saved_arenas);
  if (arena_left > 0) munmap(arena_chunk, arena_left);
  arena_chunk = nullptr;
  arena_left = 0;
}

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
