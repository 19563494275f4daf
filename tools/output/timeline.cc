// Timeline rendering; see timeline.h.
#include "tools/output/timeline.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "tools/output/ansi.h"
#include "tools/output/cell_text.h"

namespace annals::output {

std::vector<TimelineSpan> SpansFromHistory(
    const std::vector<std::string>& columns, const std::vector<Row>& rows) {
  auto index = [&](absl::string_view name) -> int {
    auto it = std::find(columns.begin(), columns.end(), name);
    return it == columns.end() ? -1 : static_cast<int>(it - columns.begin());
  };
  const int predicate = index("predicate"), value = index("value"),
            from = index("from"), to = index("to");
  if (value < 0 || from < 0 || to < 0) return {};
  auto time = [](const Cell& c) -> std::optional<TimePoint> {
    if (c.kind == Cell::Kind::kValue && c.value.kind() == ValueKind::kDate) {
      return c.value.date();
    }
    return std::nullopt;
  };
  std::vector<TimelineSpan> spans;
  for (const Row& row : rows) {
    if (row.size() < columns.size()) continue;
    TimelineSpan span;
    span.lane = CellText(row[value]);
    if (predicate >= 0) span.lane = CellText(row[predicate]) + " " + span.lane;
    span.from = time(row[from]);
    span.to = time(row[to]);
    spans.push_back(std::move(span));
  }
  return spans;
}

namespace {

enum class Mark : uint8_t { kEmpty, kSolid, kFuzzy, kLeft, kRight, kChange };

absl::string_view Glyph(Mark m) {
  switch (m) {
    case Mark::kEmpty:
      return " ";
    case Mark::kSolid:
      return "\xE2\x96\x88";  // █
    case Mark::kFuzzy:
      return "\xE2\x96\x91";  // ░
    case Mark::kLeft:
      return "\xE2\x97\x80";  // ◀
    case Mark::kRight:
      return "\xE2\x96\xB6";  // ▶
    case Mark::kChange:
      return "\xE2\x96\xB2";  // ▲
  }
  return " ";
}

absl::string_view Colour(Mark m) {
  switch (m) {
    case Mark::kSolid:
      return kCyan;
    case Mark::kFuzzy:
      return kDim;
    case Mark::kLeft:
    case Mark::kRight:
      return kBold;
    case Mark::kChange:
      return kYellow;
    case Mark::kEmpty:
      break;
  }
  return "";
}

// Whether an end known only to this precision covers an uncertain span.
bool Fuzzy(const TimePoint& t) {
  return t.precision == Precision::kYear || t.precision == Precision::kMonth;
}

// Maps [lo, hi] onto the bar columns 1..n; column 0 and n+1 hold arrows.
struct Scale {
  int64_t lo = 0;
  int64_t hi = 1;
  size_t n = 1;
  double Pos(int64_t t) const {
    return static_cast<double>(t - lo) / static_cast<double>(hi - lo) *
           static_cast<double>(n);
  }
  size_t Col(int64_t t) const {
    double p = std::floor(Pos(t));
    return 1 + static_cast<size_t>(std::clamp(p, 0.0, double(n - 1)));
  }
  // The last column of a segment ending (exclusively) at t and starting in
  // column `first`.
  size_t LastCol(int64_t t, size_t first) const {
    double p = std::ceil(Pos(t)) - 1;
    size_t last = 1 + static_cast<size_t>(std::clamp(p, 0.0, double(n - 1)));
    return std::max(first, last);
  }
};

void Fill(std::vector<Mark>* lane, size_t first, size_t last, Mark m) {
  for (size_t c = first; c <= last && c < lane->size(); ++c) (*lane)[c] = m;
}

std::string Draw(const std::vector<Mark>& marks, bool colour) {
  std::string out;
  size_t i = 0;
  while (i < marks.size()) {
    size_t j = i;
    std::string run;
    while (j < marks.size() && marks[j] == marks[i]) {
      absl::StrAppend(&run, Glyph(marks[j]));
      ++j;
    }
    out += Paint(run, Colour(marks[i]), colour && marks[i] != Mark::kEmpty);
    i = j;
  }
  return out;
}

std::string TrimRight(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

// Tick steps from fine to coarse; the first whose labels fit is used.
enum class Unit : uint8_t { kDay, kMonth, kYear };
struct Step {
  Unit unit;
  int64_t count;
};
constexpr Step kSteps[] = {
    {Unit::kDay, 1},      {Unit::kDay, 2},     {Unit::kDay, 7},
    {Unit::kDay, 14},     {Unit::kMonth, 1},   {Unit::kMonth, 2},
    {Unit::kMonth, 3},    {Unit::kMonth, 6},   {Unit::kYear, 1},
    {Unit::kYear, 2},     {Unit::kYear, 5},    {Unit::kYear, 10},
    {Unit::kYear, 20},    {Unit::kYear, 50},   {Unit::kYear, 100},
    {Unit::kYear, 200},   {Unit::kYear, 500},  {Unit::kYear, 1000},
    {Unit::kYear, 2000},  {Unit::kYear, 5000}, {Unit::kYear, 10000},
    {Unit::kYear, 100000}};

int64_t Seconds(absl::CivilSecond c) {
  return absl::ToUnixSeconds(absl::FromCivil(c, absl::UTCTimeZone()));
}

struct Tick {
  int64_t at;
  std::string label;
};

// Ticks at whole days, months or years within [lo, hi].
std::vector<Tick> Ticks(const Step& step, int64_t lo, int64_t hi) {
  const absl::CivilSecond start =
      absl::ToCivilSecond(absl::FromUnixSeconds(lo), absl::UTCTimeZone());
  std::vector<Tick> ticks;
  auto add = [&](absl::CivilSecond c, std::string label) {
    int64_t t = Seconds(c);
    if (t >= lo && t <= hi) ticks.push_back({t, std::move(label)});
    return t <= hi && ticks.size() < 1000;
  };
  switch (step.unit) {
    case Unit::kDay:
      for (absl::CivilDay d(start); true; d += step.count) {
        if (!add(absl::CivilSecond(d),
                 absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(),
                                 d.day()))) {
          break;
        }
      }
      break;
    case Unit::kMonth: {
      absl::CivilMonth m(start);
      while ((m.month() - 1) % step.count != 0) ++m;
      for (; true; m += step.count) {
        if (!add(absl::CivilSecond(m),
                 absl::StrFormat("%04d-%02d", m.year(), m.month()))) {
          break;
        }
      }
      break;
    }
    case Unit::kYear: {
      absl::CivilYear y(start);
      while (y.year() % step.count != 0) ++y;
      for (; true; y += step.count) {
        if (!add(absl::CivilSecond(y), absl::StrCat(y.year()))) break;
      }
      break;
    }
  }
  return ticks;
}

size_t LabelWidth(Unit unit) {
  return unit == Unit::kDay ? 10 : unit == Unit::kMonth ? 7 : 4;
}

// The finest ticks whose labels fit side by side in n columns.
std::vector<Tick> ChooseTicks(int64_t lo, int64_t hi, size_t n) {
  constexpr double kDay = 86400, kMonth = 30.44 * kDay, kYear = 365.25 * kDay;
  for (const Step& step : kSteps) {
    double unit = step.unit == Unit::kDay     ? kDay
                  : step.unit == Unit::kMonth ? kMonth
                                              : kYear;
    double count = static_cast<double>(hi - lo) / (unit * step.count);
    if ((count + 1) * static_cast<double>(LabelWidth(step.unit) + 2) <=
        static_cast<double>(n)) {
      return Ticks(step, lo, hi);
    }
  }
  return {};
}

}  // namespace

std::vector<std::string> RenderTimeline(const std::vector<TimelineSpan>& spans,
                                        size_t width, bool colour) {
  if (spans.empty()) return {};
  width = std::max<size_t>(width, 30);
  // Lanes in order of first appearance, at most kMaxLanes of them.
  constexpr size_t kMaxLanes = 30;
  std::vector<std::string> lanes;
  std::set<std::string> seen;
  size_t hidden = 0;
  for (const auto& s : spans) {
    if (!seen.insert(s.lane).second) continue;
    if (lanes.size() < kMaxLanes) {
      lanes.push_back(s.lane);
    } else {
      ++hidden;
    }
  }
  const std::set<std::string> drawn(lanes.begin(), lanes.end());
  const std::string kChanges = "changes";
  size_t label = kChanges.size();
  for (const auto& l : lanes) label = std::max(label, DisplayWidth(l));
  label = std::min(label, std::max<size_t>(8, width / 3));
  const size_t cols = std::max<size_t>(10, width - label - 2);

  // The time range: every known end, with room for arrows of open ends.
  bool open_start = false, open_end = false, any = false;
  int64_t lo = 0, hi = 0;
  auto see = [&](int64_t t) {
    lo = any ? std::min(lo, t) : t;
    hi = any ? std::max(hi, t) : t;
    any = true;
  };
  for (const auto& s : spans) {
    if (drawn.count(s.lane) == 0) continue;
    if (s.from) see(s.from->seconds);
    if (s.from && Fuzzy(*s.from)) see(s.from->SpanEnd());
    if (s.to) see(s.to->seconds);
    if (s.to && Fuzzy(*s.to)) see(s.to->SpanEnd());
    open_start |= !s.from;
    open_end |= !s.to;
  }
  constexpr int64_t kYearSeconds = 31557600;
  if (!any) lo = 0, hi = kYearSeconds;
  if (hi - lo < 86400) lo -= kYearSeconds / 2, hi += kYearSeconds / 2;
  const int64_t pad = (hi - lo) / 20;
  if (open_start) lo -= pad;
  if (open_end) hi += pad;
  Scale scale{lo, hi, cols - 2};

  std::vector<std::string> lines;
  std::vector<Mark> changes(cols, Mark::kEmpty);
  for (const auto& lane_name : lanes) {
    std::vector<Mark> lane(cols, Mark::kEmpty);
    for (const auto& s : spans) {
      if (s.lane != lane_name) continue;
      // Solid where it holds for certain, shaded over uncertain ends.
      int64_t solid_from = s.from ? s.from->seconds : lo;
      int64_t solid_to = s.to ? s.to->seconds : hi;
      if (s.from && Fuzzy(*s.from)) solid_from = s.from->SpanEnd();
      size_t first = scale.Col(solid_from);
      if (solid_to > solid_from) {
        Fill(&lane, first, scale.LastCol(solid_to, first), Mark::kSolid);
      }
      if (s.from && Fuzzy(*s.from)) {
        size_t f = scale.Col(s.from->seconds);
        Fill(&lane, f, scale.LastCol(s.from->SpanEnd(), f), Mark::kFuzzy);
      }
      if (s.to && Fuzzy(*s.to)) {
        size_t f = scale.Col(s.to->seconds);
        Fill(&lane, f, scale.LastCol(s.to->SpanEnd(), f), Mark::kFuzzy);
      }
      if (!s.from || !s.to) {
        // Not a zero-width bar: at least its first column.
        if (lane[first] == Mark::kEmpty) lane[first] = Mark::kSolid;
      }
      if (!s.from) lane[0] = Mark::kLeft;
      if (!s.to) lane[cols - 1] = Mark::kRight;
      if (s.from) changes[scale.Col(s.from->seconds)] = Mark::kChange;
      if (s.to) changes[scale.Col(s.to->seconds)] = Mark::kChange;
      if (s.from && s.to && solid_to <= solid_from && !Fuzzy(*s.from) &&
          !Fuzzy(*s.to)) {
        lane[first] = Mark::kSolid;  // an instant or a day: one column
      }
    }
    std::string name = Truncate(lane_name, label);
    name.append(label - DisplayWidth(name), ' ');
    lines.push_back(TrimRight(name + "  " + Draw(lane, colour)));
  }
  lines.push_back(TrimRight(kChanges +
                            std::string(label - kChanges.size(), ' ') + "  " +
                            Draw(changes, colour)));

  // The axis: ticks under their columns, labels where they fit.
  std::vector<Tick> ticks = ChooseTicks(lo, hi, scale.n);
  std::string axis, labels;
  std::vector<bool> tick_at(cols, false);
  for (const Tick& t : ticks) tick_at[scale.Col(t.at)] = true;
  for (size_t c = 0; c < cols; ++c) {
    axis += tick_at[c] ? "\xE2\x94\xAC" : "\xE2\x94\x80";  // ┬ ─
  }
  size_t next_free = 0;
  for (const Tick& t : ticks) {
    size_t c = scale.Col(t.at);
    if (c < next_free || c + t.label.size() > cols) continue;
    labels.append(c - labels.size(), ' ');
    labels += t.label;
    next_free = c + t.label.size() + 1;
  }
  const std::string indent(label + 2, ' ');
  lines.push_back(indent + Paint(axis, kDim, colour));
  lines.push_back(TrimRight(indent + labels));
  if (hidden > 0) {
    lines.push_back(absl::StrCat(
        "(", hidden, hidden == 1 ? " value" : " values", " more, not drawn)"));
  }
  return lines;
}

}  // namespace annals::output
