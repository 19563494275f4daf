// The query page: an editor with the language highlighted, run with the
// button or Ctrl-Enter; the result as a table with its notices and view
// line, or the error with a caret under its place. The statement goes in
// the URL (/query?q=...) so that a query can be bookmarked. A run started
// while another still waits aborts it: only the newest run's answer shows.
import {ApiError, errorText, getJson, runQuery} from './api.js';
import {h} from './dom.js';
import {highlightInto} from './highlight.js';
import {noticeList} from './notices.js';
import {resultTable} from './table.js';

const EXAMPLE = 'FIND ?s ?p ?o WHERE ?s ?p ?o LIMIT 20';

// The 1-based byte column `column` of `line` (the API counts bytes) as a
// character index.
function charIndex(line, column) {
  const encoder = new TextEncoder();
  let bytes = 0;
  let index = 0;
  for (const ch of line) {
    if (bytes >= column - 1) break;
    bytes += encoder.encode(ch).length;
    index += ch.length;
  }
  return index;
}

function errorBox(error, statement) {
  const box = h('div', {class: 'error-box', role: 'alert'},
                h('p', {class: 'error-message'}, error.message));
  if (error.line && error.column) {
    const line = statement.split('\n')[error.line - 1] ?? '';
    const caret = ' '.repeat(charIndex(line, error.column)) + '^';
    box.append(h('pre', {class: 'error-place'},
                 h('span', {class: 'error-where'}, `line ${error.line}, column ${error.column}`),
                 '\n', line, '\n', h('span', {class: 'caret'}, caret)));
  }
  return box;
}

function resultBox(result, millis) {
  const rows = result.rows.length;
  return h('div', {class: 'result-box'},
           h('p', {class: 'view-line'},
             h('span', {class: 'view'}, result.view || ''),
             h('span', {class: 'count'},
               ` · ${rows} row${rows === 1 ? '' : 's'} · ${millis} ms`)),
           noticeList(result.notices),
           resultTable(result));
}

// `signal` aborts when the reader leaves the page.
export function renderQueryPage(main, params, signal) {
  const textarea = h('textarea', {
    id: 'statement', spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off',
    'aria-label': 'Statement', rows: 4,
  });
  const pre = h('pre', {class: 'highlight', 'aria-hidden': 'true'});
  const at = h('input', {id: 'query-at', placeholder: 'e.g. 2025-06-01', size: 12});
  const asOf = h('input', {id: 'query-as-of', placeholder: 'e.g. 2025-09-03', size: 12});
  const run = h('button', {id: 'run', type: 'submit', class: 'primary'}, 'Run');
  const output = h('div', {id: 'output', 'aria-live': 'polite'});
  const sync = () => highlightInto(pre, textarea.value);
  let running = null;  // the AbortController of the run waiting for its answer
  signal.addEventListener('abort', () => running && running.abort(), {once: true});

  async function execute() {
    const statement = textarea.value;
    if (!statement.trim()) return;
    const url = new URLSearchParams({q: statement});
    if (at.value.trim()) url.set('at', at.value.trim());
    if (asOf.value.trim()) url.set('as_of', asOf.value.trim());
    history.replaceState(null, '', `/query?${url}`);
    output.replaceChildren(h('p', {class: 'muted'}, 'Running…'));
    run.disabled = true;
    if (running) running.abort();
    const mine = new AbortController();
    running = mine;
    const started = performance.now();
    try {
      const result = await runQuery(statement, {at: at.value.trim(), as_of: asOf.value.trim()},
                                    mine.signal);
      if (mine.signal.aborted) return;
      output.replaceChildren(resultBox(result, Math.round(performance.now() - started)));
    } catch (e) {
      if (mine.signal.aborted) return;
      const error = e instanceof ApiError ? e.error : {message: String(e)};
      output.replaceChildren(errorBox(error, statement));
    } finally {
      if (running === mine) {
        running = null;
        run.disabled = false;
      }
    }
  }

  textarea.addEventListener('input', sync);
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      execute();
    }
  });
  const form = h('form', {class: 'query-form', onsubmit: (event) => {
    event.preventDefault();
    execute();
  }},
                 h('div', {class: 'editor'}, pre, textarea),
                 h('div', {class: 'query-controls'},
                   run, h('span', {class: 'hint'}, 'Ctrl-Enter'),
                   h('label', {}, 'AT ', at), h('label', {}, 'AS OF ', asOf)));
  const store = h('p', {class: 'muted', id: 'store-line'},
                 'One statement of the query language: ',
                 'FIND, HISTORY, CHANGES, DIFF, DISPUTES, PATH, EXPLAIN.');
  main.append(h('h1', {}, 'Query'), store, form, output);
  getJson('/api/stats', null, signal).then((stats) => {
    const span = stats.earliest && stats.latest ?
        `, valid times from ${stats.earliest.text} to ${stats.latest.text}` : '';
    store.prepend(`${stats.claims} claims, ${stats.terms} names and values${span}. `);
  }).catch((e) => {
    if (!signal.aborted) store.prepend(`(The store's figures are unavailable: ${errorText(e)}.) `);
  });
  textarea.value = params.get('q') || EXAMPLE;
  at.value = params.get('at') || '';
  asOf.value = params.get('as_of') || '';
  sync();
  textarea.focus();
  if (params.get('q')) execute();
}
