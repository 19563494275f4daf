// PATH ... IN ORDER: the level-by-level earliest-arrival search; see
// path_search.h for the semantics.
#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "common/status_macros.h"
#include "query/limits.h"
#include "query/path_search.h"

namespace annals::query {
namespace {

// How a node was reached at one level: when, by which hop, from where.
struct Arrival {
  int64_t at = Window::kMin;
  std::optional<TimePoint> at_as;  // shown for `at` (JourneyHop::taken_as)
  uint64_t previous = 0;           // the node the hop left from
  engine::ClaimRecord hop;         // none at level 0
};

// The nodes one level improved, in the order first reached.
struct Level {
  absl::flat_hash_map<uint64_t, Arrival> arrivals;
  std::vector<uint64_t> order;

  void Put(uint64_t node, Arrival arrival) {
    auto [it, inserted] = arrivals.try_emplace(node, std::move(arrival));
    if (inserted) {
      order.push_back(node);
    } else {
      it->second = std::move(arrival);
    }
  }
};

class EarliestArrivalSearch {
 public:
  EarliestArrivalSearch(engine::Store* store, const PathSpec& spec,
                        const QueryOptions& options, SearchStats* stats)
      : store_(store),
        spec_(spec),
        options_(options),
        stats_(stats),
        interrupt_(StatementInterrupt(options)),
        snapshot_(store->GetSnapshot()) {}

  absl::StatusOr<std::vector<JourneyHop>> Run() {
    Arrival departure;
    if (spec_.view.valid) departure.at = spec_.view.valid->begin;
    departure.at_as = spec_.departure;
    levels_.emplace_back().Put(spec_.from, departure);
    earliest_[spec_.from] = departure.at;
    bool arrived = spec_.from == spec_.to;
    while (!arrived && static_cast<int64_t>(levels_.size()) <= spec_.max_hops &&
           !levels_.back().order.empty()) {
      Level next;
      for (uint64_t node : levels_.back().order) {
        ANNALS_RETURN_IF_ERROR(interrupt_.Tick());
        ANNALS_RETURN_IF_ERROR(
            Expand(node, levels_.back().arrivals.at(node), &next));
      }
      ++stats_->levels;
      arrived = next.arrivals.contains(spec_.to);
      levels_.push_back(std::move(next));
    }
    stats_->nodes = static_cast<int64_t>(earliest_.size());
    if (!arrived || spec_.from == spec_.to) return std::vector<JourneyHop>();
    return Trace();
  }

 private:
  // Where a hop's claim holds for the view: certainly or possibly.
  Window Extent(const engine::ClaimRecord& hop) const {
    Interval valid = hop.valid();
    return spec_.view.certain ? valid.Certain() : valid.Possible();
  }

  // The hops out of `node`, reached `from`: each one it can still take,
  // when it reaches its object earlier than any level before.
  absl::Status Expand(uint64_t node, const Arrival& from, Level* next) {
    engine::ClaimScan scan(store_, HopPattern(spec_, node, true), spec_.view,
                           snapshot_, std::nullopt, &interrupt_);
    engine::ClaimRecord row;
    while (scan.Next(&row)) {
      ++stats_->claims;
      if (!ViaAllows(spec_, row.p) || !IsPathNode(row.o)) continue;
      Window extent = Extent(row);
      // Taken before its end: for a claim certain at no single instant
      // ("some time in 2025"), an arrival before its earliest end still
      // takes it in every reading.
      if (from.at >= extent.end) continue;
      Arrival arrival{from.at, from.at_as, node, row};
      if (extent.begin > from.at) {
        arrival.at = extent.begin;
        arrival.at_as = row.valid().from;
      }
      if (spec_.view.valid && arrival.at >= spec_.view.valid->end) continue;
      auto [it, first] = earliest_.try_emplace(row.o, arrival.at);
      if (first) {
        ANNALS_RETURN_IF_ERROR(
            CheckPathNodes(static_cast<int64_t>(earliest_.size()), options_));
      } else if (arrival.at < it->second) {
        it->second = arrival.at;
      } else {
        continue;  // reached no earlier than before: nothing new
      }
      next->Put(row.o, std::move(arrival));
    }
    return scan.status();
  }

  // The hops into the target at the last level, back to the start.
  std::vector<JourneyHop> Trace() const {
    std::vector<JourneyHop> hops;
    uint64_t node = spec_.to;
    for (size_t level = levels_.size() - 1; level > 0; --level) {
      const Arrival& a = levels_[level].arrivals.at(node);
      hops.push_back({a.hop, a.at, a.at_as});
      node = a.previous;
    }
    std::reverse(hops.begin(), hops.end());
    return hops;
  }

  engine::Store* store_;
  const PathSpec& spec_;
  const QueryOptions& options_;
  SearchStats* stats_;
  engine::Interrupt interrupt_;  // ticked by each node and entry read
  std::shared_ptr<const engine::Snapshot> snapshot_;
  std::vector<Level> levels_;
  // Every node reached: its earliest arrival over all levels so far.
  absl::flat_hash_map<uint64_t, int64_t> earliest_;
};

}  // namespace

absl::StatusOr<std::vector<JourneyHop>> Journey(engine::Store* store,
                                                const PathSpec& spec,
                                                const QueryOptions& options,
                                                SearchStats* stats) {
  return EarliestArrivalSearch(store, spec, options, stats).Run();
}

}  // namespace annals::query
