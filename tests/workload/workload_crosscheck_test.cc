// The six queries of ../shared/bench/WORKLOAD.md written in the query
// language give the same answers as a brute-force evaluation over the same
// generated file. Skips where ../shared/bench/gen_facts.py or python3 is
// absent.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <queue>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "annals/database.h"
#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

constexpr int kFacts = 20000;

struct Fact {
  std::string s, p, o, from, to, recorded;
};

bool IsNumber(const std::string& o) {
  return !o.empty() && o.find_first_not_of("0123456789") == std::string::npos;
}

// "holds on day t": from <= t and (to empty or t < to); ISO days compare as
// strings.
bool Holds(const Fact& f, const std::string& t) {
  return f.from <= t && (f.to.empty() || t < f.to);
}

class WorkloadCrossCheck : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    fs::path gen = fs::path(ANNALS_SOURCE_DIR) / ".." / "shared" / "bench" /
                   "gen_facts.py";
    if (!fs::exists(gen) || std::system("python3 -c '' 2>/dev/null") != 0) {
      return;
    }
    dir_ = new test::TempDir("annals_workload");
    std::string file = dir_->Join("facts.tsv");
    std::string cmd = "python3 '" + gen.string() + "' " +
                      std::to_string(kFacts) + " > '" + file + "'";
    if (std::system(cmd.c_str()) != 0) return;
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);  // header
    facts_ = new std::vector<Fact>;
    while (std::getline(in, line)) {
      std::vector<std::string> f;
      std::stringstream ss(line);
      std::string field;
      while (std::getline(ss, field, '\t')) f.push_back(field);
      f.resize(7);
      facts_->push_back({f[0], f[1], f[2], f[3], f[4], f[5]});
    }
    auto db = Database::Open(dir_->Join("store"));
    if (!db.ok()) return;
    auto loaded = db->Load({file});
    if (!loaded.ok()) return;
    db_ = new Database(*std::move(db));
  }
  static void TearDownTestSuite() {
    delete db_;
    db_ = nullptr;
    delete dir_;
    delete facts_;
  }
  void SetUp() override {
    if (db_ == nullptr) GTEST_SKIP() << "gen_facts.py or python3 not found";
  }

  static std::vector<Row> Run(const std::string& q) {
    auto result = db_->Query(q);
    EXPECT_TRUE(result.ok()) << q << ": " << result.status();
    std::vector<Row> rows;
    if (result.ok()) {
      EXPECT_TRUE(result->ReadAll(&rows).ok()) << q;
    }
    return rows;
  }

  static Database* db_;
  static test::TempDir* dir_;
  static std::vector<Fact>* facts_;
};

Database* WorkloadCrossCheck::db_ = nullptr;
test::TempDir* WorkloadCrossCheck::dir_ = nullptr;
std::vector<Fact>* WorkloadCrossCheck::facts_ = nullptr;

const char kDay[] = "2010-06-15";

TEST_F(WorkloadCrossCheck, Q1SnapshotAndQ5AsOf) {
  for (const std::string s : {"E0", "E100", "E900"}) {
    size_t expected = 0, expected_as_of = 0;
    for (const Fact& f : *facts_) {
      if (f.s != s || !Holds(f, kDay)) continue;
      ++expected;
      if (f.recorded <= "2010-01-01") ++expected_as_of;
    }
    EXPECT_EQ(Run("FIND ?c WHERE ?c: " + s + " ?p ?o AT " + kDay).size(),
              expected)
        << s;
    EXPECT_EQ(Run("FIND ?c WHERE ?c: " + s + " ?p ?o AT " + kDay +
                  " AS OF 2010-01-01")
                  .size(),
              expected_as_of)
        << s;
  }
}

TEST_F(WorkloadCrossCheck, Q2HistoryInOrder) {
  for (auto [s, p] : {std::pair<std::string, std::string>{"E0", "leader_of"},
                      {"E100", "gas_export_bcm"}}) {
    std::vector<std::string> expected;
    for (const Fact& f : *facts_) {
      if (f.s == s && f.p == p) expected.push_back(f.from);
    }
    std::sort(expected.begin(), expected.end());
    std::vector<Row> rows = Run("HISTORY " + s + " " + p);
    ASSERT_EQ(rows.size(), expected.size()) << s;
    for (size_t i = 0; i < rows.size(); ++i) {
      EXPECT_EQ(rows[i][2].ToString(), expected[i]) << s << " row " << i;
    }
  }
}

TEST_F(WorkloadCrossCheck, Q3TwoHops) {
  for (const std::string s : {"E0", "E100"}) {
    std::set<std::string> expected;
    for (const Fact& a : *facts_) {
      if (a.s != s || IsNumber(a.o) || !Holds(a, kDay)) continue;
      for (const Fact& b : *facts_) {
        if (b.s == a.o && !IsNumber(b.o) && Holds(b, kDay))
          expected.insert(b.o);
      }
    }
    std::set<std::string> actual;
    for (const Row& r :
         Run("FIND DISTINCT ?y WHERE " + s + " ?p ?x, ?x ?q ?y AT " + kDay)) {
      const Value& y = r[0].value;
      if (y.kind() == ValueKind::kEntity) actual.insert(y.text());
    }
    EXPECT_EQ(actual, expected) << s;
  }
}

TEST_F(WorkloadCrossCheck, Q4Window) {
  size_t expected = 0;
  for (const Fact& f : *facts_) {
    if (f.p == "signed" && f.from < "2016-01-01" &&
        (f.to.empty() || f.to > "2015-01-01")) {
      ++expected;
    }
  }
  std::vector<Row> rows =
      Run("FIND count(*) WHERE ?s signed ?o DURING 2015-01-01 TO 2016-01-01");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0].value.integer(), static_cast<int64_t>(expected));
}

TEST_F(WorkloadCrossCheck, Q6ShortestPath) {
  for (auto [a, b] :
       {std::pair<std::string, std::string>{"E1", "E2"}, {"E10", "E500"}}) {
    // Breadth-first over entity edges holding on the day, at most 4 hops.
    std::map<std::string, std::vector<std::string>> out;
    for (const Fact& f : *facts_) {
      if (!IsNumber(f.o) && Holds(f, kDay)) out[f.s].push_back(f.o);
    }
    std::map<std::string, int> dist = {{a, 0}};
    std::queue<std::string> q;
    q.push(a);
    while (!q.empty() && !dist.count(b)) {
      std::string n = q.front();
      q.pop();
      if (dist[n] == 4) continue;
      for (const std::string& m : out[n]) {
        if (dist.emplace(m, dist[n] + 1).second) q.push(m);
      }
    }
    size_t expected = dist.count(b) ? dist[b] : 0;
    EXPECT_EQ(Run("PATH " + a + " TO " + b + " MAX 4 AT " + kDay).size(),
              expected)
        << a << " -> " << b;
  }
}

}  // namespace
}  // namespace annals
