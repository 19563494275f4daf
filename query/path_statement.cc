// PATH statements: binding, rows and EXPLAIN; see path_statement.h.
#include "query/path_statement.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "query/ast_printer.h"
#include "query/binder.h"
#include "query/default_view.h"
#include "query/diagnostic.h"
#include "query/explain.h"
#include "query/path_search.h"
#include "query/query_result.h"

namespace annals::query {
namespace {

struct BoundPath {
  PathSpec spec;
  std::string view;  // the result's view, as in every header
};

absl::StatusOr<int64_t> BindMaxHops(std::string_view text,
                                    const PathStatement& s) {
  if (!s.max_hops) return kDefaultMaxHops;
  const Term& max = *s.max_hops;
  if (max.kind != Term::Kind::kValue ||
      max.value.kind() != ValueKind::kInteger || max.value.integer() < 1) {
    return SyntaxError(text, max.pos, "MAX takes a number >= 1");
  }
  return max.value.integer();
}

// IN ORDER reads all valid time unless AT or DURING gives a window, and then
// departs at its start.
absl::Status BindDeparture(std::string_view text, const PathStatement& s,
                           BoundPath* path) {
  TimeView& view = path->spec.view;
  if (!s.time.valid) {
    view.valid.reset();
    path->view = AllValidTime(path->view, false);
    return absl::OkStatus();
  }
  const Term& start = s.time.valid->from;
  if (start.kind == Term::Kind::kNow) {
    path->spec.departure = TimePoint{view.valid->begin, Precision::kSecond};
    return absl::OkStatus();
  }
  ANNALS_ASSIGN_OR_RETURN(path->spec.departure, BindTime(text, start));
  return absl::OkStatus();
}

absl::StatusOr<BoundPath> BindPath(engine::Store* store, std::string_view text,
                                   const PathStatement& s,
                                   std::vector<std::string>* notices) {
  BoundPath path;
  ANNALS_ASSIGN_OR_RETURN(path.spec.from,
                          BindTermId(store, text, s.from, false, notices));
  ANNALS_ASSIGN_OR_RETURN(path.spec.to,
                          BindTermId(store, text, s.to, false, notices));
  for (const Term& p : s.via) {
    ANNALS_ASSIGN_OR_RETURN(uint64_t id,
                            BindTermId(store, text, p, true, notices));
    std::vector<uint64_t>& via = path.spec.via;
    if (std::find(via.begin(), via.end(), id) == via.end()) via.push_back(id);
  }
  ANNALS_ASSIGN_OR_RETURN(path.spec.max_hops, BindMaxHops(text, s));
  ANNALS_ASSIGN_OR_RETURN(path.spec.view, BindView(text, s.time, &path.view));
  if (s.in_order) ANNALS_RETURN_IF_ERROR(BindDeparture(text, s, &path));
  return path;
}

absl::StatusOr<Row> HopRow(engine::Store* store,
                           const std::shared_ptr<const engine::Snapshot>& snap,
                           size_t index, const engine::ClaimRecord& hop) {
  Row row = {Cell::Of(Value::Integer(static_cast<int64_t>(index + 1)))};
  for (uint64_t id : {hop.s, hop.p, hop.o}) {
    ANNALS_ASSIGN_OR_RETURN(Value v,
                            store->dictionary().Lookup(id, snap.get()));
    row.push_back(Cell::Of(std::move(v)));
  }
  row.push_back(Cell::Of(Value::Claim(hop.id)));
  row.push_back(Cell::Of(hop.valid()));
  return row;
}

const std::vector<std::string> kPathColumns = {"hop",    "subject", "predicate",
                                               "object", "claim",   "valid"};

absl::StatusOr<QueryResult> ShortestPathRows(engine::Store* store,
                                             BoundPath path,
                                             const QueryOptions& options) {
  SearchStats stats;
  ANNALS_ASSIGN_OR_RETURN(std::vector<engine::ClaimRecord> hops,
                          ShortestPath(store, path.spec, options, &stats));
  std::shared_ptr<const engine::Snapshot> snap = store->GetSnapshot();
  std::vector<Row> rows;
  for (size_t i = 0; i < hops.size(); ++i) {
    ANNALS_ASSIGN_OR_RETURN(Row row, HopRow(store, snap, i, hops[i]));
    rows.push_back(std::move(row));
  }
  return FixedResult(kPathColumns, std::move(path.view), std::move(rows));
}

absl::StatusOr<QueryResult> JourneyRows(engine::Store* store, BoundPath path,
                                        const QueryOptions& options) {
  SearchStats stats;
  ANNALS_ASSIGN_OR_RETURN(std::vector<JourneyHop> hops,
                          Journey(store, path.spec, options, &stats));
  std::shared_ptr<const engine::Snapshot> snap = store->GetSnapshot();
  std::vector<Row> rows;
  for (size_t i = 0; i < hops.size(); ++i) {
    ANNALS_ASSIGN_OR_RETURN(Row row, HopRow(store, snap, i, hops[i].claim));
    row.push_back(hops[i].taken_as ? Cell::Of(Value::Date(*hops[i].taken_as))
                                   : Cell());
    rows.push_back(std::move(row));
  }
  std::vector<std::string> columns = kPathColumns;
  columns.push_back("taken");
  return FixedResult(std::move(columns), std::move(path.view), std::move(rows));
}

// EXPLAIN: the names of the VIA predicates and the predicate a hop's scan
// binds (the one VIA predicate) or leaves open.
std::string ViaText(const PathStatement& s) {
  std::vector<std::string> names;
  for (const Term& p : s.via) names.push_back(ToString(p));
  return absl::StrJoin(names, ", ");
}

std::string HopScanLine(const BoundPath& path, const PathStatement& s,
                        bool forward, std::string_view view) {
  std::string p = path.spec.via.size() == 1 ? ToString(s.via.front()) : "?p";
  engine::IdPattern ids = HopPattern(path.spec, 0, forward);
  std::string line = forward ? ScanLine(ids, path.spec.view, "?node", p, "?o")
                             : ScanLine(ids, path.spec.view, "?s", p, "?node");
  absl::StrAppend(&line, " (", AbslView(view), ")");
  if (path.spec.via.size() > 1) absl::StrAppend(&line, " + via ", ViaText(s));
  return line;
}

std::string Limits(const BoundPath& path, const QueryOptions& options) {
  return absl::StrCat("at most ", path.spec.max_hops, " hops, ",
                      options.max_path_nodes, " nodes");
}

std::string Actual(const SearchStats& stats) {
  return absl::StrCat(" (actual ", stats.levels, " levels, ", stats.nodes,
                      " nodes, ", stats.claims, " claims)");
}

std::vector<std::string> ShortestPathPlan(const BoundPath& path,
                                          const PathStatement& s,
                                          const QueryOptions& options) {
  return {absl::StrCat("search bidirectional breadth-first from ",
                       ToString(s.from), " to ", ToString(s.to),
                       ", growing the smaller side one level at a time: ",
                       Limits(path, options)),
          absl::StrCat("forward ", HopScanLine(path, s, true, path.view)),
          absl::StrCat("backward ", HopScanLine(path, s, false, path.view))};
}

std::vector<std::string> JourneyPlan(const BoundPath& path,
                                     const PathStatement& s,
                                     const QueryOptions& options) {
  std::string extent = path.spec.view.certain ? "certain" : "possible";
  std::string departure =
      path.spec.departure
          ? absl::StrCat("departing at ", path.spec.departure->ToString(),
                         ", every hop taken within the window")
          : "departing at any time";
  return {
      absl::StrCat("search level by level from ", ToString(s.from), " to ",
                   ToString(s.to), ", keeping each node's earliest arrival: ",
                   Limits(path, options)),
      HopScanLine(path, s, true, path.view),
      absl::StrCat("then each hop taken at the later of the arrival and "
                   "its ",
                   extent, " start, if the arrival is before its ", extent,
                   " end; ", departure)};
}

}  // namespace

absl::StatusOr<QueryResult> RunPath(const StatementContext& ctx,
                                    PathStatement s) {
  ApplyDefaultView(ctx.options, DefaultView::kAtAndAsOf, s.pos, &s.time);
  ANNALS_ASSIGN_OR_RETURN(BoundPath path,
                          BindPath(ctx.store, ctx.text, s, ctx.notices));
  if (ctx.explain == ExplainMode::kNone) {
    if (s.in_order) return JourneyRows(ctx.store, std::move(path), ctx.options);
    return ShortestPathRows(ctx.store, std::move(path), ctx.options);
  }
  std::vector<std::string> lines = s.in_order
                                       ? JourneyPlan(path, s, ctx.options)
                                       : ShortestPathPlan(path, s, ctx.options);
  if (ctx.explain == ExplainMode::kAnalyze) {
    SearchStats stats;
    if (s.in_order) {
      ANNALS_RETURN_IF_ERROR(
          Journey(ctx.store, path.spec, ctx.options, &stats).status());
    } else {
      ANNALS_RETURN_IF_ERROR(
          ShortestPath(ctx.store, path.spec, ctx.options, &stats).status());
    }
    lines.front() += Actual(stats);
  }
  return PlanResult(lines, std::move(path.view));
}

}  // namespace annals::query
