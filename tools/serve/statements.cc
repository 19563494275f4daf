// Running statements for the endpoints (statements.h).
#include "tools/serve/statements.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "tools/serve/http_errors.h"

namespace annals::serve {
namespace {

absl::StatusOr<int64_t> Limit(const ApiRequest& req, const std::string& name,
                              int64_t server_limit) {
  const std::string text = req.Param(name);
  if (text.empty()) return server_limit;
  int64_t n = 0;
  if (!absl::SimpleAtoi(text, &n) || n < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "parameter '", name, "' takes a whole number, not '", text, "'"));
  }
  // 0 (none) and anything above the server's ceiling get the ceiling.
  if (n == 0 || (server_limit > 0 && n > server_limit)) return server_limit;
  return n;
}

}  // namespace

absl::StatusOr<QueryOptions> RequestOptions(const ServeContext& ctx,
                                            const ApiRequest& req) {
  QueryOptions o;
  o.cancel = ctx.stopping;
  auto timeout = Limit(req, "timeout_ms", ctx.options->timeout_ms);
  if (!timeout.ok()) return timeout.status();
  o.timeout_ms = *timeout;
  auto rows = Limit(req, "max_rows", ctx.options->max_rows);
  if (!rows.ok()) return rows.status();
  o.max_rows = *rows;
  if (std::string at = req.Param("at"); !at.empty()) {
    auto t = ParseTimeParam("at", at);
    if (!t.ok()) return t.status();
    o.default_at = *t;
  }
  if (std::string as_of = req.Param("as_of"); !as_of.empty()) {
    auto t = ParseTimeParam("as_of", as_of);
    if (!t.ok()) return t.status();
    o.default_as_of = *t;
  }
  return o;
}

absl::StatusOr<ResultSet> RunStatement(const ServeContext& ctx,
                                       std::string_view text,
                                       const Params& params,
                                       const QueryOptions& options) {
  auto prepared = ctx.db->Prepare(text);
  if (!prepared.ok()) return prepared.status();
  for (const auto& [name, value] : params) prepared->Bind(name, value);
  return prepared->Execute(options);
}

Json ResultHead(const ResultSet& result) {
  return Json{{"columns", result.columns()},
              {"notices", result.notices()},
              {"view", result.view()}};
}

absl::StatusOr<Json> ResultJson(ResultSet& result) {
  Json out = ResultHead(result);
  Json rows = Json::array();
  while (result.Next()) rows.push_back(RowJson(result.row()));
  if (!result.status().ok()) return result.status();
  out["rows"] = std::move(rows);
  return out;
}

absl::Status CheckDisputesSize(const ServeContext& ctx, const std::string& name,
                               const std::string& predicate) {
  ClaimPattern pattern;
  pattern.subject = Value::Entity(name);
  if (!predicate.empty()) pattern.predicate = predicate;
  int64_t n = 0;
  absl::Status s =
      ctx.db->Scan(pattern, TimeView::AllTime(),
                   [&](const Claim&) { return ++n <= kMaxDisputeClaims; });
  if (!s.ok()) return s;
  if (n <= kMaxDisputeClaims) return absl::OkStatus();
  return absl::ResourceExhaustedError(
      absl::StrCat("DISPUTES of `", name, predicate.empty() ? "" : "` `",
                   predicate, "` would compare more than ", kMaxDisputeClaims,
                   " claims, more than the server allows (max_dispute_claims)",
                   predicate.empty() ? "; name a predicate" : ""));
}

ApiResponse StatementResponse(const ServeContext& ctx, std::string_view text,
                              const Params& params,
                              const QueryOptions& options) {
  auto result = RunStatement(ctx, text, params, options);
  if (!result.ok()) return ErrorResponse(result.status());
  auto json = ResultJson(*result);
  if (!json.ok()) return ErrorResponse(json.status());
  return JsonResponse(*json);
}

}  // namespace annals::serve
