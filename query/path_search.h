// The two searches behind PATH, over claim scans of one snapshot. A node is
// an entity or a claim; a hop is a claim from its subject to its object whose
// predicate VIA allows and which is visible in the view.
//
//   ShortestPath (PATH a TO b): the fewest hops, every one holding somewhere
//     in the view's valid-time window. A bidirectional breadth-first search,
//     forward by subject and backward by object, that grows the smaller
//     frontier by one level until the two sides meet.
//   Journey (PATH a TO b IN ORDER): the fewest hops taken one after another
//     in valid time. Hop i is taken at t_i = max(t_{i-1}, start of its valid
//     time), provided t_{i-1} is before its end; t_0 is the start of the
//     view's window (any time without one). Start and end are those of the
//     claim's certain extent (Interval::Certain(): so, for every reading of
//     the uncertain ends, the hops can be taken in that order), or of its
//     possible extent with POSSIBLY (for some reading). With a window every
//     hop is taken inside it. Among the journeys with the fewest hops, the
//     one arriving earliest. A level-by-level search that keeps each node's
//     earliest arrival so far: a node is expanded again only when a later
//     level reaches it earlier.
//
// Both stop at max_hops levels, and fail with ResourceExhausted beyond
// QueryOptions::max_path_nodes nodes and DeadlineExceeded beyond its time
// limit.
#ifndef ANNALS_QUERY_PATH_SEARCH_H_
#define ANNALS_QUERY_PATH_SEARCH_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "annals/claim.h"
#include "annals/result.h"
#include "engine/claim_record.h"
#include "engine/scan.h"
#include "engine/store.h"

namespace annals::query {

inline constexpr int64_t kDefaultMaxHops = 6;

struct PathSpec {
  uint64_t from = 0, to = 0;  // term ids
  std::vector<uint64_t> via;  // predicates a hop may use; empty: any
  int64_t max_hops = kDefaultMaxHops;
  TimeView view;  // every hop is visible in it
  // Journey: the start of view.valid as written (`2025` of DURING 2025 TO
  // ...), shown as the time the first hop is taken when none is later.
  std::optional<TimePoint> departure;
};

// What a search did, for EXPLAIN ANALYZE.
struct SearchStats {
  int64_t levels = 0;  // levels grown
  int64_t nodes = 0;   // nodes reached, both ends included (the
                       // bidirectional search counts each side's)
  int64_t claims = 0;  // claims the scans returned
};

// Whether a term can be a node (an entity or a claim: not a literal).
bool IsPathNode(uint64_t term);
// Whether VIA lets a hop use `predicate`.
bool ViaAllows(const PathSpec& spec, uint64_t predicate);

// The claims scanned for the hops out of `node` (forward) or into it: the
// node's position bound, and the predicate when VIA names exactly one.
engine::IdPattern HopPattern(const PathSpec& spec, uint64_t node, bool forward);

// The hops of the shortest path, in order; none when there is no path
// within max_hops (or from == to).
absl::StatusOr<std::vector<engine::ClaimRecord>> ShortestPath(
    engine::Store* store, const PathSpec& spec, const QueryOptions& options,
    SearchStats* stats);

struct JourneyHop {
  engine::ClaimRecord claim;
  // When it is taken (Window::kMin: at any time, all hops so far being open
  // at their start)...
  int64_t taken = Window::kMin;
  // ...and the time that instant is shown as: the point whose span holds it
  // (the hop's valid_from, or an earlier hop's, or the departure).
  std::optional<TimePoint> taken_as;
};

// The hops of the journey, in order; none when there is none within
// max_hops (or from == to).
absl::StatusOr<std::vector<JourneyHop>> Journey(engine::Store* store,
                                                const PathSpec& spec,
                                                const QueryOptions& options,
                                                SearchStats* stats);

}  // namespace annals::query

#endif  // ANNALS_QUERY_PATH_SEARCH_H_
