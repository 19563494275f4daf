// Breadth-first shortest paths; see path_statement.h.
#include "query/path_statement.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "annals/status_macros.h"
#include "engine/key_codec.h"
#include "engine/scan.h"
#include "query/binder.h"
#include "query/diagnostic.h"
#include "query/session.h"

namespace annals::query {
absl::StatusOr<ResultSet> RunPath(engine::Store* store, std::string_view text,
                                  const PathStatement& s,
                                  const QueryOptions& options) {
  if (s.in_order) {
    return absl::UnimplementedError("PATH ... IN ORDER is not built yet");
  }
  ASSIGN_OR_RETURN(uint64_t from, BindTermId(store, text, s.from, false));
  ASSIGN_OR_RETURN(uint64_t to, BindTermId(store, text, s.to, false));
  absl::flat_hash_set<uint64_t> via;
  for (const Term& p : s.via) {
    ASSIGN_OR_RETURN(uint64_t id, BindTermId(store, text, p, true));
    via.insert(id);
  }
  int64_t max_hops = kDefaultMaxHops;
  if (s.max_hops) {
    if (s.max_hops->kind != Term::Kind::kValue ||
        s.max_hops->value.kind() != ValueKind::kInteger ||
        s.max_hops->value.integer() < 1) {
      return SyntaxError(text, s.max_hops->pos, "MAX takes a number >= 1");
    }
    max_hops = s.max_hops->value.integer();
  }
  std::string view;
  ASSIGN_OR_RETURN(TimeView tv, BindView(text, s.time, &view));
  engine::Snapshot snapshot = store->GetSnapshot();

  // parent[node] = the claim that reached it first (the BFS tree).
  absl::flat_hash_map<uint64_t, engine::ClaimRow> parent;
  std::vector<uint64_t> frontier = {from};
  absl::flat_hash_set<uint64_t> visited = {from};
  bool found = from == to;
  for (int64_t hop = 0; hop < max_hops && !found && !frontier.empty(); ++hop) {
    std::vector<uint64_t> next;
    for (uint64_t node : frontier) {
      engine::IdPattern ids;
      ids.s = node;
      if (via.size() == 1) ids.p = *via.begin();
      engine::ClaimScan scan(store, ids, tv, snapshot);
      engine::ClaimRow row;
      while (scan.Next(&row)) {
        if (!via.empty() && !via.contains(row.p)) continue;
        ValueKind kind = engine::TermKind(row.o);
        if (kind != ValueKind::kEntity && kind != ValueKind::kClaim) continue;
        if (!visited.insert(row.o).second) continue;
        if (static_cast<int64_t>(visited.size()) > options.max_path_nodes) {
          return absl::ResourceExhaustedError(absl::StrCat(
              "PATH visited more than ", options.max_path_nodes,
              " nodes (QueryOptions::max_path_nodes) without reaching the "
              "target; narrow it with VIA, MAX or a time"));
        }
        parent[row.o] = row;
        if (row.o == to) {
          found = true;
          break;
        }
        next.push_back(row.o);
      }
      RETURN_IF_ERROR(scan.status());
      if (found) break;
    }
    frontier = std::move(next);
  }
  std::vector<engine::ClaimRow> hops;
  if (found) {
    for (uint64_t node = to; node != from;) {
      const engine::ClaimRow& r = parent.at(node);
      hops.push_back(r);
      node = r.s;
    }
    std::reverse(hops.begin(), hops.end());
  }
  std::vector<Row> rows;
  for (size_t i = 0; i < hops.size(); ++i) {
    const engine::ClaimRow& r = hops[i];
    Row row = {Cell::Of(Value::Integer(static_cast<int64_t>(i + 1)))};
    for (uint64_t id : {r.s, r.p, r.o}) {
      ASSIGN_OR_RETURN(Value v, store->dictionary().Lookup(id, snapshot.get()));
      row.push_back(Cell::Of(std::move(v)));
    }
    row.push_back(Cell::Of(Value::Claim(r.id)));
    row.push_back(Cell::Of(r.valid()));
    rows.push_back(std::move(row));
  }
  return FixedResult(
      {"hop", "subject", "predicate", "object", "claim", "valid"},
      std::move(view), std::move(rows));
}

}  // namespace annals::query
