// Highlighting of the query language for the editor: the text cut into
// tokens (keywords from keywords.js, which the build generates from the
// lexer's table), each a <span> of its kind holding it as text.
import {h} from './dom.js';
import {KEYWORDS} from './keywords.js';

const KEYWORD_SET = new Set(KEYWORDS);
const TOKEN = new RegExp([
  '(--[^\\n]*)',                                    // 1 comment
  '("(?:[^"\\\\\\n]|\\\\.)*"?)',                    // 2 string or quoted name
  '([?$][\\p{L}_][\\p{L}\\p{N}_]*)',                // 3 variable, parameter
  '(#c\\d+)',                                       // 4 claim id
  '(\\d{4}-\\d\\d(?:-\\d\\d(?:T[\\d:]+Z?)?)?|-?\\d+(?:\\.\\d+)?)',  // 5 time, number
  '([\\p{L}_][\\p{L}\\p{N}_]*)',                    // 6 word
  '([\\s\\S])',                                     // 7 anything else
].join('|'), 'gu');

// [{text, kind}] covering the whole text; kind is '' for plain text.
export function tokenize(text) {
  const tokens = [];
  for (const m of text.matchAll(TOKEN)) {
    let kind = '';
    if (m[1]) kind = 'comment';
    else if (m[2]) kind = 'string';
    else if (m[3]) kind = 'variable';
    else if (m[4]) kind = 'claim';
    else if (m[5]) kind = 'number';
    else if (m[6] && KEYWORD_SET.has(m[6].toUpperCase())) kind = 'keyword';
    const last = tokens[tokens.length - 1];
    if (kind === '' && last && last.kind === '') {
      last.text += m[0];
    } else {
      tokens.push({text: m[0], kind});
    }
  }
  return tokens;
}

// Fills `pre` with the highlighted text (through a fragment, not
// replaceChildren(...tokens): a long text has more tokens than a call may
// take arguments).
export function highlightInto(pre, text) {
  const fragment = document.createDocumentFragment();
  for (const t of tokenize(text)) {
    fragment.appendChild(t.kind ? h('span', {class: `tok-${t.kind}`}, t.text)
                                : document.createTextNode(t.text));
  }
  // A final line break needs something after it to take up its line.
  fragment.appendChild(document.createTextNode('\n '));
  pre.replaceChildren(fragment);
}
