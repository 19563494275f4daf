// Moving between the explorer's pages without reloading: links to /query,
// /entity/NAME and /graph/NAME go through history.pushState and the router
// app.js registers.
let router = () => {};

export function setRouter(route) {
  router = route;
}

export function go(href) {
  history.pushState(null, '', href);
  router();
  window.scrollTo(0, 0);
}

export const entityHref = (name) => `/entity/${encodeURIComponent(name)}`;
export const graphHref = (name, params) => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value) query.set(key, value);
  }
  const text = query.toString();
  return `/graph/${encodeURIComponent(name)}${text ? '?' + text : ''}`;
};
