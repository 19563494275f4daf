// A result's notices as a list; a nearest known name ("did you mean
// 'Russia'?") becomes a link to that entity's page.
import {h} from './dom.js';
import {entityHref} from './nav.js';

function notice(text) {
  const match = /^(.*did you mean ')(.+)('\?.*)$/s.exec(text);
  if (!match) return h('li', {}, text);
  return h('li', {}, match[1], h('a', {href: entityHref(match[2])}, match[2]), match[3]);
}

export function noticeList(notices) {
  if (!notices || notices.length === 0) return null;
  return h('ul', {class: 'notices'}, notices.map(notice));
}
