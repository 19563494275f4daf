// The load test of `annals serve` (bench/serve_run drives it): CLIENTS
// threads, each with its own keep-alive connection, send QUERIES requests
// each to a running server, a mix of the standard workload's reads
// (../shared/bench/WORKLOAD.md) through the HTTP API, and report the
// throughput, latency percentiles (overall and per kind) and every failure
// (no answer, or a status other than 200, or a body that is not JSON).
//
//   serve_bench --port=PORT [--host=127.0.0.1] [--clients=8] [--queries=1000]
//               [--entities=5000] [--seed=1]
//
// Prints a table and, last, one line of JSON with the figures. Exit code 1
// when any request failed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "httplib.h"
#include "nlohmann/json.hpp"

namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

struct Kind {
  const char* name;
  const char* statement;  // empty: a GET endpoint
};

// Q1, Q2, Q3 and Q5 of the workload as statements; the entity page and
// Q6 (a PATH) as GET endpoints.
const Kind kKinds[] = {
    {"Q1 snapshot", "FIND ?p ?o WHERE $s ?p ?o AT 2010-06-15"},
    {"Q2 history", "HISTORY $s"},
    {"Q3 two hops", "FIND DISTINCT ?y WHERE $s ?p ?x, ?x ?q ?y AT 2010-06-15"},
    {"Q5 as of", "FIND ?p ?o WHERE $s ?p ?o AT 2010-06-15 AS OF 2010-01-01"},
    {"GET entity", ""},
    {"GET path (Q6)", ""},
};
constexpr int kKindCount = sizeof(kKinds) / sizeof(kKinds[0]);

struct Sample {
  int kind;
  double ms;
  bool ok;
};

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * (v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

std::string Flag(int argc, char** argv, const std::string& name,
                 const std::string& fallback) {
  const std::string prefix = "--" + name + "=";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind(prefix, 0) == 0) return a.substr(prefix.size());
  }
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string host = Flag(argc, argv, "host", "127.0.0.1");
  const int port = std::atoi(Flag(argc, argv, "port", "0").c_str());
  const int clients = std::atoi(Flag(argc, argv, "clients", "8").c_str());
  const int queries = std::atoi(Flag(argc, argv, "queries", "1000").c_str());
  const int entities = std::atoi(Flag(argc, argv, "entities", "5000").c_str());
  const int seed = std::atoi(Flag(argc, argv, "seed", "1").c_str());
  if (port <= 0 || clients <= 0 || queries <= 0 || entities <= 0) {
    std::fprintf(stderr,
                 "usage: serve_bench --port=PORT [--host=H] [--clients=8] "
                 "[--queries=1000] [--entities=5000] [--seed=1]\n");
    return 2;
  }
  std::vector<std::vector<Sample>> samples(clients);
  std::vector<std::string> first_error(clients);
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      std::mt19937 rng(seed * 1000 + c);
      std::uniform_int_distribution<int> entity(0, entities - 1);
      httplib::Client client(host, port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      client.set_read_timeout(60, 0);
      for (int i = 0; i < queries; ++i) {
        const int kind = (i + c) % kKindCount;
        const std::string s = "E" + std::to_string(entity(rng));
        const auto t0 = Clock::now();
        const std::string other = "E" + std::to_string(entity(rng));
        auto send = [&]() {
          if (kKinds[kind].statement[0] != '\0') {
            Json body = {{"statement", kKinds[kind].statement},
                         {"params", {{"s", s}}}};
            return client.Post("/api/query", body.dump(), "application/json");
          }
          if (kind == 4) return client.Get("/api/entity/" + s);
          return client.Get("/api/path?from=" + s + "&to=" + other +
                            "&at=2010-06-15&max=4");
        };
        httplib::Result r = send();
        const double ms =
            std::chrono::duration<double, std::milli>(Clock::now() - t0)
                .count();
        bool ok = r && r->status == 200 &&
                  !Json::parse(r->body, nullptr, false).is_discarded();
        if (!ok && first_error[c].empty()) {
          first_error[c] =
              r ? std::to_string(r->status) + " " + r->body.substr(0, 300)
                : "no answer: " + httplib::to_string(r.error());
        }
        samples[c].push_back({kind, ms, ok});
      }
    });
  }
  for (auto& t : threads) t.join();
  const double seconds =
      std::chrono::duration<double>(Clock::now() - start).count();

  std::vector<double> all;
  std::vector<std::vector<double>> by_kind(kKindCount);
  int failed = 0;
  for (const auto& list : samples) {
    for (const Sample& s : list) {
      all.push_back(s.ms);
      by_kind[s.kind].push_back(s.ms);
      failed += s.ok ? 0 : 1;
    }
  }
  std::printf(
      "%d clients x %d requests = %zu in %.2f s: %.0f requests/s, "
      "%d failed\n",
      clients, queries, all.size(), seconds, all.size() / seconds, failed);
  std::printf("%-16s %8s %10s %10s %10s %10s\n", "kind", "count", "p50 ms",
              "p90 ms", "p99 ms", "max ms");
  auto line = [](const char* name, const std::vector<double>& v) {
    std::printf("%-16s %8zu %10.2f %10.2f %10.2f %10.2f\n", name, v.size(),
                Percentile(v, 0.5), Percentile(v, 0.9), Percentile(v, 0.99),
                Percentile(v, 1.0));
  };
  for (int k = 0; k < kKindCount; ++k) line(kKinds[k].name, by_kind[k]);
  line("all", all);
  for (int c = 0; c < clients; ++c) {
    if (!first_error[c].empty()) {
      std::printf("client %d: first failure: %s\n", c, first_error[c].c_str());
    }
  }
  Json kinds = Json::object();
  for (int k = 0; k < kKindCount; ++k) {
    kinds[kKinds[k].name] = {{"p50_ms", Percentile(by_kind[k], 0.5)},
                             {"p99_ms", Percentile(by_kind[k], 0.99)}};
  }
  std::printf("%s\n", Json{{"clients", clients},
                           {"requests", all.size()},
                           {"seconds", seconds},
                           {"requests_per_second", all.size() / seconds},
                           {"p50_ms", Percentile(all, 0.5)},
                           {"p99_ms", Percentile(all, 0.99)},
                           {"max_ms", Percentile(all, 1.0)},
                           {"failed", failed},
                           {"kinds", kinds}}
                          .dump()
                          .c_str());
  return failed == 0 ? 0 : 1;
}
