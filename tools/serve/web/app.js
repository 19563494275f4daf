// The explorer's entry point: reads the URL and draws its page into <main>.
//   /, /query[?q=STATEMENT]  the query page (query_page.js)
//   /entity/NAME             the entity's timelines (entity_page.js)
//   /graph/NAME[?at=&as_of=&path_to=]  its neighbourhood (graph_page.js)
// Each page drawn gets an AbortSignal that aborts when the next navigation
// starts: its fetches stop, its observers disconnect, and an answer that
// still comes in is dropped rather than drawn over the newer page.
import {clear, h} from './dom.js';
import {renderEntityPage} from './entity_page.js';
import {renderGraphPage} from './graph_page.js';
import {entityHref, go, setRouter} from './nav.js';
import {renderQueryPage} from './query_page.js';

let shown = null;  // the AbortController of the page on screen

function failure(message, ...detail) {
  return h('div', {class: 'error-box', role: 'alert'},
           h('p', {class: 'error-message'}, message), detail.length ? h('p', {}, detail) : null);
}

// The NAME of /entity/NAME, or null when its %-escapes are not UTF-8.
function decodeName(path, prefix) {
  try {
    return decodeURIComponent(path.slice(prefix.length));
  } catch (e) {
    if (e instanceof URIError) return null;
    throw e;
  }
}

function draw(main, path, params, signal) {
  const prefix = ['/entity/', '/graph/'].find((p) => path.startsWith(p));
  const name = prefix ? decodeName(path, prefix) : null;
  if (prefix && name === null) {
    document.title = 'Not a valid address · Annals';
    main.append(failure(`Not a valid address: ${path}`,
                        'A name in it must be URL-encoded UTF-8, as in ',
                        h('code', {}, '/entity/Power%20of%20Siberia%202'), '.'));
    return null;
  }
  if (path === '/' || path === '/query') {
    document.title = 'Query · Annals';
    return renderQueryPage(main, params, signal);
  }
  if (prefix === '/entity/') {
    document.title = `${name} · Annals`;
    return renderEntityPage(main, name, signal);
  }
  if (prefix === '/graph/') {
    document.title = `${name} (graph) · Annals`;
    return renderGraphPage(main, name, params, signal);
  }
  document.title = 'No such page · Annals';
  main.append(failure(`No such page: ${path}`));
  return null;
}

function route() {
  if (shown) shown.abort();
  shown = new AbortController();
  const {signal} = shown;
  const main = document.getElementById('app');
  clear(main);
  const path = location.pathname;
  document.getElementById('nav-query').classList.toggle(
      'active', path === '/' || path === '/query');
  // A page that fails while drawing says so instead of stopping half drawn.
  (async () => draw(main, path, new URLSearchParams(location.search), signal))()
      .catch((e) => {
        if (signal.aborted) return;
        console.error(e);
        main.append(failure(`This page could not be drawn: ${e}`));
      });
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
