// ClaimBuffer: rows keep their order through MoveFrom at every alignment of
// the two buffers' chunks.
#include "engine/claim_buffer.h"

#include <cstddef>
#include <cstdint>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace annals::engine {
namespace {

constexpr size_t K = ClaimBuffer::kChunk;

// A buffer of `n` rows whose ids count up from `first`.
void Fill(ClaimBuffer* b, uint64_t first, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    ClaimRecord r;
    r.id = first + i;
    r.s = 3 * (first + i);
    b->push_back(r);
  }
}

TEST(ClaimBufferTest, MoveFromKeepsEveryRowInOrder) {
  for (size_t a : {size_t{0}, size_t{1}, K - 1, K, K + 5}) {
    for (size_t b : {size_t{0}, size_t{1}, K - 1, K, K + 1, 2 * K + 3}) {
      SCOPED_TRACE(absl::StrCat(a, " + ", b));
      ClaimBuffer first, second;
      Fill(&first, 0, a);
      Fill(&second, a, b);
      first.MoveFrom(&second);
      EXPECT_TRUE(second.empty());
      ASSERT_EQ(first.size(), a + b);
      size_t wrong = 0;
      for (size_t i = 0; i < a + b; ++i) {
        wrong += first[i].id != i || first[i].s != 3 * i;
      }
      EXPECT_EQ(wrong, 0u);
      // Both stay usable: rows appended after the move follow in order.
      Fill(&first, a + b, 2);
      EXPECT_EQ(first.back().id, a + b + 1);
      Fill(&second, 7, 1);
      EXPECT_EQ(second.size(), 1u);
      EXPECT_EQ(second[0].id, 7u);
    }
  }
}

}  // namespace
}  // namespace annals::engine
