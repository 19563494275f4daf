// The entity page (/entity/NAME): every claim of the entity from
// GET /api/entity/NAME drawn as timelines (timeline.js), with two sliders:
// AT (valid time) dims what does not hold that day, AS OF (transaction
// time) hides what was not yet recorded and marks what was retracted by
// then; a table lists what held (at most MAX_HELD rows). Click a bar for
// its provenance.
import {errorText, getJson, segment} from './api.js';
import {clear, h} from './dom.js';
import {graphHref} from './nav.js';
import {noticeList} from './notices.js';
import {resultTable} from './table.js';
import {DAY, dayOf, dayText, extent, holdsAt, recordedAsOf} from './time.js';
import {MAX_BARS, MAX_ROWS, drawTimeline, timeRange} from './timeline.js';
import {valueNode, valueText} from './values.js';

const MAX_HELD = 500;

function lanesOf(entity) {
  const lanes = new Map();
  const add = (key, title, incoming, claim, label) => {
    if (!lanes.has(key)) lanes.set(key, {key, title, incoming, items: []});
    lanes.get(key).items.push({claim, label});
  };
  for (const c of entity.claims) add(c.predicate, c.predicate, false, c, valueText(c.object));
  for (const c of entity.incoming) {
    add(`← ${c.predicate}`, `← ${c.predicate}`, true, c, valueText(c.subject));
  }
  // The same value said by several people: name who said each.
  for (const lane of lanes.values()) {
    const count = new Map();
    for (const item of lane.items) count.set(item.label, (count.get(item.label) || 0) + 1);
    for (const item of lane.items) {
      const who = item.claim.by || item.claim.source;
      if (count.get(item.label) > 1 && who) item.label += ` · ${who}`;
    }
  }
  return [...lanes.values()];
}

function details(claim) {
  const row = (name, value) => [h('dt', {}, name), h('dd', {}, value)];
  return h('div', {class: 'details'},
           h('h3', {}, claim.id.text, ' ', claim.predicate),
           h('dl', {},
             row('subject', valueNode(claim.subject)),
             row('value', valueNode(claim.object)),
             row('valid', claim.valid.text),
             row('source', claim.source || '—'),
             row('by', claim.by || '—'),
             row('confidence', String(claim.confidence)),
             row('recorded', claim.recorded.text),
             row('retracted', claim.retracted ? claim.retracted.text : '—'),
             claim.disputed_by.length ?
                 row('disputed by', claim.disputed_by.map((d) => d.text).join(', ')) : null));
}

function slider(id, label, min, max) {
  const input = h('input', {type: 'range', id, min, max, step: 1, value: max,
                            'aria-label': label});
  const value = h('output', {id: `${id}-value`, for: id});
  const reset = h('button', {type: 'button', id: `${id}-reset`, class: 'small'});
  const box = h('div', {class: 'slider'}, h('label', {for: id}, label), input, value, reset);
  return {box, input, value, reset};
}

