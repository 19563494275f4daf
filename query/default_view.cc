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

}  // namespace

void ApplyDefaultView(const QueryOptions& options, DefaultView which,
                      const SourcePos& pos, TemporalClause* time) {
  if (which == DefaultView::kAtAndAsOf && options.default_at && !time->valid) {
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

}  // namespace annals::query
