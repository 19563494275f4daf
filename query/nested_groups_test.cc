// Nested NOT and OPTIONAL groups against a reference: random FINDs over
// datasets/tiny with groups inside groups and FILTERs in them, each run by
// the planner and executor with every planner pass on, with each one off and
// with all off, and evaluated by a plain recursive evaluator of the
// semantics in query/README.md ("Groups"). ANNALS_NESTED_SEED picks the
// first seed.
#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "annals/database.h"
#include "engine/key_codec.h"
#include "engine/scan.h"
#include "engine/store.h"
#include "gtest/gtest.h"
#include "query/binder.h"
#include "query/find_executor.h"
#include "query/parser.h"
#include "query/planner.h"
#include "tests/support/store.h"
#include "tests/support/temp_dir.h"
#include "tests/test_rng.h"

namespace annals::query {
namespace {

// A solution: by variable, its term id when bound.
using Binding = std::vector<std::optional<uint64_t>>;
using Emit = std::function<void(const Binding&)>;

std::string CellText(const Cell& cell) {
  return cell.kind == Cell::Kind::kValue ? cell.ToString() : "NULL";
}

// The rows a FIND gives, by evaluating its groups recursively: a group's own
// patterns joined, its OPTIONAL groups left-joined in query order, then its
// FILTERs and no match of its NOT groups. Takes FILTERs of the form
// `?x = ?y` and `?x != ?y` only.
class Reference {
 public:
  Reference(engine::Store* store, const BoundFind& find)
      : store_(store), find_(find), snapshot_(store->GetSnapshot()) {}

  std::vector<std::string> Rows() {
    std::vector<std::string> rows;
    Solve(0, Binding(find_.vars.size()),
          [&](const Binding& s) { rows.push_back(Project(s)); });
    std::sort(rows.begin(), rows.end());
    if (find_.distinct)
      rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
  }

 private:
  void Solve(int g, const Binding& b, const Emit& emit) {
    Join(g, 0, b, [&](const Binding& joined) {
      LeftJoin(g, 0, joined, [&](const Binding& s) {
        if (Passes(g, s)) emit(s);
      });
    });
  }

  void Join(int g, size_t k, const Binding& b, const Emit& emit) {
    const std::vector<int>& patterns = find_.groups[g].patterns;
    if (k == patterns.size()) {
      emit(b);
      return;
    }
    const BoundPattern& p = find_.patterns[patterns[k]];
    if (p.matches_nothing) return;
    engine::IdPattern ids;
    ids.s = IdOf(p.s, b);
    ids.p = IdOf(p.p, b);
    ids.o = IdOf(p.o, b);
    engine::ClaimScan scan(store_, ids, p.view, snapshot_);
    engine::ClaimRecord row;
    while (scan.Next(&row)) {
      Binding next = b;
      if (Bind(p.s.var, row.s, &next) && Bind(p.p.var, row.p, &next) &&
          Bind(p.o.var, row.o, &next)) {
        Join(g, k + 1, next, emit);
      }
    }
    EXPECT_TRUE(scan.status().ok()) << scan.status();
  }

  void LeftJoin(int g, size_t k, const Binding& b, const Emit& emit) {
    std::vector<int> optionals;
    for (int child : find_.groups[g].children) {
      if (find_.groups[child].kind == BoundGroup::Kind::kOptional) {
        optionals.push_back(child);
      }
    }
    if (k == optionals.size()) {
      emit(b);
      return;
    }
    bool matched = false;
    Solve(optionals[k], b, [&](const Binding& s) {
      matched = true;
      LeftJoin(g, k + 1, s, emit);
    });
    if (!matched) LeftJoin(g, k + 1, b, emit);
  }

  bool Passes(int g, const Binding& s) {
    for (int f : find_.groups[g].filters) {
      if (!Holds(find_.filters[f], s)) return false;
    }
    for (int child : find_.groups[g].children) {
      if (find_.groups[child].kind != BoundGroup::Kind::kNot) continue;
      bool exists = false;
      Solve(child, s, [&](const Binding&) { exists = true; });
      if (exists) return false;
    }
    return true;
  }

