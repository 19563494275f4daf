// The API's values (docs/http.md, "Values") as text and links: a number,
// boolean or string as itself, every other value by its `text`.
import {h} from './dom.js';
import {entityHref} from './nav.js';

export function valueText(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return String(value.text ?? '');
  return String(value);
}

export const isEntity = (value) =>
  value !== null && typeof value === 'object' && value.type === 'entity';

// A table cell's content: an entity links to its page.
export function valueNode(value) {
  if (isEntity(value)) {
    return h('a', {href: entityHref(value.text), class: 'entity'}, value.text);
  }
  const text = valueText(value);
  if (value === null) return h('span', {class: 'null'}, '—');
  const kind = typeof value === 'object' ? value.type : typeof value;
  return h('span', {class: `v-${kind}`}, text);
}

// A time value's [start, end) in seconds, or null.
export const span = (time) => (time ? {start: time.start, end: time.end} : null);
