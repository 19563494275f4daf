// Calls to the JSON API (docs/http.md). Errors come back as ApiError with
// the API's {message, line, column, ...}. Every call takes an AbortSignal
// (the page's, see app.js): a page left behind aborts what it still waits
// for, and its late answers never reach the new page.
export class ApiError extends Error {
  constructor(status, error) {
    super(error.message || `HTTP ${status}`);
    this.status = status;
    this.error = error;
  }
}

// What to tell the reader about a failed call.
export const errorText = (e) => (e instanceof ApiError ? e.error.message : String(e));

async function answer(response) {
  let body;
  try {
    body = await response.json();
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(response.status, {message: `HTTP ${response.status}: not JSON`});
  }
  if (!response.ok) {
    throw new ApiError(response.status,
                       (body && body.error) || {message: `HTTP ${response.status}`});
  }
  if (body === null || typeof body !== 'object') {
    throw new ApiError(response.status, {message: 'the answer is not a JSON object'});
  }
  return body;
}

// GET path?params (empty and null parameters left out).
export async function getJson(path, params, signal) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== '') query.set(key, value);
  }
  const text = query.toString();
  return answer(await fetch(text ? `${path}?${text}` : path,
                            {headers: {Accept: 'application/json'}, signal}));
}

// POST /api/query.
export async function runQuery(statement, view, signal) {
  const body = {statement};
  if (view && view.at) body.at = view.at;
  if (view && view.as_of) body.as_of = view.as_of;
  return answer(await fetch('/api/query', {
    method: 'POST',
    headers: {'Content-Type': 'application/json', Accept: 'application/json'},
    body: JSON.stringify(body),
    signal,
  }));
}

// One path segment of a name: `a/b c` -> `a%2Fb%20c`.
export const segment = (name) => encodeURIComponent(name);
