// ClaimBuffer: the rows of a load, in chunks of a fixed size, so that a load
// of any size grows without reallocating (no moment with two copies of all
// rows) and a part's rows can be moved into the loader's by taking its
// chunks. Indexing is O(1). Chunks are mapped from the
// system directly, so that a freed chunk leaves the process at once (malloc
// would keep it in the arena of the thread that parsed it).
//
// Not thread-safe.
#ifndef ANNALS_ENGINE_CLAIM_BUFFER_H_
#define ANNALS_ENGINE_CLAIM_BUFFER_H_

#include <sys/mman.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

#include "engine/claim_record.h"
#include "engine/huge_pages.h"

namespace annals::engine {

class ClaimBuffer {
 public:
  static constexpr size_t kChunkBits = 16;
  static constexpr size_t kChunk = size_t{1} << kChunkBits;

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  ClaimRecord& operator[](size_t i) {
    return chunks_[i >> kChunkBits][i & (kChunk - 1)];
  }
  const ClaimRecord& operator[](size_t i) const {
    return chunks_[i >> kChunkBits][i & (kChunk - 1)];
  }
  ClaimRecord& back() { return (*this)[size_ - 1]; }

  void push_back(ClaimRecord row) {
    if ((size_ & (kChunk - 1)) == 0) {
      chunks_.push_back(NewChunk(/*populate=*/!chunks_.empty()));
    }
    new (&(*this)[size_]) ClaimRecord(std::move(row));
    ++size_;
  }

  // Moves every row of `other` to the end, in order, without copying rows
  // into new memory: the gap in this buffer's last chunk is filled from the
  // front of `other`, whose rows then shift down in place, and its chunks
  // are taken. `other` is left empty.
  void MoveFrom(ClaimBuffer* other) {
    const size_t used = size_ & (kChunk - 1);
    if (used != 0 && !other->empty()) {
      const size_t d = std::min(kChunk - used, other->size_);
      std::memcpy(static_cast<void*>(chunks_.back().get() + used),
                  other->chunks_[0].get(), d * sizeof(ClaimRecord));
      size_ += d;
      other->DropFront(d);
    }
    // Here this buffer's chunks are full, or `other` is empty.
    for (Chunk& c : other->chunks_) chunks_.push_back(std::move(c));
    size_ += other->size_;
    other->chunks_.clear();
    other->size_ = 0;
  }

  // Keeps the first `n` rows (n <= size()).
  void truncate(size_t n) {
    size_ = n;
    chunks_.resize((n + kChunk - 1) >> kChunkBits);
  }
  void clear() { truncate(0); }

 private:
  static_assert(std::is_trivially_copyable_v<ClaimRecord>);
  static_assert(std::is_trivially_destructible_v<ClaimRecord>);
  static constexpr size_t kChunkBytes = kChunk * sizeof(ClaimRecord);
  struct Unmap {
    void operator()(ClaimRecord* p) const { munmap(p, kChunkBytes); }
  };
  using Chunk = std::unique_ptr<ClaimRecord[], Unmap>;

  // Rows are assigned before they are read, so a chunk's pages need not be
  // zero. In 2 MB pages (huge_pages.h); the first chunk's are mapped as rows
  // reach them (a small load touches few), later chunks, of a large load
  // that fills them, are mapped whole at once.
  static Chunk NewChunk(bool populate) {
    void* p = mmap(nullptr, kChunkBytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    AdviseHugePages(p, kChunkBytes, populate);
    return Chunk(static_cast<ClaimRecord*>(p));
  }

  // Removes the first `d` (< kChunk) rows: the row at i moves to i - d.
  void DropFront(size_t d) {
    const size_t old = size_;
    for (size_t c = 0; c < chunks_.size() && c * kChunk + d < old; ++c) {
      const size_t base = c * kChunk;
      ClaimRecord* chunk = chunks_[c].get();
      std::memmove(static_cast<void*>(chunk), chunk + d,
                   (std::min(kChunk, old - base) - d) * sizeof(ClaimRecord));
      if (base + kChunk < old) {  // the next chunk's first rows end this one
        std::memcpy(static_cast<void*>(chunk + (kChunk - d)),
                    chunks_[c + 1].get(),
                    std::min(d, old - base - kChunk) * sizeof(ClaimRecord));
      }
    }
    truncate(old - d);
  }

  std::vector<Chunk> chunks_;
  size_t size_ = 0;
};

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_CLAIM_BUFFER_H_
