// The endpoints about one entity, for apps and the explorer's pages:
//   GET /api/entity/NAME: every claim of the entity (as subject, and as
//     object under "incoming"), whatever its valid time, retracted ones
//     included, each with its times and provenance and the claims it is
//     disputed by; so that a page can redraw any AT and AS OF itself.
//   GET /api/neighbourhood/NAME?at=&as_of=&possibly=1: the claims touching
//     the entity in one view, its neighbours as nodes.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tools/serve/http_errors.h"
#include "tools/serve/routes.h"
#include "tools/serve/statements.h"

namespace annals::serve {
namespace {

// The notices of a read naming the entity: empty when it is known, else
// "unknown name ...; did you mean ...?", as the query language says it.
absl::StatusOr<Json> CheckName(const ServeContext& ctx,
                               const std::string& name) {
  QueryOptions options;
  options.timeout_ms = ctx.options->timeout_ms;
  options.cancel = ctx.stopping;
  auto result = RunStatement(ctx, "FIND ?p WHERE $e ?p ?o LIMIT 1",
                             {{"e", Value::Entity(name)}}, options);
  if (!result.ok()) return result.status();
  while (result->Next()) {
  }
  if (!result->status().ok()) return result->status();
  return ResultHead(*result)["notices"];
}

// The claims matching `pattern` in `view`, at most options.max_rows of them
// (ResourceExhausted naming max_rows beyond), sorted by predicate, valid
// start and id; each with its provenance's batch and row.
absl::StatusOr<std::vector<Claim>> Claims(const ServeContext& ctx,
                                          const ClaimPattern& pattern,
                                          const TimeView& view,
                                          const Snapshot& snapshot,
                                          const QueryOptions& options) {
  std::vector<Claim> claims;
  bool over = false;
  absl::Status s = ctx.db->Scan(
      pattern, view,
      [&](const Claim& c) {
        if (static_cast<int64_t>(claims.size()) >= options.max_rows) {
          over = true;
          return false;
        }
        claims.push_back(c);
        return true;
      },
      snapshot);
  if (!s.ok()) return s;
  if (over) {
    return absl::ResourceExhaustedError(
        absl::StrCat("the entity has more than ", options.max_rows,
                     " claims (QueryOptions::max_rows)"));
  }
  for (Claim& c : claims) {
    auto full = ctx.db->Get(c.id, snapshot);
    if (full.ok()) c = *std::move(full);
  }
  auto start = [](const Claim& c) {
    return c.valid.from ? c.valid.from->seconds : Window::kMin;
  };
  std::sort(claims.begin(), claims.end(), [&](const Claim& a, const Claim& b) {
    if (a.predicate != b.predicate) return a.predicate < b.predicate;
    if (start(a) != start(b)) return start(a) < start(b);
    return a.id < b.id;
  });
  return claims;
}

// claim id -> the ids of the claims DISPUTES pairs it with.
absl::StatusOr<std::map<ClaimId, std::set<ClaimId>>> Disputes(
    const ServeContext& ctx, const std::string& name,
    const QueryOptions& limits, Json* rows_json) {
  QueryOptions options = limits;
  options.default_at.reset();
  options.default_as_of.reset();
  auto result =
      RunStatement(ctx, "DISPUTES $e", {{"e", Value::Entity(name)}}, options);
  if (!result.ok()) return result.status();
  const auto& columns = result->columns();
  const auto index = [&](const std::string& c) {
    return std::find(columns.begin(), columns.end(), c) - columns.begin();
  };
  const size_t claim = index("claim"), other = index("other_claim");
  std::map<ClaimId, std::set<ClaimId>> disputes;
  auto json = ResultJson(*result);
  if (!json.ok()) return json.status();
  for (const Json& row : (*json)["rows"]) {
    if (claim >= row.size() || other >= row.size()) continue;
    const Json &a = row[claim], &b = row[other];
    if (!a.is_object() || !b.is_object()) continue;
    const ClaimId x = a.value("id", ClaimId{0}), y = b.value("id", ClaimId{0});
    disputes[x].insert(y);
    disputes[y].insert(x);
  }
  *rows_json = std::move(*json);
  return disputes;
}

Json ClaimsJson(const std::vector<Claim>& claims,
                const std::map<ClaimId, std::set<ClaimId>>& disputes) {
  Json out = Json::array();
  for (const Claim& c : claims) {
    Json j = ClaimJson(c);
    Json with = Json::array();
    if (auto it = disputes.find(c.id); it != disputes.end()) {
      for (ClaimId other : it->second) {
        with.push_back(ValueJson(Value::Claim(other)));
      }
    }
    j["disputed_by"] = std::move(with);
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

ApiResponse GetEntity(const ServeContext& ctx, const ApiRequest& req) {
  if (req.segments.size() != 1 || req.segments[0].empty()) {
    return ErrorResponse(absl::InvalidArgumentError(
        "GET /api/entity/NAME names one entity (a / in it is %2F)"));
  }
  const std::string& name = req.segments[0];
  auto options = RequestOptions(ctx, req);
  if (!options.ok()) return ErrorResponse(options.status());
  auto notices = CheckName(ctx, name);
  if (!notices.ok()) return ErrorResponse(notices.status());

  Json disputes_json = nullptr;
  std::map<ClaimId, std::set<ClaimId>> disputes;
  if (absl::Status size = CheckDisputesSize(ctx, name, ""); size.ok()) {
    auto found = Disputes(ctx, name, *options, &disputes_json);
    if (!found.ok()) return ErrorResponse(found.status());
    disputes = *std::move(found);
  } else if (size.code() == absl::StatusCode::kResourceExhausted) {
    notices->push_back(absl::StrCat(
        "disputes not marked: ", size.message(),
        "; GET /api/disputes/NAME/PREDICATE asks for one predicate's"));
  } else {
    return ErrorResponse(size);
  }
  TimeView all = TimeView::AllTime();
  all.include_retracted = true;
  const Snapshot snapshot = ctx.db->GetSnapshot();
  ClaimPattern outgoing, incoming;
  outgoing.subject = Value::Entity(name);
  incoming.object = Value::Entity(name);
  auto out = Claims(ctx, outgoing, all, snapshot, *options);
  if (!out.ok()) return ErrorResponse(out.status());
  auto in = Claims(ctx, incoming, all, snapshot, *options);
  if (!in.ok()) return ErrorResponse(in.status());
  return JsonResponse(
      Json{{"entity", ValueJson(Value::Entity(name))},
           {"view",
            "all valid time, every claim ever recorded (retracted "
            "ones with their retraction time)"},
           {"claims", ClaimsJson(*out, disputes)},
           {"incoming", ClaimsJson(*in, disputes)},
           {"disputes", disputes_json},
           {"notices", *notices}});
}

ApiResponse GetNeighbourhood(const ServeContext& ctx, const ApiRequest& req) {
  if (req.segments.size() != 1 || req.segments[0].empty()) {
    return ErrorResponse(absl::InvalidArgumentError(
        "GET /api/neighbourhood/NAME names one entity (a / in it is %2F)"));
  }
  const std::string& name = req.segments[0];
  auto options = RequestOptions(ctx, req);
  if (!options.ok()) return ErrorResponse(options.status());
  auto notices = CheckName(ctx, name);
  if (!notices.ok()) return ErrorResponse(notices.status());

  TimeView view = TimeView::Now();
  std::string valid = "valid now", recorded = "as currently recorded";
  if (options->default_at) {
    view.valid = Window::Of(*options->default_at);
    valid = "valid at " + options->default_at->ToString();
  }
  if (req.Param("possibly") == "1" || req.Param("possibly") == "true") {
    view.certain = false;
    valid += ", possibly";
  }
  if (options->default_as_of) {
    view.as_of = options->default_as_of->SpanEnd() - 1;
    recorded =
        "as recorded by the end of " + options->default_as_of->ToString();
  }
  const Snapshot snapshot = ctx.db->GetSnapshot();
  ClaimPattern outgoing, incoming;
  outgoing.subject = Value::Entity(name);
  incoming.object = Value::Entity(name);
  auto out = Claims(ctx, outgoing, view, snapshot, *options);
  if (!out.ok()) return ErrorResponse(out.status());
  auto in = Claims(ctx, incoming, view, snapshot, *options);
  if (!in.ok()) return ErrorResponse(in.status());

  // Entities as nodes, claims between entities as edges, the rest (values)
  // as the centre's attributes.
  std::set<std::string> nodes = {name};
  Json edges = Json::array(), attributes = Json::array();
  for (const auto* list : {&*out, &*in}) {
    for (const Claim& c : *list) {
      if (c.subject.is_entity() && c.object.is_entity()) {
        nodes.insert(c.subject.text());
        nodes.insert(c.object.text());
        edges.push_back(ClaimJson(c));
      } else {
        attributes.push_back(ClaimJson(c));
      }
    }
  }
  Json nodes_json = Json::array();
  for (const std::string& n : nodes) {
    nodes_json.push_back(ValueJson(Value::Entity(n)));
  }
  return JsonResponse(Json{{"entity", ValueJson(Value::Entity(name))},
                           {"view", valid + ", " + recorded},
                           {"at", TimeJson(options->default_at)},
                           {"as_of", TimeJson(options->default_as_of)},
                           {"nodes", nodes_json},
                           {"edges", edges},
                           {"attributes", attributes},
                           {"notices", *notices}});
}

}  // namespace annals::serve
