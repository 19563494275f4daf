// The endpoints of the HTTP API (docs/http.md), each a function from a
// request to a response over the public API only. server.cc routes to them;
// tests may call them directly.
//
//   POST /api/query                  query_routes.cc
//   POST /api/load                   load_route.cc
//   GET  /api/entity/NAME            entity_routes.cc
//   GET  /api/neighbourhood/NAME     entity_routes.cc
//   GET  /api/history/NAME[/PRED]    read_routes.cc
//   GET  /api/disputes/NAME[/PRED]   read_routes.cc
//   GET  /api/path?from=&to=         read_routes.cc
//   GET  /api/stats, /api/schema     read_routes.cc
//   GET  /api                        read_routes.cc (the list of endpoints)
#ifndef ANNALS_TOOLS_SERVE_ROUTES_H_
#define ANNALS_TOOLS_SERVE_ROUTES_H_

#include "annals/database.h"
#include "tools/serve/api_types.h"
#include "tools/serve/serve_options.h"

namespace annals::serve {

// What every endpoint works on: the store (shared by every request's
// thread; each request reads its own snapshot) and the server's options.
struct ServeContext {
  Database* db = nullptr;
  const ServeOptions* options = nullptr;
  // Set when the server stops: every running statement and load carries
  // it and ends (503) instead of holding the stop up.
  Cancellation stopping;
};

ApiResponse PostQuery(const ServeContext& ctx, const ApiRequest& req);
ApiResponse PostLoad(const ServeContext& ctx, const ApiRequest& req);
ApiResponse GetEntity(const ServeContext& ctx, const ApiRequest& req);
ApiResponse GetNeighbourhood(const ServeContext& ctx, const ApiRequest& req);
ApiResponse GetHistory(const ServeContext& ctx, const ApiRequest& req);
ApiResponse GetDisputes(const ServeContext& ctx, const ApiRequest& req);
ApiResponse GetPath(const ServeContext& ctx, const ApiRequest& req);
ApiResponse GetStats(const ServeContext& ctx, const ApiRequest& req);
ApiResponse GetSchema(const ServeContext& ctx, const ApiRequest& req);
ApiResponse GetIndex(const ServeContext& ctx, const ApiRequest& req);

}  // namespace annals::serve

#endif  // ANNALS_TOOLS_SERVE_ROUTES_H_
