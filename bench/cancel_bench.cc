// cancel_bench: how long a cancelled statement or load takes to return
// after Cancellation::Cancel() (annals/cancel.h). On a generated store (two
// random graphs and a hub), each kind of long work is started and cancelled
// from another thread after a random 20-120 ms, `--trials` times; prints the
// median, 90th percentile and maximum latency per kind.
//
//   cancel_bench [--trials=N] [--dir=DIR]   (DIR: a scratch folder)
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "annals/database.h"

namespace {

using Clock = std::chrono::steady_clock;

void WriteGraph(const std::string& path, int nodes) {
  std::ofstream out(path);
  out << "subject\tpredicate\tobject\tsource\n";
  std::mt19937 rng(17);
  std::uniform_int_distribution<int> node(0, nodes - 1);
  for (const char* side : {"a", "b"}) {
    for (int i = 0; i < nodes; ++i) {
      for (int k = 0; k < 3; ++k) {
        out << side << i << "\tlink\t" << side << node(rng) << "\tgen\n";
      }
    }
  }
  for (int i = 0; i < 40000; ++i) {
    out << "hub\tvalue\tv" << i << "\t" << (i == 39999 ? "other" : "gen")
        << "\n";
  }
}

void WriteLoadFile(const std::string& path, int rows) {
  std::ofstream out(path);
  out << "subject\tpredicate\tobject\tvalid_from\n";
  for (int i = 0; i < rows; ++i) {
    out << "s" << i % 5000 << "\tp" << i % 7 << "\to" << i << "\t"
        << 1900 + i % 200 << "\n";
  }
}

// Runs `work` (which must return only once cancelled), cancelling
// `cancel` after a random delay; the latency in ms, or -1 when the work
// was not cancelled.
double Trial(const annals::Cancellation& cancel, std::mt19937* rng,
             const std::function<bool()>& work) {
  cancel.Reset();
  const int delay = std::uniform_int_distribution<int>(20, 120)(*rng);
  std::atomic<int64_t> at{0};
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    at = Clock::now().time_since_epoch().count();
    cancel.Cancel();
  });
  const bool cancelled = work();
  const int64_t end = Clock::now().time_since_epoch().count();
  stopper.join();
  if (!cancelled) return -1;
  return std::chrono::duration<double, std::milli>(Clock::duration(end - at))
      .count();
}

void Report(const char* kind, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  if (ms.empty()) return;
  std::printf(
      "%-34s %4zu trials  median %7.2f ms  p90 %7.2f ms  max %7.2f ms\n", kind,
      ms.size(), ms[ms.size() / 2], ms[ms.size() * 9 / 10], ms.back());
}

}  // namespace

int main(int argc, char** argv) {
  int trials = 20;
  std::string dir = "/tmp/annals_cancel_bench";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--trials=", 0) == 0) trials = std::atoi(arg.c_str() + 9);
    if (arg.rfind("--dir=", 0) == 0) dir = arg.substr(6);
  }
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  WriteGraph(dir + "/graph.tsv", 30000);
  WriteLoadFile(dir + "/load.tsv", 300000);
  int status = 0;
  {
    auto db = annals::Database::Open(dir + "/store");
    if (!db.ok())
      return std::fprintf(stderr, "%s\n", db.status().ToString().c_str()), 1;
    auto loaded = db->Load({dir + "/graph.tsv"});
    if (!loaded.ok())
      return std::fprintf(stderr, "%s\n", loaded.status().ToString().c_str()),
             1;
    std::mt19937 rng(5);
    annals::QueryOptions options;
    options.timeout_ms = 0;
    options.max_rows = int64_t{1} << 40;
    options.max_path_nodes = int64_t{1} << 40;
    auto query = [&](const char* text) {
      return [&db, &options, text] {
        auto result = db->Query(text, options);
        if (!result.ok()) return absl::IsCancelled(result.status());
        while (result->Next()) {
        }
        return absl::IsCancelled(result->status());
      };
    };
    struct Kind {
      const char* name;
      std::function<bool()> work;
    };
    std::vector<Kind> kinds = {
        {"join, rows streamed",
         query("FIND ?a ?b WHERE ?a link ?x, ?b link ?y")},
        {"cross product, count(*)",
         query("FIND count(*) WHERE ?a ?p ?x, ?b ?q ?y")},
        {"GROUP BY + ORDER BY",
         query("FIND ?a count(*) WHERE ?a link ?x, ?x link ?y, ?y link ?z "
               "GROUP BY ?a ORDER BY count(*) DESC")},
        {"PATH (no path, both sides grow)", query("PATH a0 TO b0 MAX 60")},
        {"DISPUTES (n^2 pairs)", query("DISPUTES hub")},
    };
    for (const Kind& k : kinds) {
      std::vector<double> ms;
      for (int t = 0; t < trials; ++t) {
        double m = Trial(options.cancel, &rng, k.work);
        if (m < 0) {
          std::fprintf(stderr, "%s: finished before the cancel\n", k.name);
          status = 1;
          continue;
        }
        ms.push_back(m);
      }
      Report(k.name, ms);
    }
    annals::LoadOptions load;
    std::vector<double> ms;
    for (int t = 0; t < std::max(trials / 4, 3); ++t) {
      double m = Trial(load.cancel, &rng, [&] {
        auto r = db->Load({dir + "/load.tsv"}, load);
        return absl::IsCancelled(r.status());
      });
      if (m >= 0) ms.push_back(m);
    }
    Report("load of 300,000 rows", ms);
  }
  std::filesystem::remove_all(dir);
  return status;
}