// `signal` aborts when the reader moves on: nothing is drawn after that.
export async function renderEntityPage(main, name, signal) {
  main.append(h('p', {class: 'muted'}, 'Loading ', name, '…'));
  let entity;
  try {
    entity = await getJson(`/api/entity/${segment(name)}`, null, signal);
  } catch (e) {
    if (signal.aborted) return;
    clear(main);
    main.append(h('h1', {}, name), h('p', {class: 'error-box', role: 'alert'}, errorText(e)));
    return;
  }
  if (signal.aborted) return;
  clear(main);
  const claims = [...entity.claims, ...entity.incoming];
  main.append(h('div', {class: 'page-head'},
                h('h1', {}, name),
                h('a', {href: graphHref(name), class: 'button-link'}, 'Neighbourhood graph →')));
  if (entity.notices.length) main.append(noticeList(entity.notices));
  if (claims.length === 0) {
    main.append(h('p', {class: 'muted'}, 'No claims.'));
    return;
  }
  const range = timeRange(claims);
  const recorded = extent(claims.flatMap((c) => [c.recorded.start, c.retracted?.start])
                                .filter((t) => t !== undefined && t !== null));
  const at = slider('at-slider', 'AT', dayOf(range.lo), dayOf(range.hi));
  const asOf = slider('as-of-slider', 'AS OF', dayOf(recorded.lo) - 1, dayOf(recorded.hi));
  at.reset.textContent = 'All time';
  asOf.reset.textContent = 'Now';
  const disputedCount = claims.filter((c) => c.disputed_by.length).length;
  const retractedCount = claims.filter((c) => c.retracted).length;
  const summary = h('p', {class: 'summary'},
                    `${entity.claims.length} claims about ${name}, ${entity.incoming.length} `,
                    `naming it · ${disputedCount} disputed · ${retractedCount} retracted`);
  const legend = h('div', {class: 'legend'},
                   h('span', {class: 'key key-open'}, 'open end'),
                   h('span', {class: 'key key-fade'}, 'imprecise end'),
                   h('span', {class: 'key key-disputed'}, 'disputed'),
                   h('span', {class: 'key key-retracted'}, 'retracted'),
                   h('span', {class: 'key key-dim'}, 'not holding at AT'));
  const chart = h('div', {class: 'chart'});
  const notDrawn = h('p', {class: 'muted', id: 'not-drawn', hidden: true});
  const held = h('div', {id: 'holding'});
  const panel = h('div', {id: 'details'}, h('p', {class: 'muted'},
                                             'Hover a bar for its provenance; click it for details.'));
  main.append(summary, h('div', {class: 'sliders'}, at.box, asOf.box), legend, chart, notDrawn, panel,
              held);
  if (entity.disputes && entity.disputes.rows.length) {
    main.append(h('h2', {}, 'Disputes'), resultTable(entity.disputes));
  }

  const state = {at: null, asOf: null};
  let timeline = null;
  const select = (claim) => panel.replaceChildren(details(claim));

  function heldTable() {
    if (state.at === null) {
      held.replaceChildren();
      return;
    }
    const all = claims.filter((c) => recordedAsOf(c, state.asOf) === 'recorded' &&
                                     holdsAt(c, state.at) !== '');
    const rows = all.slice(0, MAX_HELD);
    held.replaceChildren(
        h('h2', {}, `What held at ${dayText(state.at)}, `,
          state.asOf === null ? 'as currently recorded'
                              : `as recorded by the end of ${dayText(state.asOf)}`),
        rows.length === 0 ? h('p', {class: 'muted'}, 'Nothing.') :
        h('div', {class: 'table-box'}, h('table', {class: 'result held'},
          h('thead', {}, h('tr', {}, ['subject', 'predicate', 'value', 'valid', 'certainty']
                                   .map((c) => h('th', {}, c)))),
          h('tbody', {}, rows.map((c) => h('tr', {'data-claim': c.id.id},
              h('td', {}, valueNode(c.subject)), h('td', {}, c.predicate),
              h('td', {class: 'value'}, valueNode(c.object)), h('td', {}, c.valid.text),
              h('td', {}, holdsAt(c, state.at))))))),
        all.length > rows.length ?
            h('p', {class: 'muted', id: 'holding-more'},
              `and ${all.length - rows.length} more (the first ${MAX_HELD} are listed)`) : null);
  }

  function refresh() {
    at.value.textContent = state.at === null ? 'all valid time' : dayText(state.at);
    asOf.value.textContent = state.asOf === null ? 'as currently recorded'
                                                 : `as recorded by ${dayText(state.asOf)}`;
    at.reset.disabled = state.at === null;
    asOf.reset.disabled = state.asOf === null;
    if (timeline) timeline.update(state.at, state.asOf);
    heldTable();
  }

  function draw() {
    const width = Math.max(300, chart.clientWidth);
    timeline = drawTimeline(lanesOf(entity), range, width, select);
    chart.replaceChildren(timeline.svg);
    notDrawn.hidden = timeline.hidden === 0;
    notDrawn.textContent = `${timeline.hidden} of ${claims.length} claims are not drawn ` +
        `(a lane stacks at most ${MAX_ROWS} rows, the chart holds at most ${MAX_BARS} ` +
        'bars); the table under AT lists what held, and HISTORY on the query page ' +
        'lists every claim.';
    refresh();
  }

  at.input.addEventListener('input', () => {
    state.at = Number(at.input.value) * DAY;
    refresh();
  });
  at.reset.addEventListener('click', () => {
    state.at = null;
    at.input.value = at.input.max;
    refresh();
  });
  asOf.input.addEventListener('input', () => {
    const day = Number(asOf.input.value);
    state.asOf = day >= Number(asOf.input.max) ? null : day * DAY;
    refresh();
  });
  asOf.reset.addEventListener('click', () => {
    state.asOf = null;
    asOf.input.value = asOf.input.max;
    refresh();
  });
  let lastWidth = 0;
  const observer = new ResizeObserver(() => {
    if (Math.abs(chart.clientWidth - lastWidth) > 4) {
      lastWidth = chart.clientWidth;
      draw();
    }
  });
  observer.observe(chart);
  signal.addEventListener('abort', () => observer.disconnect(), {once: true});
  lastWidth = chart.clientWidth;
  draw();
}
