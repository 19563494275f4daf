// A small seeded random generator for tests (SplitMix64): fast, the same on
// every machine, so a failing seed reproduces. SeedFromEnv lets a run pick
// the seed (e.g. ANNALS_KILL_SEED=42) and tests print it on failure.
#ifndef ANNALS_TESTS_TEST_RNG_H_
#define ANNALS_TESTS_TEST_RNG_H_

#include <cstdint>
#include <cstdlib>

namespace annals::test {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n).
  int64_t Below(int64_t n) { return static_cast<int64_t>(Next() % n); }
  // Uniform in [lo, hi).
  int64_t Range(int64_t lo, int64_t hi) { return lo + Below(hi - lo); }
  // Uniform in [0, 1).
  double Unit() { return (Next() >> 11) * (1.0 / 9007199254740992.0); }

 private:
  uint64_t state_;
};

inline uint64_t SeedFromEnv(const char* name, uint64_t fallback) {
  const char* env = std::getenv(name);
  return env != nullptr ? std::strtoull(env, nullptr, 10) : fallback;
}

}  // namespace annals::test

#endif  // ANNALS_TESTS_TEST_RNG_H_
