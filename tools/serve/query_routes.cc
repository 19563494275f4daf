// POST /api/query: one statement with its parameters, answered as one JSON
// document or, with `Accept: application/x-ndjson`, streamed as NDJSON
// (docs/http.md, "Streaming"): the head line, then one line per row as the
// ResultSet yields it, then a last line saying how it ended.
#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tools/serve/auth.h"
#include "tools/serve/http_errors.h"
#include "tools/serve/routes.h"
#include "tools/serve/statement_kind.h"
#include "tools/serve/statements.h"

namespace annals::serve {
namespace {

constexpr size_t kChunkBytes = 64 << 10;

struct Body {
  std::string statement;
  Params params;
  std::string at, as_of;
};

absl::StatusOr<Body> ParseBody(const std::string& text) {
  const Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return absl::InvalidArgumentError(
        "the body must be a JSON object: {\"statement\": \"...\", "
        "\"params\": {...}}");
  }
  Body body;
  auto it = json.find("statement");
  if (it == json.end() || !it->is_string()) {
    return absl::InvalidArgumentError(
        "the body needs \"statement\": the statement's text");
  }
  body.statement = it->get<std::string>();
  if (auto p = json.find("params"); p != json.end() && !p->is_null()) {
    if (!p->is_object()) {
      return absl::InvalidArgumentError(
          "\"params\" must be an object: {\"name\": value, ...}");
    }
    for (const auto& [name, value] : p->items()) {
      auto v = ParamValue(name, value);
      if (!v.ok()) return v.status();
      body.params.emplace_back(name, *std::move(v));
    }
  }
  for (const char* key : {"at", "as_of"}) {
    auto t = json.find(key);
    if (t == json.end() || t->is_null()) continue;
    if (!t->is_string()) {
      return absl::InvalidArgumentError(
          absl::StrCat("\"", key, "\" must be a time such as \"2025-06-01\""));
    }
    (std::string(key) == "at" ? body.at : body.as_of) = t->get<std::string>();
  }
  return body;
}

std::string Line(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

// The rows of `result` as NDJSON; the first row has been read (`has_row`).
ApiResponse Stream(std::shared_ptr<ResultSet> result, bool has_row) {
  ApiResponse r;
  r.content_type = "application/x-ndjson";
  struct State {
    std::shared_ptr<ResultSet> result;
    bool head_sent = false;
    bool has_row = false;
    bool finished = false;
    int64_t rows = 0;
  };
  auto state = std::make_shared<State>();
  state->result = std::move(result);
  state->has_row = has_row;
  r.stream = [state](std::string* chunk) {
    if (state->finished) return false;
    if (!state->head_sent) {
      *chunk += Line(ResultHead(*state->result));
      state->head_sent = true;
    }
    while (chunk->size() < kChunkBytes) {
      if (!state->has_row) {
        state->has_row = state->result->Next();
        if (!state->has_row) {
          const absl::Status s = state->result->status();
          *chunk += s.ok() ? Line(Json{{"end", {{"rows", state->rows}}}})
                           : Line(ErrorJson(s));
          state->finished = true;
          return true;
        }
      }
      *chunk += Line(RowJson(state->result->row()));
      ++state->rows;
      state->has_row = false;
    }
    return true;
  };
  return r;
}

}  // namespace

ApiResponse PostQuery(const ServeContext& ctx, const ApiRequest& req) {
  auto body = ParseBody(req.body);
  if (!body.ok()) return ErrorResponse(body.status());
  ApiRequest with_view = req;
  if (!body->at.empty()) with_view.query["at"] = body->at;
  if (!body->as_of.empty()) with_view.query["as_of"] = body->as_of;
  auto options = RequestOptions(ctx, with_view);
  if (!options.ok()) return ErrorResponse(options.status());

  // A syntax error is a 400 whoever asks; then a write needs the token.
  auto prepared = ctx.db->Prepare(body->statement);
  if (!prepared.ok()) return ErrorResponse(prepared.status());
  if (!IsReadStatement(body->statement)) {
    absl::Status allowed = CheckWrite(req.authorization, ctx.options->token,
                                      ctx.options->read_only);
    if (!allowed.ok()) return ErrorResponse(allowed);
  }
  for (const auto& [name, value] : body->params) {
    prepared->Bind(name, value);
  }
  auto result = prepared->Execute(*options);
  if (!result.ok()) return ErrorResponse(result.status());

  if (absl::StrContains(req.accept, "application/x-ndjson")) {
    // The first row is read here, so that an error found at once (a limit,
    // a unit mismatch) still gets its status instead of a 200.
    auto shared = std::make_shared<ResultSet>(*std::move(result));
    const bool has_row = shared->Next();
    if (!has_row && !shared->status().ok()) {
      return ErrorResponse(shared->status());
    }
    return Stream(std::move(shared), has_row);
  }
  auto json = ResultJson(*result);
  if (!json.ok()) return ErrorResponse(json.status());
  return JsonResponse(*json);
}

}  // namespace annals::serve
