// The GET endpoints that run one statement of the query language for apps
// that do not want to write one (history, disputes, path), and the store's
// statistics, schema and the list of endpoints.
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "tools/serve/http_errors.h"
#include "tools/serve/routes.h"
#include "tools/serve/statements.h"

namespace annals::serve {
namespace {

// `HISTORY $s [$p]` or `DISPUTES $s [$p]` of /api/KIND/NAME[/PREDICATE].
ApiResponse SubjectStatement(const ServeContext& ctx, const ApiRequest& req,
                             const std::string& keyword) {
  if (req.segments.empty() || req.segments.size() > 2 ||
      req.segments[0].empty()) {
    return ErrorResponse(absl::InvalidArgumentError(absl::StrCat(
        "the path names an entity and optionally a predicate: ", "/api/",
        absl::AsciiStrToLower(keyword), "/NAME[/PREDICATE]")));
  }
  auto options = RequestOptions(ctx, req);
  if (!options.ok()) return ErrorResponse(options.status());
  Params params = {{"s", Value::Entity(req.segments[0])}};
  std::string text = keyword + " $s";
  std::string predicate =
      req.segments.size() == 2 ? req.segments[1] : req.Param("predicate");
  if (!predicate.empty()) {
    params.emplace_back("p", Value::Entity(predicate));
    text += " $p";
  }
  if (keyword == "DISPUTES") {
    absl::Status size = CheckDisputesSize(ctx, req.segments[0], predicate);
    if (!size.ok()) return ErrorResponse(size);
  }
  return StatementResponse(ctx, text, params, *options);
}

}  // namespace

ApiResponse GetHistory(const ServeContext& ctx, const ApiRequest& req) {
  return SubjectStatement(ctx, req, "HISTORY");
}

ApiResponse GetDisputes(const ServeContext& ctx, const ApiRequest& req) {
  return SubjectStatement(ctx, req, "DISPUTES");
}

// PATH $from TO $to [IN ORDER] [VIA $v0, ...] [MAX n], AT and AS OF from
// ?at= and ?as_of= as the default view.
ApiResponse GetPath(const ServeContext& ctx, const ApiRequest& req) {
  const std::string from = req.Param("from"), to = req.Param("to");
  if (from.empty() || to.empty()) {
    return ErrorResponse(absl::InvalidArgumentError(
        "GET /api/path needs ?from=NAME&to=NAME (and optionally &at=, "
        "&as_of=, &max=, &via=P,Q, &in_order=1)"));
  }
  auto options = RequestOptions(ctx, req);
  if (!options.ok()) return ErrorResponse(options.status());
  Params params = {{"from", Value::Entity(from)}, {"to", Value::Entity(to)}};
  std::string text = "PATH $from TO $to";
  const std::string in_order = req.Param("in_order");
  if (in_order == "1" || in_order == "true") text += " IN ORDER";
  if (std::string via = req.Param("via"); !via.empty()) {
    int i = 0;
    for (absl::string_view p : absl::StrSplit(via, ',', absl::SkipEmpty())) {
      const std::string name = absl::StrCat("via", i);
      absl::StrAppend(&text, i == 0 ? " VIA $" : ", $", name);
      params.emplace_back(name, Value::Entity(std::string(p)));
      ++i;
    }
  }
  if (std::string max = req.Param("max"); !max.empty()) {
    int n = 0;
    if (!absl::SimpleAtoi(max, &n) || n < 1 || n > 1000) {
      return ErrorResponse(absl::InvalidArgumentError(absl::StrCat(
          "parameter 'max' takes a number of hops from 1 to 1000, not '", max,
          "'")));
    }
    absl::StrAppend(&text, " MAX ", n);
  }
  return StatementResponse(ctx, text, params, *options);
}

ApiResponse GetStats(const ServeContext& ctx, const ApiRequest&) {
  auto stats = ctx.db->Stats();
  if (!stats.ok()) return ErrorResponse(stats.status());
  return JsonResponse(
      Json{{"store", ctx.db->dir()},
           {"claims", stats->claims},
           {"terms", stats->terms},
           {"batches", stats->batches},
           {"bytes_on_disk", stats->bytes_on_disk},
           {"bytes_per_family", stats->bytes_per_family},
           {"claims_per_predicate", stats->claims_per_predicate},
           {"earliest", TimeJson(stats->earliest)},
           {"latest", TimeJson(stats->latest)}});
}

ApiResponse GetSchema(const ServeContext& ctx, const ApiRequest&) {
  auto history = ctx.db->SchemaHistory();
  if (!history.ok()) return ErrorResponse(history.status());
  Json versions = Json::array();
  for (const SchemaVersion& v : *history) {
    versions.push_back(Json{{"version", v.version},
                            {"recorded", TimeJson(v.recorded)},
                            {"text", v.text}});
  }
  Json current = history->empty()
                     ? Json{{"version", 0}, {"recorded", nullptr}, {"text", ""}}
                     : versions.back();
  current["history"] = std::move(versions);
  return JsonResponse(current);
}

ApiResponse GetIndex(const ServeContext& ctx, const ApiRequest&) {
  return JsonResponse(
      Json{{"name", "annals"},
           {"read_only", ctx.options->read_only},
           {"writes", !ctx.options->read_only && !ctx.options->token.empty()},
           {"limits",
            {{"timeout_ms", ctx.options->timeout_ms},
             {"max_rows", ctx.options->max_rows},
             {"max_body", ctx.options->max_body_bytes}}},
           {"endpoints",
            {"POST /api/query", "POST /api/load", "GET /api/entity/NAME",
             "GET /api/neighbourhood/NAME", "GET /api/history/NAME[/PREDICATE]",
             "GET /api/disputes/NAME[/PREDICATE]",
             "GET /api/path?from=&to=", "GET /api/stats", "GET /api/schema"}}});
}

}  // namespace annals::serve
