// The graph page (/graph/NAME?at=&as_of=&path_to=): the entity's
// neighbourhood at a time (GET /api/neighbourhood) as a graph (graph.js);
// click a node to walk to it. "Path to" asks GET /api/path and draws the
// hops highlighted on the graph, and lists them.
import {errorText, getJson, segment} from './api.js';
import {h} from './dom.js';
import {drawGraph} from './graph.js';
import {entityHref, go, graphHref} from './nav.js';
import {noticeList} from './notices.js';
import {valueNode, valueText} from './values.js';

function pathHops(result) {
  const col = (name) => result.columns.indexOf(name);
  return result.rows.map((row) => ({
    subject: valueText(row[col('subject')]),
    predicate: valueText(row[col('predicate')]),
    object: valueText(row[col('object')]),
    valid: valueText(row[col('valid')]),
  }));
}

// `signal` aborts when the reader moves on (another entity, another AT or
// AS OF): nothing is drawn after that.
export async function renderGraphPage(main, name, params, signal) {
  const view = {at: params.get('at') || '', as_of: params.get('as_of') || ''};
  const pathTo = params.get('path_to') || '';
  const input = (id, label, value, placeholder) =>
      h('label', {}, label, h('input', {id, name: id, value, placeholder, size: 14}));
  const form = h('form', {class: 'graph-controls', onsubmit: (event) => {
    event.preventDefault();
    const value = (id) => form.querySelector(`#${id}`).value.trim();
    go(graphHref(name, {at: value('graph-at'), as_of: value('graph-as-of'),
                        path_to: value('path-to')}));
  }},
                 input('graph-at', 'AT ', view.at, 'now'),
                 input('graph-as-of', 'AS OF ', view.as_of, 'now'),
                 input('path-to', 'PATH to ', pathTo, 'another entity'),
                 h('button', {type: 'submit', class: 'primary', id: 'draw'}, 'Draw'));
  main.append(h('div', {class: 'page-head'}, h('h1', {}, name),
                h('a', {href: entityHref(name), class: 'button-link'}, 'Timelines →')),
              form);
  const status = h('p', {class: 'muted'}, 'Loading…');
  main.append(status);
  let hood;
  let path = null;
  try {
    hood = await getJson(`/api/neighbourhood/${segment(name)}`, view, signal);
    if (pathTo && !signal.aborted) {
      path = await getJson('/api/path', {from: name, to: pathTo, max: 6, ...view}, signal);
    }
  } catch (e) {
    if (!signal.aborted) {
      status.replaceWith(h('div', {class: 'error-box', role: 'alert'}, errorText(e)));
    }
    return;
  }
  if (signal.aborted) return;
  const hops = path ? pathHops(path) : [];
  const edges = hood.edges.map((e) => ({subject: e.subject.text, object: e.object.text,
                                        predicate: e.predicate, path: false}));
  for (const hop of hops) {
    const same = edges.find((e) => e.subject === hop.subject && e.object === hop.object &&
                                   e.predicate === hop.predicate);
    if (same) same.path = true;
    else edges.push({...hop, path: true});
  }
  const pathNodes = hops.flatMap((hop, i) => (i === 0 ? [hop.subject, hop.object] : [hop.object]));
  const rest = hood.nodes.map((n) => n.text).sort((a, b) => a.localeCompare(b));
  const order = [...new Set([name, ...pathNodes, ...rest])];
  const info = h('p', {class: 'view-line'}, hood.view,
                 ` · ${order.length - 1} neighbour${order.length === 2 ? '' : 's'}`);
  status.replaceWith(info);
  const notices = noticeList([...hood.notices, ...(path ? path.notices : [])]);
  if (notices) main.append(notices);
  const chart = h('div', {class: 'chart'});
  main.append(chart);
  const walk = (node) => go(graphHref(node, {at: view.at, as_of: view.as_of}));
  const draw = () => chart.replaceChildren(
      drawGraph(name, order, edges, Math.max(300, chart.clientWidth), walk));
  draw();
  let lastWidth = chart.clientWidth;
  const observer = new ResizeObserver(() => {
    if (Math.abs(chart.clientWidth - lastWidth) > 4) {
      lastWidth = chart.clientWidth;
      draw();
    }
  });
  observer.observe(chart);
  signal.addEventListener('abort', () => observer.disconnect(), {once: true});

  if (path) {
    main.append(h('h2', {}, `PATH ${name} TO ${pathTo}`));
    main.append(hops.length === 0 ?
        h('p', {class: 'muted', id: 'path-none'}, 'No path within 6 hops in this view.') :
        h('ol', {class: 'path-list', id: 'path-list'}, hops.map((hop) => h('li', {},
            h('a', {href: entityHref(hop.subject)}, hop.subject), ' ',
            h('span', {class: 'predicate'}, hop.predicate), ' ',
            h('a', {href: entityHref(hop.object)}, hop.object), ' ',
            h('span', {class: 'muted'}, hop.valid)))));
  }
  if (hood.attributes.length) {
    main.append(h('h2', {}, 'Values'), h('div', {class: 'table-box'},
        h('table', {class: 'result'},
          h('thead', {}, h('tr', {}, ['subject', 'predicate', 'value', 'valid'].map((c) => h('th', {}, c)))),
          h('tbody', {}, hood.attributes.map((c) => h('tr', {},
              h('td', {}, valueNode(c.subject)), h('td', {}, c.predicate),
              h('td', {}, valueNode(c.object)), h('td', {}, c.valid.text)))))));
  }
}
