// Times as the pages use them: seconds since 1970 (UTC), days, and what a
// claim's valid time and record say at a chosen AT and AS OF.
export const DAY = 86400;

export const dayText = (seconds) => new Date(seconds * 1000).toISOString().slice(0, 10);
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
