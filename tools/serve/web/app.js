// The explorer's entry point: reads the URL and draws its page into <main>.
//   /, /query[?q=STATEMENT]  the query page (query_page.js)
//   /entity/NAME             the entity's timelines (entity_page.js)
//   /graph/NAME[?at=&as_of=&path_to=]  its neighbourhood (graph_page.js)
import {clear, h} from './dom.js';
import {renderEntityPage} from './entity_page.js';
import {renderGraphPage} from './graph_page.js';
import {entityHref, go, setRouter} from './nav.js';
import {renderQueryPage} from './query_page.js';

function route() {
  const main = document.getElementById('app');
  clear(main);
  const path = location.pathname;
  const params = new URLSearchParams(location.search);
  const name = (prefix) => decodeURIComponent(path.slice(prefix.length));
  document.getElementById('nav-query').classList.toggle(
      'active', path === '/' || path === '/query');
  if (path === '/' || path === '/query') {
    document.title = 'Query · Annals';
    renderQueryPage(main, params);
  } else if (path.startsWith('/entity/')) {
    document.title = `${name('/entity/')} · Annals`;
    renderEntityPage(main, name('/entity/'));
  } else if (path.startsWith('/graph/')) {
    document.title = `${name('/graph/')} (graph) · Annals`;
    renderGraphPage(main, name('/graph/'), params);
  } else {
    main.append(h('p', {class: 'error'}, 'No such page: ', path));
  }
}

// Same-origin links to pages (not to /api or /assets) stay in the app.
document.addEventListener('click', (event) => {
  const link = event.target.closest('a');
  if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey ||
      event.metaKey || event.shiftKey || link.target) {
    return;
  }
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api') ||
      url.pathname.startsWith('/assets/')) {
    return;
  }
  event.preventDefault();
  go(url.pathname + url.search);
});

document.getElementById('goto').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.getElementById('goto-name');
  const name = input.value.trim();
  if (name) go(entityHref(name));
});

window.addEventListener('popstate', route);
setRouter(route);
route();
