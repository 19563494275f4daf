// CHANGES, DIFF and DISPUTES; see timeline_statements.h.
#include "query/timeline_statements.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "annals/status_macros.h"
#include "engine/key_codec.h"
#include "engine/scan.h"
#include "query/binder.h"
#include "query/eval.h"
#include "query/session.h"

namespace annals::query {
namespace {

Cell TermCell(engine::Store* store, uint64_t id) {
  if (id == 0) return Cell();
  auto v = store->dictionary().Lookup(id, nullptr);
  return v.ok() ? Cell::Of(*std::move(v)) : Cell();
}

Cell TimeCell(int64_t seconds, Precision precision) {
  return Cell::Of(Value::Date({seconds, precision}));
}

// The claims of the subject and predicate terms (each may be absent) in
// `view`, at most options.max_rows of them.
absl::StatusOr<std::vector<engine::ClaimRow>> Collect(
    engine::Store* store, std::string_view text,
    const std::optional<Term>& subject, const std::optional<Term>& predicate,
    const TimeView& view, const QueryOptions& options) {
  engine::IdPattern ids;
  if (subject) {
    ASSIGN_OR_RETURN(ids.s, BindTermId(store, text, *subject, false));
  }
  if (predicate) {
    ASSIGN_OR_RETURN(ids.p, BindTermId(store, text, *predicate, true));
  }
  engine::ClaimScan scan(store, ids, view, store->GetSnapshot());
  std::vector<engine::ClaimRow> rows;
  engine::ClaimRow row;
  while (scan.Next(&row)) {
    if (static_cast<int64_t>(rows.size()) >= options.max_rows) {
      return absl::ResourceExhaustedError(absl::StrCat(
          "more than ", options.max_rows,
          " claims to compare (QueryOptions::max_rows); name a subject"));
    }
    rows.push_back(row);
  }
  RETURN_IF_ERROR(scan.status());
  return rows;
}

// A claim's valid time as written (PeriodOf), so that one value ending the
// day the next begins is no dispute.
Window Nominal(const engine::ClaimRow& r) { return PeriodOf(r.valid()); }

// One change: what happened to which claim, and when.
struct Change {
  int64_t at;
  Precision precision;
  std::string what;
  const engine::ClaimRow* claim;
};

absl::StatusOr<ResultSet> ChangeRows(engine::Store* store,
                                     std::vector<Change> changes,
                                     std::string view) {
  std::sort(changes.begin(), changes.end(),
            [](const Change& a, const Change& b) {
              return std::tie(a.at, a.claim->id, a.what) <
                     std::tie(b.at, b.claim->id, b.what);
            });
  std::vector<Row> rows;
  for (const Change& c : changes) {
    const engine::ClaimRow& r = *c.claim;
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

}  // namespace

absl::StatusOr<ResultSet> RunChanges(engine::Store* store,
                                     std::string_view text,
                                     const ChangesStatement& s,
                                     const QueryOptions& options) {
  ASSIGN_OR_RETURN(TimePoint a, BindTime(text, s.from));
  ASSIGN_OR_RETURN(TimePoint b, BindTime(text, s.to));
  Window window{a.seconds, b.SpanEnd()};
  std::string view;
  ASSIGN_OR_RETURN(TimeView tv, BindView(text, s.time, &view));
  tv.valid.reset();
  tv.include_retracted = true;
  ASSIGN_OR_RETURN(std::vector<engine::ClaimRow> claims,
                   Collect(store, text, s.subject, s.predicate, tv, options));
  auto in = [&](int64_t t) { return t >= window.begin && t < window.end; };
  std::vector<Change> changes;
  for (const engine::ClaimRow& r : claims) {
    bool retracted =
        r.is_retracted() && (!tv.as_of || r.retracted <= *tv.as_of);
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
  return ChangeRows(
      store, std::move(changes),
      absl::StrCat("changes from ", a.ToString(), " to the end of ",
                   b.ToString(), view.substr(view.find(','))));
}

absl::StatusOr<ResultSet> RunDiff(engine::Store* store, std::string_view text,
                                  const DiffStatement& s,
                                  const QueryOptions& options) {
  ASSIGN_OR_RETURN(TimePoint a, BindTime(text, s.before));
  ASSIGN_OR_RETURN(TimePoint b, BindTime(text, s.after));
  int64_t after_a = a.SpanEnd() - 1, until_b = b.SpanEnd() - 1;
  TimeView tv;
  tv.include_retracted = true;
  ASSIGN_OR_RETURN(std::vector<engine::ClaimRow> claims,
                   Collect(store, text, s.subject, s.predicate, tv, options));
  auto in = [&](int64_t t) { return t > after_a && t <= until_b; };
  std::vector<Change> changes;
  for (const engine::ClaimRow& r : claims) {
    if (in(r.recorded)) {
      changes.push_back({r.recorded,
                         static_cast<Precision>(r.recorded_precision),
                         "recorded", &r});
    }
    if (r.is_retracted() && in(r.retracted)) {
      changes.push_back({r.retracted, Precision::kSecond, "retracted", &r});
    }
  }
  return ChangeRows(
      store, std::move(changes),
      absl::StrCat("recorded or retracted after the end of ", a.ToString(),
                   " up to the end of ", b.ToString()));
}

absl::StatusOr<ResultSet> RunDisputes(engine::Store* store,
                                      std::string_view text,
                                      const DisputesStatement& s,
                                      const QueryOptions& options) {
  std::string view;
  ASSIGN_OR_RETURN(TimeView tv, BindView(text, s.time, &view));
  if (!s.time.valid) {  // all valid time unless narrowed
    tv.valid.reset();
    view = absl::StrCat("all valid time", view.substr(view.find(',')));
  }
  ASSIGN_OR_RETURN(std::vector<engine::ClaimRow> claims,
                   Collect(store, text, s.subject, s.predicate, tv, options));
  // Claims come by predicate: compare within each predicate's run.
  std::vector<Row> rows;
  for (size_t i = 0; i < claims.size(); ++i) {
    for (size_t j = i + 1; j < claims.size() && claims[j].p == claims[i].p;
         ++j) {
      const engine::ClaimRow &x = claims[i], &y = claims[j];
      if (x.o == y.o || (x.source == y.source && x.by == y.by)) continue;
      Window wx = Nominal(x), wy = Nominal(y);
      if (!(wx.begin < wy.end && wy.begin < wx.end)) continue;
      rows.push_back({TermCell(store, x.p), Cell::Of(Value::Claim(x.id)),
                      TermCell(store, x.o), TermCell(store, x.source),
                      TermCell(store, x.by), Cell::Of(Value::Claim(y.id)),
                      TermCell(store, y.o), TermCell(store, y.source),
                      TermCell(store, y.by)});
    }
  }
  return FixedResult({"predicate", "claim", "value", "source", "by",
                      "other_claim", "other_value", "other_source", "other_by"},
                     std::move(view), std::move(rows));
}

}  // namespace annals::query