  static bool Holds(const BoundExpr& e, const Binding& s) {
    EXPECT_EQ(e.kind, Expr::Kind::kCompare);
    const std::optional<uint64_t>& a = s[e.args[0].operand.var];
    const std::optional<uint64_t>& b = s[e.args[1].operand.var];
    if (!a || !b) return false;  // a comparison with an unbound variable
    return (e.compare == CompareOp::kEq) == (*a == *b);
  }

  static std::optional<uint64_t> IdOf(const Slot& slot, const Binding& b) {
    if (slot.bound_constant()) return slot.id;
    return slot.var >= 0 ? b[slot.var] : std::nullopt;
  }

  static bool Bind(int var, uint64_t id, Binding* b) {
    if (var < 0) return true;
    if ((*b)[var]) return *(*b)[var] == id;
    (*b)[var] = id;
    return true;
  }

  std::string Project(const Binding& s) {
    std::vector<std::string> cells;
    for (const Projection& p : find_.projection) {
      const std::optional<uint64_t>& id = s[p.expr.operand.var];
      if (!id) {
        cells.push_back("NULL");
        continue;
      }
      absl::StatusOr<Value> v =
          store_->dictionary().Lookup(*id, snapshot_.get());
      EXPECT_TRUE(v.ok()) << v.status();
      cells.push_back(v.ok() ? CellText(Cell::Of(*v)) : "?");
    }
    return absl::StrJoin(cells, "\t");
  }

  engine::Store* store_;
  const BoundFind& find_;
  std::shared_ptr<const engine::Snapshot> snapshot_;
};

// Random FIND text: groups nested up to three deep, each with one or two
// patterns, maybe a FILTER comparing two variables written before it, and
// OPTIONAL and NOT groups. Patterns follow the shapes of datasets/tiny
// (a person is president of a country, a country member of an
// organisation, ...), with two variables of each kind, so that groups
// share variables and match some of the time.
class QueryMaker {
 public:
  explicit QueryMaker(uint64_t seed) : rng_(seed) {}

  std::string Make() {
    std::string where = Body(0);
    std::string find = rng_.Below(2) ? "FIND DISTINCT" : "FIND";
    int items = static_cast<int>(rng_.Range(1, 4));
    for (int i = 0; i < items; ++i) absl::StrAppend(&find, " ", Pick(used_));
    return absl::StrCat(find, " WHERE ", where, " DURING 2000 TO 2030");
  }

 private:
  struct Shape {
    const char* subject;  // kind of the subject: the variable's stem
    const char* predicate;
    const char* object;  // kind of the object
  };

  std::string Body(int depth) {
    std::vector<std::string> elements;
    int patterns = static_cast<int>(rng_.Range(1, 3));
    for (int i = 0; i < patterns; ++i) elements.push_back(Pattern());
    int groups = depth < 3 ? static_cast<int>(rng_.Below(3)) : 0;
    for (int i = 0; i < groups; ++i) {
      elements.push_back(absl::StrCat(rng_.Below(2) ? "OPTIONAL" : "NOT", " { ",
                                      Body(depth + 1), " }"));
    }
    if (rng_.Below(10) < 4) {
      elements.push_back(absl::StrCat(
          "FILTER ", Pick(used_), rng_.Below(2) ? " = " : " != ", Pick(used_)));
    }
    return absl::StrJoin(elements, ", ");
  }

