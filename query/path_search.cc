// PATH's bidirectional breadth-first search; see path_search.h.
#include "query/path_search.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "common/status_macros.h"
#include "engine/term_id.h"
#include "query/limits.h"

namespace annals::query {

engine::IdPattern HopPattern(const PathSpec& spec, uint64_t node,
                             bool forward) {
  engine::IdPattern ids;
  (forward ? ids.s : ids.o) = node;
  if (spec.via.size() == 1) ids.p = spec.via.front();
  return ids;
}

bool IsPathNode(uint64_t term) {
  ValueKind kind = engine::TermKind(term);
  return kind == ValueKind::kEntity || kind == ValueKind::kClaim;
}

bool ViaAllows(const PathSpec& spec, uint64_t predicate) {
  return spec.via.empty() || std::find(spec.via.begin(), spec.via.end(),
                                       predicate) != spec.via.end();
}

namespace {

// One side of the search: each node it has seen, with the claim that first
// reached it (forward: the hop into it; backward: the hop out of it), and
// the nodes of its last level.
struct Side {
  bool forward;
  absl::flat_hash_set<uint64_t> seen;
  absl::flat_hash_map<uint64_t, engine::ClaimRecord> hop;
  std::vector<uint64_t> frontier;
};

class BidirectionalSearch {
 public:
  BidirectionalSearch(engine::Store* store, const PathSpec& spec,
                      const QueryOptions& options, SearchStats* stats)
      : store_(store),
        spec_(spec),
        options_(options),
        stats_(stats),
        interrupt_(StatementInterrupt(options)),
        snapshot_(store->GetSnapshot()),
        fwd_{true, {spec.from}, {}, {spec.from}},
        bwd_{false, {spec.to}, {}, {spec.to}} {}

  absl::StatusOr<std::vector<engine::ClaimRecord>> Run() {
    std::optional<uint64_t> meet;
    if (spec_.from == spec_.to) meet = spec_.from;
    for (int64_t level = 0; !meet && level < spec_.max_hops; ++level) {
      if (fwd_.frontier.empty() || bwd_.frontier.empty()) break;
      bool forward = fwd_.frontier.size() <= bwd_.frontier.size();
      ANNALS_ASSIGN_OR_RETURN(meet,
                              forward ? Grow(&fwd_, bwd_) : Grow(&bwd_, fwd_));
      ++stats_->levels;
    }
    stats_->nodes = static_cast<int64_t>(fwd_.seen.size() + bwd_.seen.size());
    if (!meet) return std::vector<engine::ClaimRecord>();
    return Hops(*meet);
  }

 private:
  // Grows `side` by one level; the first node `other` has seen, if met.
  absl::StatusOr<std::optional<uint64_t>> Grow(Side* side, const Side& other) {
    std::vector<uint64_t> next;
    for (uint64_t node : side->frontier) {
      ANNALS_RETURN_IF_ERROR(interrupt_.Tick());
      engine::ClaimScan scan(store_, HopPattern(spec_, node, side->forward),
                             spec_.view, snapshot_, std::nullopt, &interrupt_);
      scan.ReadOpenClaimsFirst();  // the search stops when the sides meet
      engine::ClaimRecord row;
      while (scan.Next(&row)) {
        ++stats_->claims;
        uint64_t reached = side->forward ? row.o : row.s;
        if (!ViaAllows(spec_, row.p) || !IsPathNode(reached)) continue;
        if (!side->seen.insert(reached).second) continue;
        ANNALS_RETURN_IF_ERROR(CheckPathNodes(
            static_cast<int64_t>(fwd_.seen.size() + bwd_.seen.size()),
            options_));
        side->hop[reached] = row;
        if (other.seen.contains(reached)) return reached;
        next.push_back(reached);
      }
      ANNALS_RETURN_IF_ERROR(scan.status());
    }
    side->frontier = std::move(next);
    return std::nullopt;
  }

  // The forward hops from the start to `meet`, then the backward ones on to
  // the target.
  std::vector<engine::ClaimRecord> Hops(uint64_t meet) const {
    std::vector<engine::ClaimRecord> hops;
    for (uint64_t node = meet; node != spec_.from;) {
      const engine::ClaimRecord& r = fwd_.hop.at(node);
      hops.push_back(r);
      node = r.s;
    }
    std::reverse(hops.begin(), hops.end());
    for (uint64_t node = meet; node != spec_.to;) {
      const engine::ClaimRecord& r = bwd_.hop.at(node);
      hops.push_back(r);
      node = r.o;
    }
    return hops;
  }

  engine::Store* store_;
  const PathSpec& spec_;
  const QueryOptions& options_;
  SearchStats* stats_;
  engine::Interrupt interrupt_;  // ticked by each node and entry read
  std::shared_ptr<const engine::Snapshot> snapshot_;
  Side fwd_, bwd_;
};

}  // namespace

absl::StatusOr<std::vector<engine::ClaimRecord>> ShortestPath(
    engine::Store* store, const PathSpec& spec, const QueryOptions& options,
    SearchStats* stats) {
  return BidirectionalSearch(store, spec, options, stats).Run();
}

}  // namespace annals::query
