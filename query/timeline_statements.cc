// CHANGES, DIFF and DISPUTES; see timeline_statements.h. Each binds to a
// TimelineScan (what it reads) and then works on the claims read, so that
// running and explaining share both.
#include "query/timeline_statements.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "engine/scan.h"
#include "query/binder.h"
#include "query/default_view.h"
#include "query/eval.h"
#include "query/explain.h"
#include "query/limits.h"
#include "query/periods.h"
#include "query/query_result.h"

namespace annals::query {
namespace {

// What a statement scans: one subject (and predicate), or everything.
struct TimelineScan {
  engine::IdPattern ids;
  TimeView view;
  std::string s_text, p_text;  // as written, for EXPLAIN
  std::string view_text;       // what the scan reads, for EXPLAIN
  std::string result_view;     // the result's header
};

absl::StatusOr<TimelineScan> BindScan(engine::Store* store,
                                      std::string_view text,
                                      const std::optional<Term>& subject,
                                      const std::optional<Term>& predicate,
                                      std::vector<std::string>* notices) {
  TimelineScan scan;
  if (subject) {
    ANNALS_ASSIGN_OR_RETURN(scan.ids.s,
                            BindTermId(store, text, *subject, false, notices));
  }
  if (predicate) {
    ANNALS_ASSIGN_OR_RETURN(scan.ids.p,
                            BindTermId(store, text, *predicate, true, notices));
  }
  scan.s_text = TermText(subject, "s");
  scan.p_text = TermText(predicate, "p");
  return scan;
}

// The claims `scan` reads, at most options.max_rows of them.
absl::StatusOr<std::vector<engine::ClaimRecord>> Collect(
    engine::Store* store, const TimelineScan& scan, const QueryOptions& options,
    engine::Interrupt* interrupt) {
  engine::ClaimScan claims(store, scan.ids, scan.view, store->GetSnapshot(),
                           std::nullopt, interrupt);
  std::vector<engine::ClaimRecord> rows;
  engine::ClaimRecord row;
  while (claims.Next(&row)) {
    if (static_cast<int64_t>(rows.size()) >= options.max_rows) {
      return absl::ResourceExhaustedError(absl::StrCat(
          "more than ", options.max_rows,
          " claims to compare (QueryOptions::max_rows); name a subject"));
    }
    rows.push_back(row);
  }
  ANNALS_RETURN_IF_ERROR(claims.status());
  return rows;
}

// EXPLAIN [ANALYZE]: the scan, then what is made of its claims; ANALYZE
// adds the claims read and the rows made.
absl::StatusOr<QueryResult> TimelinePlan(
    engine::Store* store, const TimelineScan& scan, std::string then,
    ExplainMode mode, const QueryOptions& options, engine::Interrupt* interrupt,
    const std::function<absl::StatusOr<int64_t>(
        const std::vector<engine::ClaimRecord>&)>& count_rows) {
  std::string line = absl::StrCat(
      ScanLine(scan.ids, scan.view, scan.s_text, scan.p_text, "?o"), " (",
      scan.view_text);
  if (mode == ExplainMode::kAnalyze) {
    ANNALS_ASSIGN_OR_RETURN(std::vector<engine::ClaimRecord> claims,
                            Collect(store, scan, options, interrupt));
    ANNALS_ASSIGN_OR_RETURN(int64_t rows, count_rows(claims));
    absl::StrAppend(&line, ", actual ", claims.size());
    absl::StrAppend(&then, " (actual ", rows, " rows)");
  }
  absl::StrAppend(&line, ")");
  return PlanResult({line, "then " + then}, scan.result_view);
}

Cell TermCell(engine::Store* store, uint64_t id) {
  if (id == 0) return Cell();
  auto v = store->dictionary().Lookup(id, nullptr);
  return v.ok() ? Cell::Of(*std::move(v)) : Cell();
}

Cell TimeCell(int64_t seconds, Precision precision) {
  return Cell::Of(Value::Date({seconds, precision}));
}

// Whether two claims' valid times overlap (certainly, or possibly when
// `possibly`), weighing precision (periods.h): one value ending the day the
// next begins is no dispute.
bool Overlap(const engine::ClaimRecord& x, const engine::ClaimRecord& y,
             bool possibly) {
  Certainty c = ComparePeriods(ClaimPeriod(x.valid()), PeriodOp::kOverlaps,
                               ClaimPeriod(y.valid()));
  return possibly ? c != Certainty::kNo : c == Certainty::kCertain;
}

// One change: what happened to which claim, and when.
struct Change {
  int64_t at;
  Precision precision;
  std::string what;
  const engine::ClaimRecord* claim;
};

absl::StatusOr<QueryResult> ChangeRows(engine::Store* store,
                                       std::vector<Change> changes,
                                       std::string view,
                                       engine::Interrupt* interrupt) {
  ANNALS_RETURN_IF_ERROR(engine::InterruptibleSort(
      changes.begin(), changes.end(),
      [](const Change& a, const Change& b) {
        return std::tie(a.at, a.claim->id, a.what) <
               std::tie(b.at, b.claim->id, b.what);
      },
      interrupt));
  std::vector<Row> rows;
  for (const Change& c : changes) {
    ANNALS_RETURN_IF_ERROR(interrupt->Tick());
    const engine::ClaimRecord& r = *c.claim;
    Cell valid = Cell::Of(r.valid());
    rows.push_back({Cell::Of(Value::String(c.what)),
                    TimeCell(c.at, c.precision), Cell::Of(Value::Claim(r.id)),
                    TermCell(store, r.s), TermCell(store, r.p),
                    TermCell(store, r.o), valid, TermCell(store, r.source)});
  }
  return FixedResult({"change", "at", "claim", "subject", "predicate", "object",
                      "valid", "source"},
                     std::move(view), std::move(rows));
}

// CHANGES: every claim over all valid time, retracted ones included, then
// the starts, ends and retractions within [start of a, end of b).
struct BoundChanges {
  TimelineScan scan;
  TimePoint a, b;
  Window window;
};

absl::StatusOr<BoundChanges> BindChanges(engine::Store* store,
                                         std::string_view text,
                                         const ChangesStatement& s,
                                         std::vector<std::string>* notices) {
  BoundChanges c;
  ANNALS_ASSIGN_OR_RETURN(c.a, BindTime(text, s.from));
  ANNALS_ASSIGN_OR_RETURN(c.b, BindTime(text, s.to));
  c.window = Window{c.a.seconds, c.b.SpanEnd()};
  std::string view;
  ANNALS_ASSIGN_OR_RETURN(TimeView tv, BindView(text, s.time, &view));
  ANNALS_ASSIGN_OR_RETURN(
      c.scan, BindScan(store, text, s.subject, s.predicate, notices));
  c.scan.view = tv;
  c.scan.view.valid.reset();
  c.scan.view.include_retracted = true;
  c.scan.view_text = AllValidTime(view, true);
  c.scan.result_view =
      absl::StrCat("changes from ", c.a.ToString(), " to the end of ",
                   c.b.ToString(), view.substr(view.find(',')));
  return c;
}

std::vector<Change> ChangesOf(const BoundChanges& c,
                              const std::vector<engine::ClaimRecord>& claims) {
  const std::optional<int64_t>& as_of = c.scan.view.as_of;
  auto in = [&](int64_t t) { return t >= c.window.begin && t < c.window.end; };
  std::vector<Change> changes;
  for (const engine::ClaimRecord& r : claims) {
    bool retracted = r.is_retracted() && (!as_of || r.retracted <= *as_of);
    if (retracted && in(r.retracted)) {
      changes.push_back({r.retracted, Precision::kSecond, "retracted", &r});
    }
    if (retracted) continue;  // no longer believed: it neither began nor ended
    if (!r.from.open() && in(r.from.seconds)) {
      changes.push_back({r.from.seconds,
                         static_cast<Precision>(r.from.precision), "began",
                         &r});
    }
    if (!r.to.open() && in(r.to.seconds)) {
      changes.push_back(
          {r.to.seconds, static_cast<Precision>(r.to.precision), "ended", &r});
    }
  }
  return changes;
}

// DIFF: every claim, retracted ones included, then what was recorded or
// retracted after the end of a, up to the end of b.
struct BoundDiff {
  TimelineScan scan;
  TimePoint a, b;
  int64_t after_a, until_b;
};

absl::StatusOr<BoundDiff> BindDiff(engine::Store* store, std::string_view text,
                                   const DiffStatement& s,
                                   std::vector<std::string>* notices) {
  BoundDiff d;
  ANNALS_ASSIGN_OR_RETURN(d.a, BindTime(text, s.before));
  ANNALS_ASSIGN_OR_RETURN(d.b, BindTime(text, s.after));
  ANNALS_ASSIGN_OR_RETURN(
      d.scan, BindScan(store, text, s.subject, s.predicate, notices));
  d.after_a = d.a.SpanEnd() - 1;
  d.until_b = d.b.SpanEnd() - 1;
  d.scan.view.include_retracted = true;
  d.scan.view_text =
      "all valid time, retracted included, as currently recorded";
  d.scan.result_view =
      absl::StrCat("recorded or retracted after the end of ", d.a.ToString(),
                   " up to the end of ", d.b.ToString());
  return d;
}

std::vector<Change> DiffOf(const BoundDiff& d,
                           const std::vector<engine::ClaimRecord>& claims) {
  auto in = [&](int64_t t) { return t > d.after_a && t <= d.until_b; };
  std::vector<Change> changes;
  for (const engine::ClaimRecord& r : claims) {
    if (in(r.recorded)) {
      changes.push_back({r.recorded,
                         static_cast<Precision>(r.recorded_precision),
                         "recorded", &r});
    }
    if (r.is_retracted() && in(r.retracted)) {
      changes.push_back({r.retracted, Precision::kSecond, "retracted", &r});
    }
  }
  return changes;
}

// DISPUTES: the claims in the view (all valid time unless narrowed), then
// the pairs that contradict each other.
absl::StatusOr<TimelineScan> BindDisputes(engine::Store* store,
                                          std::string_view text,
                                          const DisputesStatement& s,
                                          std::vector<std::string>* notices) {
  std::string view;
  ANNALS_ASSIGN_OR_RETURN(TimeView tv, BindView(text, s.time, &view));
  ANNALS_ASSIGN_OR_RETURN(TimelineScan scan, BindScan(store, text, s.subject,
                                                      s.predicate, notices));
  scan.view = tv;
  scan.result_view = view;
  if (!s.time.valid) {  // all valid time unless narrowed
    scan.view.valid.reset();
    scan.result_view = AllValidTime(scan.result_view, false);
  }
  scan.view_text = scan.result_view;
  return scan;
}

// Whether the schema declares predicate `p` `many`: its values do not
// exclude each other, so they are never disputed.
bool DeclaredMany(engine::Store* store, const schema::Schema& rules,
                  uint64_t p) {
  absl::StatusOr<Value> name = store->dictionary().Lookup(p, nullptr);
  if (!name.ok() || !name->is_entity()) return false;
  const schema::PredicateDef* def = rules.FindPredicate(name->text());
  return def != nullptr && !def->one;
}

absl::StatusOr<std::vector<Row>> DisputeRows(
    engine::Store* store, const std::vector<engine::ClaimRecord>& claims,
    bool possibly, const engine::Store::ReadView& view,
    engine::Interrupt* interrupt) {
  // Claims come by predicate: compare within each predicate's run. One-ness
  // is the statement's schema's.
  const std::shared_ptr<const schema::Schema>& rules = view.schema.schema;
  std::vector<Row> rows;
  for (size_t begin = 0, end; begin < claims.size(); begin = end) {
    end = begin + 1;
    while (end < claims.size() && claims[end].p == claims[begin].p) ++end;
    if (DeclaredMany(store, *rules, claims[begin].p)) continue;
    for (size_t i = begin; i < end; ++i) {
      for (size_t j = i + 1; j < end; ++j) {
        ANNALS_RETURN_IF_ERROR(interrupt->Tick());  // pairs: n^2 of them
        const engine::ClaimRecord &x = claims[i], &y = claims[j];
        if (x.o == y.o || (x.source == y.source && x.by == y.by)) continue;
        if (!Overlap(x, y, possibly)) continue;
        rows.push_back({TermCell(store, x.p), Cell::Of(Value::Claim(x.id)),
                        TermCell(store, x.o), TermCell(store, x.source),
                        TermCell(store, x.by), Cell::Of(Value::Claim(y.id)),
                        TermCell(store, y.o), TermCell(store, y.source),
                        TermCell(store, y.by)});
      }
    }
  }
  return rows;
}

}  // namespace

absl::StatusOr<QueryResult> RunChanges(const StatementContext& ctx,
                                       ChangesStatement s) {
  ApplyDefaultView(ctx.options, DefaultView::kAsOfOnly, s.pos, &s.time);
  ANNALS_ASSIGN_OR_RETURN(BoundChanges c,
                          BindChanges(ctx.store, ctx.text, s, ctx.notices));
  engine::Interrupt interrupt = StatementInterrupt(ctx.options);
  if (ctx.explain != ExplainMode::kNone) {
    return TimelinePlan(
        ctx.store, c.scan,
        absl::StrCat("the starts, ends and retractions from ", c.a.ToString(),
                     " to the end of ", c.b.ToString(), ", by time"),
        ctx.explain, ctx.options, &interrupt,
        [&](const std::vector<engine::ClaimRecord>& claims)
            -> absl::StatusOr<int64_t> {
          return static_cast<int64_t>(ChangesOf(c, claims).size());
        });
  }
  ANNALS_ASSIGN_OR_RETURN(std::vector<engine::ClaimRecord> claims,
                          Collect(ctx.store, c.scan, ctx.options, &interrupt));
  return ChangeRows(ctx.store, ChangesOf(c, claims), c.scan.result_view,
                    &interrupt);
}

absl::StatusOr<QueryResult> RunDiff(const StatementContext& ctx,
                                    const DiffStatement& s) {
  ANNALS_ASSIGN_OR_RETURN(BoundDiff d,
                          BindDiff(ctx.store, ctx.text, s, ctx.notices));
  engine::Interrupt interrupt = StatementInterrupt(ctx.options);
  if (ctx.explain != ExplainMode::kNone) {
    return TimelinePlan(
        ctx.store, d.scan,
        absl::StrCat("the recordings and retractions after the end of ",
                     d.a.ToString(), " up to the end of ", d.b.ToString(),
                     ", by time"),
        ctx.explain, ctx.options, &interrupt,
        [&](const std::vector<engine::ClaimRecord>& claims)
            -> absl::StatusOr<int64_t> {
          return static_cast<int64_t>(DiffOf(d, claims).size());
        });
  }
  ANNALS_ASSIGN_OR_RETURN(std::vector<engine::ClaimRecord> claims,
                          Collect(ctx.store, d.scan, ctx.options, &interrupt));
  return ChangeRows(ctx.store, DiffOf(d, claims), d.scan.result_view,
                    &interrupt);
}

absl::StatusOr<QueryResult> RunDisputes(const StatementContext& ctx,
                                        DisputesStatement s) {
  ApplyDefaultView(ctx.options, DefaultView::kAtAndAsOf, s.pos, &s.time);
  ANNALS_ASSIGN_OR_RETURN(TimelineScan scan,
                          BindDisputes(ctx.store, ctx.text, s, ctx.notices));
  const bool possibly = !scan.view.certain;
  engine::Interrupt interrupt = StatementInterrupt(ctx.options);
  if (ctx.explain != ExplainMode::kNone) {
    return TimelinePlan(
        ctx.store, scan,
        absl::StrCat("the pairs of claims with one predicate and different "
                     "values, ",
                     possibly ? "possibly" : "certainly",
                     " overlapping in valid time, from different sources or "
                     "people"),
        ctx.explain, ctx.options, &interrupt,
        [&](const std::vector<engine::ClaimRecord>& claims)
            -> absl::StatusOr<int64_t> {
          ANNALS_ASSIGN_OR_RETURN(
              std::vector<Row> rows,
              DisputeRows(ctx.store, claims, possibly, *ctx.view, &interrupt));
          return static_cast<int64_t>(rows.size());
        });
  }
  ANNALS_ASSIGN_OR_RETURN(std::vector<engine::ClaimRecord> claims,
                          Collect(ctx.store, scan, ctx.options, &interrupt));
  ANNALS_ASSIGN_OR_RETURN(
      std::vector<Row> rows,
      DisputeRows(ctx.store, claims, possibly, *ctx.view, &interrupt));
  return FixedResult({"predicate", "claim", "value", "source", "by",
                      "other_claim", "other_value", "other_source", "other_by"},
                     scan.result_view, std::move(rows));
}

}  // namespace annals::query
