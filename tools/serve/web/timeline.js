// The entity page's timelines as SVG: one lane per predicate (incoming
// claims in lanes of their own, marked ←), a bar per claim with its value
// written on it. An open end fades out to the edge with an arrow; an
// imprecise end (a year, a month) fades over the span it may lie in;
// a disputed claim has a red outline and a `!` badge; a <title> gives the
// provenance on hover. update() restyles the bars for an AT and AS OF.
// A huge entity stays drawable: a lane stacks at most MAX_ROWS rows and the
// chart holds at most MAX_BARS bars; what does not fit is counted and said
// ("+N more not drawn"), never drawn.
import {s} from './dom.js';
import {DAY, YEAR, dayText, extent, holdsAt, monthStart, monthText, recordedAsOf,
        yearOf} from './time.js';

const PALETTE = ['#2563eb', '#0d9488', '#9333ea', '#c2410c', '#0891b2', '#4d7c0f',
                 '#be185d', '#6d28d9', '#b45309', '#047857'];
const BAR = 24;       // bar height
const ROW_GAP = 6;
const LANE_GAP = 14;
const AXIS = 40;      // the axis row at the top: the AT label, then the ticks
const CHAR = 7.2;     // estimated width of a label character
const FADE = 36;      // the fade of an open end
const MORE = 16;      // the height of a lane's "+N more" line
export const MAX_ROWS = 8;
export const MAX_BARS = 1000;

// The claims' time range [lo, hi] in seconds, padded.
export function timeRange(claims) {
  const times = [];
  let openEnd = false;
  for (const c of claims) {
    for (const t of [c.valid.from, c.valid.to]) {
      if (t) times.push(t.start, t.end);
    }
    if (!c.valid.to) openEnd = true;
  }
  if (openEnd) times.push(Date.now() / 1000);
  let {lo, hi} = extent(times) || extent(claims.map((c) => c.recorded.start));
  if (hi - lo < 365 * DAY) {
    const mid = (lo + hi) / 2;
    lo = mid - 183 * DAY;
    hi = mid + 183 * DAY;
  }
  const pad = (hi - lo) * 0.05;
  return {lo: lo - pad, hi: hi + pad};
}

