// The neighbourhood graph as SVG, laid out by hand: the entity in the
// middle, the other nodes on a ring around it (two rings when crowded; the
// nodes of a PATH first and in order, so that the path runs round the ring),
// claims as labelled arrows from subject to object, a PATH's hops drawn
// highlighted. Clicking a node calls onNode(name).
import {s} from './dom.js';

function place(center, names, width, height) {
  const cx = width / 2;
  const cy = height / 2;
  const narrow = width < 600;
  // An ellipse that fills the box, with room for the labels.
  const rx = width / 2 - (narrow ? 58 : 175);
  const ry = height / 2 - (narrow ? 34 : 30);
  const positions = new Map([[center, {x: cx, y: cy, angle: 0}]]);
  const others = names.filter((n) => n !== center);
  const crowded = !narrow && others.length > 14;
  others.forEach((name, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, others.length);
    const k = crowded && i % 2 === 1 ? 0.66 : 1;
    positions.set(name, {x: cx + k * rx * Math.cos(angle), y: cy + k * ry * Math.sin(angle), angle});
  });
  return positions;
}

// `edges`: [{subject, object, predicate, path}] (names); `order`: the node
// names, center first.
export function drawGraph(center, order, edges, width, onNode) {
  const height = width < 600 ? Math.round(width * 1.5) : Math.min(600, Math.round(width * 0.55));
  const positions = place(center, order, width, height);
  const defs = s('defs', {},
                 ['arrow', 'arrow-path'].map((id) =>
                     s('marker', {id, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7,
                                  markerHeight: 7, orient: 'auto-start-reverse'},
                       s('path', {d: 'M0,0 L10,5 L0,10 z', class: `${id}-head`}))));
  // One line per pair of nodes, its predicates joined.
  const pairs = new Map();
  for (const e of edges) {
    const key = [e.subject, e.object].sort().join('\u0000');
    if (!pairs.has(key)) pairs.set(key, {from: e.subject, to: e.object, labels: [], path: false});
    const pair = pairs.get(key);
    const forward = pair.from === e.subject;
    const label = forward ? e.predicate : `← ${e.predicate}`;
    if (!pair.labels.includes(label)) pair.labels.push(label);
    pair.path = pair.path || e.path;
  }
  const lines = s('g', {class: 'edges'});
  const labels = s('g', {class: 'edge-labels'});
  for (const pair of pairs.values()) {
    const a = positions.get(pair.from);
    const b = positions.get(pair.to);
    if (!a || !b) continue;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length = Math.hypot(dx, dy) || 1;
    const ra = pair.from === center ? 16 : 11;
    const rb = pair.to === center ? 16 : 11;
    const cls = pair.path ? 'edge path' : 'edge';
    lines.append(s('line', {class: cls, x1: a.x + dx / length * ra, y1: a.y + dy / length * ra,
                            x2: b.x - dx / length * rb, y2: b.y - dy / length * rb,
                            'marker-end': `url(#${pair.path ? 'arrow-path' : 'arrow'})`}));
    const shown = pair.labels.length > 2 ?
        [...pair.labels.slice(0, 2), `+${pair.labels.length - 2} more`] : pair.labels;
    // Labels 60% of the way out from the centre, away from its crowd.
    const t = pair.to === center ? 0.4 : 0.6;
    const text = s('text', {class: pair.path ? 'edge-label path' : 'edge-label',
                            x: a.x + dx * t, y: a.y + dy * t});
    shown.forEach((line, i) => text.append(
        s('tspan', {x: a.x + dx * t, dy: i === 0 ? -(shown.length - 1) * 6 : 12}, line)));
    text.append(s('title', {}, pair.labels.join('\n')));
    labels.append(text);
  }
  const nodes = s('g', {class: 'nodes'});
  const onPath = new Set(edges.filter((e) => e.path).flatMap((e) => [e.subject, e.object]));
  for (const [name, p] of positions) {
    const isCenter = name === center;
    const right = Math.cos(p.angle) >= -0.01;
    const node = s('g', {class: `node${isCenter ? ' center' : ''}${onPath.has(name) ? ' on-path' : ''}`,
                         'data-name': name, tabindex: 0, role: 'link',
                         onclick: () => onNode(name),
                         onkeydown: (e) => { if (e.key === 'Enter') onNode(name); }});
    node.append(s('title', {}, name));
    node.append(s('circle', {cx: p.x, cy: p.y, r: isCenter ? 14 : 9}));
    const narrow = width < 600;
    const max = narrow ? 16 : 24;
    const chars = Array.from(name);  // by code point: never half a surrogate pair
    const short = chars.length > max ? `${chars.slice(0, max - 2).join('')}…` : name;
    if (isCenter) {
      node.append(s('text', {class: 'node-label', x: p.x, y: p.y + 32, 'text-anchor': 'middle'}, name));
    } else if (narrow) {  // under the node: a phone has no room beside it
      node.append(s('text', {class: 'node-label', x: p.x, y: p.y + 22, 'text-anchor': 'middle'},
                    short));
    } else {
      node.append(s('text', {class: 'node-label', x: p.x + (right ? 13 : -13), y: p.y + 4,
                             'text-anchor': right ? 'start' : 'end'}, short));
    }
    nodes.append(node);
  }
  return s('svg', {class: 'graph', width, height, viewBox: `0 0 ${width} ${height}`,
                   role: 'img', 'aria-label': `the neighbourhood of ${center}`},
           defs, lines, labels, nodes);
}
