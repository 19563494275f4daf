// The HTTP server (server.h) on cpp-httplib: routes, CORS headers, the
// body size limit, JSON bodies for the library's own errors, the request
// log, and NDJSON through a chunked content provider.
#include "tools/serve/server.h"

#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <regex>
#include <string>
#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "httplib.h"
#include "tools/serve/http_errors.h"
#include "tools/serve/routes.h"
#include "tools/serve/web_assets.h"

namespace annals::serve {

struct Server::Impl {
  ServeContext ctx;
  ServeOptions options;
  std::ostream* log = nullptr;
  std::mutex log_mutex;
  httplib::Server http;
  int port = 0;
  std::thread thread;
  std::once_flag stopped;
  std::atomic<bool> listen_ended{false};
};

namespace {

using Route = ApiResponse (*)(const ServeContext&, const ApiRequest&);

// The request as the routes see it; `prefix` is the route's path before
// its segments ("/api/entity/"), which are split from the raw target and
// decoded one by one so that %2F stays inside a name.
ApiRequest ToApiRequest(const httplib::Request& req,
                        const std::string& prefix) {
  ApiRequest r;
  if (!prefix.empty()) {
    std::string raw = req.target.substr(0, req.target.find('?'));
    if (raw.size() > prefix.size()) {
      for (absl::string_view segment :
           absl::StrSplit(raw.substr(prefix.size()), '/')) {
        r.segments.push_back(
            httplib::detail::decode_url(std::string(segment), false));
      }
      while (r.segments.size() > 1 && r.segments.back().empty()) {
        r.segments.pop_back();  // a trailing slash
      }
    }
  }
  for (const auto& [name, value] : req.params) r.query.emplace(name, value);
  r.body = req.body;
  r.accept = req.get_header_value("Accept");
  r.content_type = req.get_header_value("Content-Type");
  r.authorization = req.get_header_value("Authorization");
  return r;
}

void Send(ApiResponse response, httplib::Response& res) {
  res.status = response.status;
  for (const auto& [name, value] : response.headers) {
    res.set_header(name, value);
  }
  if (!response.stream) {
    res.set_content(std::move(response.body), response.content_type);
    return;
  }
  auto stream = std::move(response.stream);
  res.set_chunked_content_provider(
      response.content_type, [stream](size_t, httplib::DataSink& sink) {
        std::string chunk;
        const bool more = stream(&chunk);
        if (!chunk.empty() && !sink.write(chunk.data(), chunk.size())) {
          return false;  // the client went away
        }
        if (!more) sink.done();
        return true;
      });
}

void AddRoutes(httplib::Server& http, const ServeContext* ctx) {
  auto handler = [ctx](Route route, std::string prefix) {
    return [ctx, route, prefix](const httplib::Request& req,
                                httplib::Response& res) {
      Send(route(*ctx, ToApiRequest(req, prefix)), res);
    };
  };
  http.Post("/api/query", handler(PostQuery, ""));
  http.Post("/api/load", handler(PostLoad, ""));
  http.Get("/api/stats", handler(GetStats, ""));
  http.Get("/api/schema", handler(GetSchema, ""));
  http.Get("/api/path", handler(GetPath, ""));
  http.Get("/api", handler(GetIndex, ""));
  // [\s\S]: a decoded name may hold a line break.
  const std::pair<const char*, Route> named[] = {
      {"/api/entity/", GetEntity},
      {"/api/neighbourhood/", GetNeighbourhood},
      {"/api/history/", GetHistory},
      {"/api/disputes/", GetDisputes}};
  for (const auto& [prefix, route] : named) {
    http.Get(absl::StrCat(prefix, R"([\s\S]+)"), handler(route, prefix));
  }
  for (const char* path : {"/api/query", "/api/load"}) {
    http.Get(path, [path](const httplib::Request&, httplib::Response& res) {
      Send(ErrorResponse(405, absl::InvalidArgumentError(
                                  absl::StrCat("use POST ", path))),
           res);
      res.set_header("Allow", "POST");
    });
  }
  // The web explorer: its embedded files by exact name, and its app shell
  // at every URL of a page (the page's script draws it from the URL).
  http.Get(R"(/assets/([^/]+))",
           [](const httplib::Request& req, httplib::Response& res) {
             Send(GetWebAsset(req.matches[1]), res);
           });
  auto shell = [](const httplib::Request&, httplib::Response& res) {
    Send(GetAppShell(), res);
  };
  for (const char* page :
       {"/", "/query", R"(/entity/[^/][\s\S]*)", R"(/graph/[^/][\s\S]*)"}) {
    http.Get(page, shell);
  }
  if (!ctx->options->cors_origin.empty()) {
    // The preflight of a cross-origin POST with JSON or a token.
    http.Options(
        R"([\s\S]*)", [](const httplib::Request&, httplib::Response& res) {
          res.status = 204;
          res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
          res.set_header("Access-Control-Allow-Headers",
                         "Authorization, Content-Type, Accept");
          res.set_header("Access-Control-Max-Age", "600");
        });
  }
}

// JSON bodies for what the library answers itself: no such route (404),
// a body over the limit (413), a request it cannot parse (400).
httplib::Server::HandlerResponse LibraryError(const httplib::Request& req,
                                              httplib::Response& res,
                                              int64_t max_body) {
  if (!res.body.empty() || res.is_chunked_content_provider_) {
    return httplib::Server::HandlerResponse::Unhandled;
  }
  absl::Status status;
  switch (res.status) {
    case 404:
      status = absl::NotFoundError(
          absl::StrCat("no such endpoint: ", req.method, " ", req.path,
                       " (GET /api lists them)"));
      break;
    case 413:
      status = absl::ResourceExhaustedError(
          absl::StrCat("the body is larger than the server's limit of ",
                       max_body, " bytes (--max-body)"));
      break;
    default:
      status = absl::UnknownError(absl::StrCat(
          "HTTP ", res.status, " (the request could not be read)"));
      break;
  }
  ApiResponse r = ErrorResponse(res.status, status);
  res.set_content(r.body, r.content_type);
  return httplib::Server::HandlerResponse::Handled;
}

}  // namespace

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { Stop(); }

int Server::port() const { return impl_->port; }

void Server::Stop() {
  std::call_once(impl_->stopped, [this] {
    impl_->ctx.stopping.Cancel();  // running statements end at once
    impl_->http.stop();
    if (impl_->thread.joinable()) impl_->thread.join();
  });
}

absl::StatusOr<std::unique_ptr<Server>> Server::Start(
    Database* db, const ServeOptions& options, std::ostream* log) {
  signal(SIGPIPE, SIG_IGN);
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->ctx.db = db;
  impl->ctx.options = &impl->options;
  impl->log = log;
  httplib::Server& http = impl->http;
  const size_t threads = static_cast<size_t>(options.threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // SO_REUSEADDR only: httplib's default SO_REUSEPORT would let a second
  // server bind the same port and take half of its connections.
  http.set_socket_options([](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  http.set_payload_max_length(static_cast<size_t>(options.max_body_bytes));
  // Headers and body go out in separate writes: without TCP_NODELAY,
  // Nagle's algorithm holds the body for the client's delayed ACK (40 ms).
  http.set_tcp_nodelay(true);
  http.set_keep_alive_max_count(1000);
  http.set_keep_alive_timeout(5);
  if (!options.cors_origin.empty()) {
    http.set_default_headers(
        {{"Access-Control-Allow-Origin", options.cors_origin},
         {"Vary", "Origin"}});
  }
  const int64_t max_body = options.max_body_bytes;
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [max_body](const httplib::Request& req, httplib::Response& res) {
        return LibraryError(req, res, max_body);
      }));
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res,
                                std::exception_ptr ep) {
    std::string what = "unknown error";
    try {
      std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    ApiResponse r = ErrorResponse(absl::InternalError(what));
    res.status = r.status;
    res.set_content(r.body, r.content_type);
  });
  if (log != nullptr && !options.quiet) {
    Impl* raw = impl.get();
    http.set_logger(
        [raw](const httplib::Request& req, const httplib::Response& res) {
          std::lock_guard<std::mutex> lock(raw->log_mutex);
          *raw->log << req.remote_addr << " \"" << req.method << " "
                    << req.target << "\" " << res.status << "\n"
                    << std::flush;
        });
  }
  AddRoutes(http, &impl->ctx);
  if (options.port == 0) {
    impl->port = http.bind_to_any_port(options.host);
  } else {
    impl->port =
        http.bind_to_port(options.host, options.port) ? options.port : -1;
  }
  if (impl->port <= 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", options.host, ":", options.port,
                     " (in use, or not an address of this machine)"));
  }
  Impl* raw = impl.get();
  impl->thread = std::thread([raw] {
    raw->http.listen_after_bind();
    raw->listen_ended = true;
  });
  // Serving before Start returns, so that a Stop() at once finds it running
  // (httplib's stop() does nothing to a server not yet listening).
  while (!http.is_running() && !impl->listen_ended) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

}  // namespace annals::serve
