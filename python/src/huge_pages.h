// HugePageAllocator: a std::allocator for df()'s large buffers (a million
// rows make tens of megabytes). Blocks of 4 MiB or more are mapped on their
// own, 2 MiB aligned, and marked MADV_HUGEPAGE (as NumPy does for its
// arrays): the first touch of fresh memory in 4 KiB pages cost a page fault
// each, a third of df()'s time on a virtual machine. Smaller blocks, and
// systems without madvise, use operator new. AdviseHugePages does the
// same for memory allocated elsewhere.
#ifndef ANNALS_PYTHON_HUGE_PAGES_H_
#define ANNALS_PYTHON_HUGE_PAGES_H_

#include <Python.h>

#include <cstddef>
#include <new>

namespace annals::python {

// Blocks as above; Free takes what Allocate gave, with the same size.
void* AllocateLarge(size_t bytes);
void FreeLarge(void* p, size_t bytes);

// Marks the whole huge pages within [p, p + bytes) MADV_HUGEPAGE, if there
// are any and `bytes` is 4 MiB or more: for memory allocated elsewhere (a
// NumPy array's, before its first touch). Only a hint; never fails.
void AdviseHugePages(void* p, size_t bytes);

// While alive, Python's small objects (pymalloc's arenas) get memory cut
// from huge pages: a df() column of a million ClaimIds fills 48 MiB of
// them. Made and destroyed with the GIL held (scopes may overlap); the
// arenas are freed as Python's own are (munmap), whenever that is.
class HugeArenas {
 public:
  HugeArenas();
  ~HugeArenas();
  HugeArenas(const HugeArenas&) = delete;
  HugeArenas& operator=(const HugeArenas&) = delete;
};

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: as std's

  T* allocate(size_t n) {
    if (n > static_cast<size_t>(-1) / sizeof(T)) throw std::bad_alloc();
    return static_cast<T*>(AllocateLarge(n * sizeof(T)));
  }
  void deallocate(T* p, size_t n) { FreeLarge(p, n * sizeof(T)); }

  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
  template <typename U>
  bool operator!=(const HugePageAllocator<U>&) const {
    return false;
  }
};

}  // namespace annals::python

#endif  // ANNALS_PYTHON_HUGE_PAGES_H_
