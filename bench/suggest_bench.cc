// Times a "did you mean" suggestion among 1 M entity names (Google
// Benchmark): the NameIndex (common/name_index.h) the binder and the write
// notices use, against the full scan the binder did before (a Suggester fed
// every name, query/suggest.h), on the same names and misspelt words.
//
//   suggest_bench [--names=N] [--benchmark_repetitions=5 ...]
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "common/name_index.h"
#include "query/suggest.h"

namespace {

size_t g_names = 1000000;

// `n` distinct word-like names of one to three parts ("Kavorin",
// "Selta Moruk_14").
std::vector<std::string> MakeNames(size_t n) {
  static const char* kSyllables[] = {
      "ka",  "vo", "rin", "sel", "ta", "mo",  "ruk", "an",  "ge",  "li",
      "bra", "zu", "nor", "ex",  "pi", "qua", "dan", "ost", "ver", "um"};
  std::mt19937_64 rng(2025);
  std::uniform_int_distribution<int> syllables(2, 4), parts(1, 3), pick(0, 19);
  std::uniform_int_distribution<int> number(0, 99);
  std::vector<std::string> names;
  names.reserve(n);
  std::unordered_set<std::string> seen;
  while (names.size() < n) {
    std::string name;
    for (int p = parts(rng); p > 0; --p) {
      if (!name.empty()) name += ' ';
      std::string part;
      for (int s = syllables(rng); s > 0; --s) part += kSyllables[pick(rng)];
      part[0] = static_cast<char>(part[0] - 'a' + 'A');
      name += part;
    }
    if (number(rng) < 30) name += "_" + std::to_string(number(rng));
    if (seen.insert(name).second) names.push_back(std::move(name));
  }
  return names;
}

// Misspelt names (one or two edits of a name), and words near nothing.
std::vector<std::string> MakeWords(const std::vector<std::string>& names) {
  std::mt19937_64 rng(17);
  std::uniform_int_distribution<size_t> pick(0, names.size() - 1);
  std::vector<std::string> words;
  for (int i = 0; i < 64; ++i) {
    std::string w = names[pick(rng)];
    std::uniform_int_distribution<size_t> at(0, w.size() - 1);
    w.erase(at(rng), 1);
    if (i % 2 == 0 && w.size() > 2) w[at(rng) % w.size()] = 'x';
    if (i % 4 == 3) w = "Qwyzzk" + std::to_string(i);  // nothing near
    words.push_back(std::move(w));
  }
  return words;
}

struct Fixture {
  std::vector<std::string> names = MakeNames(g_names);
  std::vector<std::string> words = MakeWords(names);
  annals::NameIndex index;
  Fixture() {
    for (const std::string& n : names) index.Add(n);
  }
};

Fixture& Data() {
  static Fixture* data = new Fixture();
  return *data;
}

void BM_NameIndex(benchmark::State& state) {
  Fixture& d = Data();
  size_t i = 0, found = 0;
  for (auto _ : state) {
    auto m = d.index.Nearest(d.words[i++ % d.words.size()]);
    found += m.has_value();
    benchmark::DoNotOptimize(m);
  }
  state.counters["names"] = static_cast<double>(d.index.size());
  state.counters["nodes"] = static_cast<double>(d.index.nodes());
  state.counters["found"] = static_cast<double>(found) / state.iterations();
}
BENCHMARK(BM_NameIndex)->Unit(benchmark::kMicrosecond);

void BM_FullScan(benchmark::State& state) {
  Fixture& d = Data();
  size_t i = 0, found = 0;
  for (auto _ : state) {
    annals::query::Suggester suggester(d.words[i++ % d.words.size()]);
    for (const std::string& n : d.names) suggester.Consider(n);
    found += suggester.best().has_value();
    benchmark::DoNotOptimize(suggester.best());
  }
  state.counters["found"] = static_cast<double>(found) / state.iterations();
}
BENCHMARK(BM_FullScan)->Unit(benchmark::kMillisecond)->Iterations(16);

void BM_BuildIndex(benchmark::State& state) {
  Fixture& d = Data();
  for (auto _ : state) {
    annals::NameIndex index;
    for (const std::string& n : d.names) index.Add(n);
    benchmark::DoNotOptimize(index.size());
  }
}
BENCHMARK(BM_BuildIndex)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--names=", 8) == 0) {
      g_names = std::strtoull(argv[i] + 8, nullptr, 10);
    }
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
