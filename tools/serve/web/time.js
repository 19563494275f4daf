// Times as the pages use them: seconds since 1970 (UTC), days, and what a
// claim's valid time and record say at a chosen AT and AS OF.
export const DAY = 86400;

export const YEAR = 365.2425 * DAY;  // on average

const pad = (n) => String(n).padStart(2, '0');
const yearText = (y) => (y < 0 ? `-${String(-y).padStart(4, '0')}` : String(y).padStart(4, '0'));

// `seconds` as a Date, or null beyond what a Date holds (about 275,000
// years either side of 1970; the store holds times further out).
function utc(seconds) {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date;
}

// The year that `seconds` falls in, roughly (for times beyond a Date).
export const yearOf = (seconds) => Math.floor(1970 + seconds / YEAR);

// 2025-09-02, -0431-03-15; "about 300000" beyond what a Date holds.
export function dayText(seconds) {
  const d = utc(seconds);
  if (d === null) return `about ${yearOf(seconds)}`;
  return `${yearText(d.getUTCFullYear())}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

// 2025-09.
export function monthText(seconds) {
  const d = utc(seconds);
  if (d === null) return `about ${yearOf(seconds)}`;
  return `${yearText(d.getUTCFullYear())}-${pad(d.getUTCMonth() + 1)}`;
}

// The start of month `month` (0-based; 12 is the next January) of `year`
// in seconds: years 0-99 are those years (Date.UTC reads them as 19xx);
// NaN beyond what a Date holds.
export function monthStart(year, month) {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 1);
  return d.getTime() / 1000;
}
export const dayOf = (seconds) => Math.floor(seconds / DAY);

// Does `claim` hold on the day [at, at + DAY)? 'certain' when its whole
// uncertain start lies before the day's end and its end after; 'possible'
// when it may hold some time that day (a year-precision start may be any
// day of its year); '' when it does not.
export function holdsAt(claim, at) {
  const end = at + DAY;
  const from = claim.valid.from;
  const to = claim.valid.to;
  const possible = (!from || from.start < end) && (!to || to.end > at);
  if (!possible) return '';
  const certain = (!from || from.end <= end) && (!to || to.start >= end);
  return certain ? 'certain' : 'possible';
}

// What was believed as of the end of the day `asOf` (null: now):
// 'recorded', 'retracted' (recorded, then retracted by then) or 'unrecorded'.
export function recordedAsOf(claim, asOf) {
  const retracted = claim.retracted ? claim.retracted.start : null;
  if (asOf === null) return retracted === null ? 'recorded' : 'retracted';
  const end = asOf + DAY;
  if (claim.recorded.start >= end) return 'unrecorded';
  if (retracted !== null && retracted < end) return 'retracted';
  return 'recorded';
}

// The smallest and largest of `numbers` ({lo, hi}; null when there are
// none), by a loop: Math.min(...numbers) throws a RangeError beyond about
// 100,000 arguments, and an entity may have more times than that.
export function extent(numbers) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const n of numbers) {
    if (n < lo) lo = n;
    if (n > hi) hi = n;
  }
  return lo <= hi ? {lo, hi} : null;
}
