// Times the API lookups behind Q1, Q2 and Q5 of the standard workload
// (../shared/bench/WORKLOAD.md) on a loaded store: median and p90 latency over
// many warm runs, with the result counts that prove agreement.
//
//   lookup_bench STORE [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "annals/database.h"

namespace {

struct Timing {
  double median_us, p90_us;
  size_t count;
};

Timing Measure(int runs, const std::function<size_t()>& query) {
  size_t count = query();  // warm-up
  std::vector<double> us;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    size_t n = query();
    auto end = std::chrono::steady_clock::now();
    if (n != count) {
      std::fprintf(stderr, "result count changed: %zu then %zu\n", count, n);
      std::exit(1);
    }
    us.push_back(
        std::chrono::duration<double, std::micro>(end - start).count());
  }
  std::sort(us.begin(), us.end());
  return {us[us.size() / 2], us[us.size() * 9 / 10], count};
}

annals::TimePoint Day(const char* text) {
  return *annals::TimePoint::Parse(text);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: lookup_bench STORE [RUNS]\n");
    return 2;
  }
  int runs = argc > 2 ? std::atoi(argv[2]) : 200;
  annals::Options options;
  options.read_only = true;
  auto db = annals::Database::Open(argv[1], options);
  if (!db.ok()) {
    std::fprintf(stderr, "%s\n", std::string(db.status().message()).c_str());
    return 1;
  }
  const annals::TimePoint t = Day("2010-06-15");
  const annals::TimePoint r = Day("2010-01-01");

  // Q1: facts of subject s holding on day t.
  auto q1 = [&](const char* s) {
    return [&, s] {
      annals::ClaimPattern p;
      p.subject = annals::Value::Entity(s);
      annals::TimeView view;
      view.valid = annals::Window::Of(t);
      return db->Find(p, view)->size();
    };
  };
  // Q2: facts of (s, p), whole history, ordered by valid_from (Find returns
  // a subject's history of one predicate in that order; checked here).
  auto q2 = [&](const char* s, const char* pred) {
    return [&, s, pred] {
      annals::ClaimPattern p;
      p.subject = annals::Value::Entity(s);
      p.predicate = pred;
      auto claims = *db->Find(p, annals::TimeView::AllTime());
      auto from = [](const annals::Claim& c) {
        return c.valid.from ? c.valid.from->seconds : INT64_MIN;
      };
      for (size_t i = 1; i < claims.size(); ++i) {
        if (from(claims[i - 1]) > from(claims[i])) {
          std::fprintf(stderr, "Q2 result not ordered by valid_from\n");
          std::exit(1);
        }
      }
      return claims.size();
    };
  };
  // Q5: Q1 as recorded by the end of day r.
  auto q5 = [&](const char* s) {
    return [&, s] {
      annals::ClaimPattern p;
      p.subject = annals::Value::Entity(s);
      annals::TimeView view;
      view.valid = annals::Window::Of(t);
      view.as_of = r.SpanEnd() - 1;
      return db->Find(p, view)->size();
    };
  };
  struct Case {
    const char* name;
    std::function<size_t()> query;
  };
  std::vector<Case> cases = {
      {"Q1 E0", q1("E0")},
      {"Q1 E100", q1("E100")},
      {"Q1 E5000", q1("E5000")},
      {"Q2 E0 leader_of", q2("E0", "leader_of")},
      {"Q2 E100 gas_export_bcm", q2("E100", "gas_export_bcm")},
      {"Q5 E0", q5("E0")},
  };
  std::printf("%-24s %10s %12s %10s\n", "query", "results", "median_us",
              "p90_us");
  const char* only = std::getenv("ANNALS_BENCH_ONLY");
  for (const auto& c : cases) {
    if (only != nullptr && std::string(c.name) != only) continue;
    Timing tm = Measure(runs, c.query);
    std::printf("%-24s %10zu %12.2f %10.2f\n", c.name, tm.count, tm.median_us,
                tm.p90_us);
  }
  return 0;
}