  std::string Pattern() {
    static const std::vector<Shape> kShapes = {
        {"person", "president_of", "country"},
        {"country", "member_of", "org"},
        {"person", "attended", "event"},
        {"person", "held_talks_with", "person"},
        {"person", "ceo_of", "company"},
        {"company", "signed", "doc"},
        {"doc", "concerns", "pipeline"},
        {"pipeline", "crosses", "country"},
        {"pipeline", "delivers_to", "country"},
        {"country", "imports_oil_from", "country"},
        {"city", "located_in", "country"},
        {"event", "held_in", "city"},
        {"event", "organised_by", "org"}};
    const Shape& shape = kShapes[rng_.Below(kShapes.size())];
    std::string subject = Variable(shape.subject);
    bool constant =
        std::string(shape.object) == "country" && rng_.Below(4) == 0;
    std::string object =
        constant ? Pick({"China", "Russia", "India"}) : Variable(shape.object);
    return absl::StrCat(subject, " ", shape.predicate, " ", object);
  }

  std::string Variable(const char* kind) {
    std::string v = absl::StrCat("?", kind, rng_.Range(1, 3));
    if (std::find(used_.begin(), used_.end(), v) == used_.end()) {
      used_.push_back(v);
    }
    return v;
  }

  std::string Pick(const std::vector<std::string>& from) {
    return from[rng_.Below(static_cast<int64_t>(from.size()))];
  }

  test::Rng rng_;
  std::vector<std::string> used_;  // variables written so far
};

class NestedGroupsTest : public testing::Test {
 protected:
  void SetUp() override {
    auto store = test::OpenEngineStore(dir_.Join("store"), {test::kTinyClaims});
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(*store);
  }

  absl::StatusOr<BoundFind> Bind(const std::string& text) {
    absl::StatusOr<Statement> statement = ParseStatement(text);
    if (!statement.ok()) return statement.status();
    std::vector<std::string> notices;
    return BindFind(store_.get(), text,
                    std::get<FindStatement>(statement->node), &notices);
  }

  // The rows of the planner and executor, sorted.
  std::vector<std::string> Run(const std::string& text, const BoundFind& find,
                               const PlannerOptions& options) {
    Plan plan = PlanFind(find, store_->counters(), options);
    FindExecutor executor(store_.get(), text, find, std::move(plan),
                          QueryOptions());
    std::vector<std::string> rows;
    Row row;
    absl::Status status;
    while (executor.Next(&row, &status)) {
      std::vector<std::string> cells;
      for (const Cell& cell : row) cells.push_back(CellText(cell));
      rows.push_back(absl::StrJoin(cells, "\t"));
    }
    EXPECT_TRUE(status.ok()) << status;
    std::sort(rows.begin(), rows.end());
    return rows;
  }

  test::TempDir dir_{"annals_nested"};
  std::unique_ptr<engine::Store> store_;
};

TEST_F(NestedGroupsTest, EveryPlanAgreesWithTheReference) {
  const uint64_t first = test::SeedFromEnv("ANNALS_NESTED_SEED", 1);
  const std::vector<std::vector<std::string>> pass_sets = {
      {},
      {"join_order"},
      {"index_choice"},
      {"filter_pushdown"},
      {"distinct_pushdown"},
      {"join_order", "index_choice", "filter_pushdown", "distinct_pushdown"}};
  int nonempty = 0;
  for (uint64_t seed = first; seed < first + 1000; ++seed) {
    std::string text = QueryMaker(seed).Make();
    SCOPED_TRACE(absl::StrCat("seed ", seed, ": ", text));
    absl::StatusOr<BoundFind> find = Bind(text);
    ASSERT_TRUE(find.ok()) << find.status();
    std::vector<std::string> expected = Reference(store_.get(), *find).Rows();
    nonempty += !expected.empty();
    for (const std::vector<std::string>& off : pass_sets) {
      PlannerOptions options;
      options.disabled_passes.insert(off.begin(), off.end());
      ASSERT_EQ(Run(text, *find, options), expected)
          << "passes off: " << absl::StrJoin(off, ", ");
    }
  }
  // The queries are not all trivially empty.
  EXPECT_GT(nonempty, 250);
}

}  // namespace
}  // namespace annals::query
