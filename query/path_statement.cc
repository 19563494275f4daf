// Breadth-first shortest paths; see path_statement.h.
#include "query/path_statement.h"

#include <algorithm>
#include <optional>

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
    return ErrorAt(
        text, s.in_order_pos,
        absl::UnimplementedError("PATH ... IN ORDER is not built yet"));
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

  // Bidirectional breadth-first search: each side keeps the claim that first
  // reached a node (forward: the hop into it; backward: the hop out of it)
  // and grows its smaller frontier by one level, until the two meet.
  struct Side {
    bool forward;
    absl::flat_hash_map<uint64_t, engine::ClaimRow> hop;
    std::vector<uint64_t> frontier;
  };
  Side fwd{true, {}, {from}}, bwd{false, {}, {to}};
  absl::flat_hash_set<uint64_t> seen_fwd = {from}, seen_bwd = {to};
  std::optional<uint64_t> meet;
  if (from == to) meet = from;
  for (int64_t hops_done = 0; !meet && hops_done < max_hops; ++hops_done) {
    if (fwd.frontier.empty() || bwd.frontier.empty()) break;
    bool forward = fwd.frontier.size() <= bwd.frontier.size();
    Side& side = forward ? fwd : bwd;
    auto& seen = forward ? seen_fwd : seen_bwd;
    auto& other = forward ? seen_bwd : seen_fwd;
    std::vector<uint64_t> next;
    for (uint64_t node : side.frontier) {
      engine::IdPattern ids;
      (forward ? ids.s : ids.o) = node;
      if (via.size() == 1) ids.p = *via.begin();
      engine::ClaimScan scan(store, ids, tv, snapshot);
      engine::ClaimRow row;
      while (!meet && scan.Next(&row)) {
        if (!via.empty() && !via.contains(row.p)) continue;
        uint64_t reached = forward ? row.o : row.s;
        ValueKind kind = engine::TermKind(reached);
        if (kind != ValueKind::kEntity && kind != ValueKind::kClaim) continue;
        if (!seen.insert(reached).second) continue;
        if (static_cast<int64_t>(seen_fwd.size() + seen_bwd.size()) >
            options.max_path_nodes) {
          return absl::ResourceExhaustedError(absl::StrCat(
              "PATH visited more than ", options.max_path_nodes,
              " nodes (QueryOptions::max_path_nodes) without reaching the "
              "target; narrow it with VIA, MAX or a time"));
        }
        side.hop[reached] = row;
        if (other.contains(reached)) meet = reached;
        next.push_back(reached);
      }
      RETURN_IF_ERROR(scan.status());
      if (meet) break;
    }
    side.frontier = std::move(next);
  }
  std::vector<engine::ClaimRow> hops;
  if (meet) {
    for (uint64_t node = *meet; node != from;) {
      const engine::ClaimRow& r = fwd.hop.at(node);
      hops.push_back(r);
      node = r.s;
    }
    std::reverse(hops.begin(), hops.end());
    for (uint64_t node = *meet; node != to;) {
      const engine::ClaimRow& r = bwd.hop.at(node);
      hops.push_back(r);
      node = r.o;
    }
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
