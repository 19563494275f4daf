// A result ({columns, rows}) as a table inside a box that scrolls
// sideways on its own, so that a wide result never widens the page.
import {h} from './dom.js';
import {valueNode} from './values.js';

export function resultTable(result, className) {
  const head = h('tr', {}, result.columns.map((c) => h('th', {scope: 'col'}, c)));
  const body = result.rows.map((row) =>
      h('tr', {}, row.map((value) => h('td', {}, valueNode(value)))));
  return h('div', {class: 'table-box'},
           h('table', {class: `result ${className || ''}`}, h('thead', {}, head),
             h('tbody', {}, body)));
}
