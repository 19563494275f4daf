// Building HTML and SVG nodes. Every name and value goes in as a text node
// (createTextNode) or an attribute, never as markup: data can not become
// HTML, whatever it holds. The page's Content-Security-Policy blocks inline
// handlers and style attributes, so an `on...` attribute must be a function
// (it becomes a listener) and `style` is refused: classes and style.css do
// the styling.
const SVG_NS = 'http://www.w3.org/2000/svg';

function setAttributes(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    const lower = key.toLowerCase();
    if (lower.startsWith('on')) {
      if (typeof value !== 'function') throw new TypeError(`${key}: not a function`);
      node.addEventListener(lower.slice(2), value);
    } else if (lower === 'style') {
      throw new TypeError('a style attribute (the CSP blocks it): use a class');
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

function appendChildren(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child
                                           : document.createTextNode(String(child)));
  }
}

// h('a', {href: '/x', class: 'y'}, 'text', otherNode): an HTML element.
export function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attrs);
  appendChildren(node, children);
  return node;
}

// s('rect', {x: 1}): an SVG element.
export function s(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttributes(node, attrs);
  appendChildren(node, children);
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}
