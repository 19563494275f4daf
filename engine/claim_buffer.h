// ClaimBuffer: the rows of a load, in chunks of a fixed size, so that a load
// of any size grows without reallocating (no moment with two copies of all
// rows) and a part's rows can be moved into the loader's chunk by chunk,
// each chunk freed once copied. Indexing is O(1). Chunks are mapped from the
// system directly, so that a freed chunk leaves the process at once (malloc
// would keep it in the arena of the thread that parsed it).
//
// Not thread-safe.
#ifndef ANNALS_ENGINE_CLAIM_BUFFER_H_
#define ANNALS_ENGINE_CLAIM_BUFFER_H_

#include <sys/mman.h>

#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

#include "engine/claim_record.h"

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
    if ((size_ & (kChunk - 1)) == 0) chunks_.push_back(NewChunk());
    new (&(*this)[size_]) ClaimRecord(std::move(row));
    ++size_;
  }

  // Moves every row of `other` to the end, in order, freeing other's chunks
  // as they are copied (taking them, when this is empty); `other` is left
  // empty.
  void MoveFrom(ClaimBuffer* other) {
    if (size_ == 0) {  // nothing to append to: take the chunks as they are
      chunks_.swap(other->chunks_);
      size_ = other->size_;
      other->clear();
      return;
    }
    for (size_t c = 0; c < other->chunks_.size(); ++c) {
      size_t n = std::min(kChunk, other->size_ - (c << kChunkBits));
      for (size_t i = 0; i < n; ++i) push_back(other->chunks_[c][i]);
      other->chunks_[c].reset();
    }
    other->clear();
  }

  // Keeps the first `n` rows (n <= size()).
  void truncate(size_t n) {
    size_ = n;
    chunks_.resize((n + kChunk - 1) >> kChunkBits);
  }
  void clear() { truncate(0); }

 private:
  static_assert(std::is_trivially_destructible_v<ClaimRecord>);
  static constexpr size_t kChunkBytes = kChunk * sizeof(ClaimRecord);
  struct Unmap {
    void operator()(ClaimRecord* p) const { munmap(p, kChunkBytes); }
  };
  using Chunk = std::unique_ptr<ClaimRecord[], Unmap>;

  // Rows are assigned before they are read: the pages stay untouched (and
  // zero) until then.
  static Chunk NewChunk() {
    void* p = mmap(nullptr, kChunkBytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    return Chunk(static_cast<ClaimRecord*>(p));
  }

  std::vector<Chunk> chunks_;
  size_t size_ = 0;
};

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_CLAIM_BUFFER_H_