// A step of 1, 2 or 5 times a power of ten, at least `x` (and at least 1).
function niceStep(x) {
  if (!(x > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= x);
}

// The axis' ticks over [lo, hi]: months or years, about one per 90 px. Far
// times (beyond what a Date holds) are placed by the average year, so
// every loop ends.
function ticks(lo, hi, width) {
  const years = (hi - lo) / YEAR;
  const wanted = Math.max(2, Math.floor(width / 90));
  const out = [];
  const first = yearOf(lo) - 1;
  if (years / wanted < 0.9) {  // months
    const step = [1, 2, 3, 6].find((m) => years * 12 / m <= wanted) || 12;
    for (let m = 0; ; m += step) {
      const t = monthStart(first, m);
      if (!Number.isFinite(t) || t > hi) break;
      if (t >= lo) out.push({t, text: monthText(t)});
    }
  } else {
    const step = niceStep(years / wanted);
    for (let y = Math.ceil(first / step) * step; ; y += step) {
      const exact = monthStart(y, 0);
      const t = Number.isFinite(exact) ? exact : (y - 1970) * YEAR;
      if (t > hi) break;
      if (t >= lo) out.push({t, text: String(y)});
    }
  }
  return out;
}

function provenance(c, disputed) {
  const lines = [
    `${c.id.text}  ${c.predicate} = ${c.object.text ?? c.object}`,
    `valid ${c.valid.text}`,
    `source: ${c.source || '—'}`,
    `by: ${c.by || '—'}`,
    `confidence: ${c.confidence}`,
    `recorded: ${c.recorded.text}`,
    `retracted: ${c.retracted ? c.retracted.text : '—'}`,
  ];
  if (disputed) lines.push(`disputed by ${c.disputed_by.map((d) => d.text).join(', ')}`);
  return lines.join('\n');
}

// Lanes of {key, title, incoming, items: [{claim, label}]}: each lane gets
// `shown`, the items that fit (each given its x extent and row), `hidden`,
// how many did not, and `rows`.
function layout(lanes, x, labelRoom) {
  let budget = MAX_BARS;
  for (const lane of lanes) {
    const rowEnds = [];
    lane.shown = [];
    lane.hidden = 0;
    for (const item of lane.items) {
      if (budget === 0) {
        lane.hidden++;
        continue;
      }
      const c = item.claim;
      item.x1 = c.valid.from ? x(c.valid.from.start) : x.left;
      item.x2 = Math.max(c.valid.to ? x(c.valid.to.end) : x.right, item.x1 + 8);
      const labelWidth = item.label.length * CHAR + 14;
      item.inside = item.x2 - item.x1 >= labelWidth + (c.valid.from ? 0 : FADE);
      item.labelX = item.inside ? item.x1 + (c.valid.from ? 0 : FADE) + 7 : item.x2 + 5;
      if (!item.inside && item.labelX + labelWidth > labelRoom) {
        item.labelX = item.x1 - 5;
        item.anchorEnd = true;
      }
      const start = item.anchorEnd ? item.x1 - labelWidth : item.x1;
      const end = item.inside || item.anchorEnd ? item.x2 : item.x2 + labelWidth;
      let row = rowEnds.findIndex((e) => e <= start + 3);
      if (row < 0) {
        if (rowEnds.length === MAX_ROWS) {
          lane.hidden++;
          continue;
        }
        row = rowEnds.length;
      }
      rowEnds[row] = end;
      item.row = row;
      lane.shown.push(item);
      budget--;
    }
    lane.rows = Math.max(1, rowEnds.length);
  }
}

function gradient(id, item, colour, x) {
  const c = item.claim;
  const {x1, x2} = item;
  const width = x2 - x1;
  const at = (px) => Math.min(1, Math.max(0, (px - x1) / width));
  const stops = [];
  if (!c.valid.from) {
    stops.push([0, 0.04], [at(x1 + FADE), 0.32]);
  } else {
    stops.push([0, 0.12], [at(x(c.valid.from.end)), 0.32]);
  }
  if (!c.valid.to) {
    stops.push([at(x2 - FADE), 0.32], [1, 0.04]);
  } else {
    stops.push([at(x(c.valid.to.start)), 0.32], [1, 0.12]);
  }
  return s('linearGradient', {id, gradientUnits: 'userSpaceOnUse', x1, x2, y1: 0, y2: 0},
           stops.map(([offset, opacity]) =>
               s('stop', {offset, 'stop-color': colour, 'stop-opacity': opacity})));
}

// Draws the lanes into a new <svg> `width` wide; returns {svg, update,
// hidden} (hidden: how many claims were not drawn). onSelect(claim) is
// called when a bar is clicked.
export function drawTimeline(lanes, range, width, onSelect) {
  const narrow = width < 600;
  const labelWidth = narrow ? 0 : Math.min(200, width * 0.22);
  const left = labelWidth + 8;
  const right = width - 10;
  const x = (t) => left + (t - range.lo) / (range.hi - range.lo) * (right - left);
  x.left = left;
  x.right = right;
  layout(lanes, x, right);

  const defs = s('defs');
  const body = s('g');
  const grid = s('g', {class: 'grid'});
  let y = AXIS;
  let index = 0;
  const bars = [];
  let hidden = 0;
  lanes.forEach((lane, laneIndex) => {
    hidden += lane.hidden;
    if (lane.shown.length === 0) return;  // past MAX_BARS: not even its lane
    const colour = lane.incoming ? '#64748b' : PALETTE[laneIndex % PALETTE.length];
    const head = narrow ? 18 : 0;
    const rowsHeight = lane.rows * (BAR + ROW_GAP) - ROW_GAP;
    const height = head + rowsHeight + (lane.hidden ? MORE : 0);
    const group = s('g', {class: 'lane', 'data-predicate': lane.key});
    group.append(s('rect', {class: 'lane-bg', x: 0, y: y - 5, width, height: height + 10}));
    const title = s('text', {class: 'lane-title', x: narrow ? 4 : 4,
                             y: narrow ? y + 12 : y + BAR / 2 + 4},
                    lane.title);
    title.append(s('title', {}, lane.title));
    group.append(title);
    if (lane.hidden) {
      group.append(s('text', {class: 'lane-more', x: left, y: y + head + rowsHeight + MORE - 3},
                     `+${lane.hidden} more not drawn`));
    }
    for (const item of lane.shown) {
      const c = item.claim;
      const top = y + head + item.row * (BAR + ROW_GAP);
      const id = `g${index++}`;
      defs.append(gradient(id, item, colour, x));
      const disputed = c.disputed_by && c.disputed_by.length > 0;
      const bar = s('g', {class: `bar${disputed ? ' disputed' : ''}`,
                          'data-claim': c.id.id, tabindex: 0,
                          onclick: () => onSelect(c),
                          onkeydown: (e) => { if (e.key === 'Enter') onSelect(c); }});
      bar.append(s('title', {}, provenance(c, disputed)));
      bar.append(s('rect', {class: 'bar-fill', x: item.x1, y: top, width: item.x2 - item.x1,
                            height: BAR, rx: 4, fill: `url(#${id})`}));
      if (c.valid.from) {
        const solid = Math.max(item.x1, Math.min(x(c.valid.from.end), item.x2) - 3);
        bar.append(s('rect', {x: solid, y: top, width: 3, height: BAR, fill: colour}));
      }
      if (!c.valid.to) {
        bar.append(s('path', {class: 'open-end', fill: colour,
                              d: `M${item.x2 - 8},${top + 5} L${item.x2},${top + BAR / 2} ` +
                                 `L${item.x2 - 8},${top + BAR - 5} Z`}));
      }
      if (!c.valid.from) {
        bar.append(s('path', {class: 'open-end', fill: colour,
                              d: `M${item.x1 + 8},${top + 5} L${item.x1},${top + BAR / 2} ` +
                                 `L${item.x1 + 8},${top + BAR - 5} Z`}));
      }
      if (disputed) {
        bar.append(s('rect', {class: 'dispute-outline', x: item.x1, y: top,
                              width: item.x2 - item.x1, height: BAR, rx: 4}));
        bar.append(s('circle', {class: 'dispute-badge', cx: item.x2 - 1, cy: top, r: 7}));
        bar.append(s('text', {class: 'dispute-mark', x: item.x2 - 1, y: top + 4}, '!'));
      }
      bar.append(s('text', {class: 'bar-label', x: item.labelX, y: top + BAR / 2 + 4.5,
                            'text-anchor': item.anchorEnd ? 'end' : 'start'}, item.label));
      group.append(bar);
      bars.push({node: bar, claim: c});
    }
    body.append(group);
    y += height + LANE_GAP;
  });
  const height = y;
  for (const tick of ticks(range.lo, range.hi, right - left)) {
    grid.append(s('line', {x1: x(tick.t), x2: x(tick.t), y1: AXIS - 6, y2: height}));
    grid.append(s('text', {class: 'tick', x: x(tick.t), y: AXIS - 10}, tick.text));
  }
  const cursor = s('g', {class: 'cursor', visibility: 'hidden'});
  const cursorLine = s('line', {y1: AXIS - 6, y2: height});
  const cursorText = s('text', {class: 'cursor-label', y: 12});
  cursor.append(cursorLine, cursorText);
  const svg = s('svg', {class: 'timeline', width, height, viewBox: `0 0 ${width} ${height}`,
                        role: 'img', 'aria-label': 'timelines of the claims'},
                defs, grid, body, cursor);

  // at, asOf: day starts in seconds, or null (all valid time; now).
  function update(at, asOf) {
    for (const {node, claim} of bars) {
      const record = recordedAsOf(claim, asOf);
      const holds = at === null ? 'certain' : holdsAt(claim, at);
      const state = record !== 'recorded' ? record
                  : holds === 'certain' ? 'holds' : holds === 'possible' ? 'possibly' : 'not-held';
      node.setAttribute('class', `bar ${state}${node.classList.contains('disputed') ? ' disputed' : ''}`);
      node.setAttribute('data-state', state);
    }
    cursor.setAttribute('visibility', at === null ? 'hidden' : 'visible');
    if (at !== null) {
      const cx = x(at + DAY / 2);
      cursorLine.setAttribute('x1', cx);
      cursorLine.setAttribute('x2', cx);
      cursorText.setAttribute('x', Math.min(Math.max(cx, left + 34), right - 34));
      cursorText.textContent = `AT ${dayText(at)}`;
    }
  }
  return {svg, update, hidden};
}
