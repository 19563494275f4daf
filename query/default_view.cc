// Default views; see default_view.h.
#include "query/default_view.h"

namespace annals::query {
namespace {

Term TimeTerm(const TimePoint& t, const SourcePos& pos) {
  Term term;
  term.kind = Term::Kind::kValue;
  term.value = Value::Date(t);
  term.pos = pos;
  return term;
}

void Apply(const QueryOptions& options, const SourcePos& pos, bool valid,
           TemporalClause* time) {
  if (valid && options.default_at && !time->valid) {
    ValidTime at;
    at.kind = ValidTime::Kind::kAt;
    at.from = TimeTerm(*options.default_at, pos);
    at.pos = pos;
    time->valid = at;
  }
  if (options.default_as_of && !time->as_of) {
    time->as_of = TimeTerm(*options.default_as_of, pos);
  }
}

}  // namespace

void ApplyDefaultView(const QueryOptions& options, Statement* statement) {
  if (!options.default_at && !options.default_as_of) return;
  if (auto* s = std::get_if<FindStatement>(&statement->node)) {
    Apply(options, s->pos, true, &s->time);
  } else if (auto* s = std::get_if<HistoryStatement>(&statement->node)) {
    Apply(options, s->pos, false, &s->time);
  } else if (auto* s = std::get_if<ChangesStatement>(&statement->node)) {
    Apply(options, s->pos, false, &s->time);
  } else if (auto* s = std::get_if<DisputesStatement>(&statement->node)) {
    Apply(options, s->pos, true, &s->time);
  } else if (auto* s = std::get_if<PathStatement>(&statement->node)) {
    Apply(options, s->pos, true, &s->time);
  }
}

}  // namespace annals::query
