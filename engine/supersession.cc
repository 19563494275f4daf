// One value at a time for `one` predicates; see supersession.h.
#include "engine/supersession.h"

#include "common/status_macros.h"
#include "engine/scan.h"

namespace annals::engine {
namespace {

// First instants: an open start before everything, an open end after.
int64_t Start(const ClaimRecord& r) { return r.from_key(); }
int64_t End(const ClaimRecord& r) {
  return r.to.open() ? INT64_MAX : r.to.seconds;
}

bool SameStatement(const ClaimRecord& a, const ClaimRecord& b) {
  return a.o == b.o && a.from == b.from && a.to == b.to &&
         a.source == b.source && a.by == b.by;
}

}  // namespace

SupersedeEffects Supersede(const std::vector<ClaimRecord>& group,
                           ClaimRecord* added) {
  SupersedeEffects effects;
  std::optional<size_t> next;  // the first later start of another value
  for (size_t i = 0; i < group.size(); ++i) {
    const ClaimRecord& m = group[i];
    if (m.o == added->o || Start(m) <= Start(*added)) continue;
    if (!next || Start(m) < Start(group[*next])) next = i;
  }
  if (next && Start(group[*next]) < End(*added)) {
    added->to = group[*next].from;
    effects.closed_by = next;
  }
  effects.duplicate = FindSame(group, *added);
  if (effects.duplicate) return effects;
  for (size_t i = 0; i < group.size(); ++i) {
    const ClaimRecord& m = group[i];
    if (m.o == added->o) continue;
    if (Start(m) == Start(*added)) {
      effects.replaced.push_back(i);
    } else if (Start(m) < Start(*added) && Start(*added) < End(m)) {
      effects.closed.push_back(i);
    }
  }
  return effects;
}

std::optional<size_t> FindSame(const std::vector<ClaimRecord>& group,
                               const ClaimRecord& c) {
  for (size_t i = 0; i < group.size(); ++i) {
    if (SameStatement(group[i], c)) return i;
  }
  return std::nullopt;
}

ClaimRecord ClosedCopy(const ClaimRecord& row, const ClaimRecord& closer,
                       int64_t recorded) {
  ClaimRecord copy = row;
  copy.id = 0;
  copy.to = closer.from;
  copy.recorded = recorded;
  copy.recorded_precision = static_cast<uint8_t>(Precision::kSecond);
  copy.retracted = kNotRetracted;
  return copy;
}

absl::StatusOr<std::vector<ClaimRecord>> LiveGroup(Store* store, uint64_t s,
                                                   uint64_t p, uint64_t source,
                                                   uint64_t by) {
  IdPattern pattern;
  pattern.s = s;
  pattern.p = p;
  ClaimScan scan(store, pattern, TimeView::AllTime(), nullptr);
  std::vector<ClaimRecord> group;
  ClaimRecord row;
  while (scan.Next(&row)) {
    if (row.source == source && row.by == by) group.push_back(row);
  }
  ANNALS_RETURN_IF_ERROR(scan.status());
  return group;
}

}  // namespace annals::engine
