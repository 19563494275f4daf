// Values, times, cells and claims as JSON, and parameters from JSON
// (json_values.h).
#include "tools/serve/json_values.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace annals::serve {

Json TimeJson(const TimePoint& t) {
  return Json{{"type", "time"},
              {"text", t.ToString()},
              {"precision", std::string(PrecisionName(t.precision))},
              {"start", t.seconds},
              {"end", t.SpanEnd()}};
}

Json TimeJson(const std::optional<TimePoint>& t) {
  return t ? TimeJson(*t) : Json(nullptr);
}

Json IntervalJson(const Interval& i) {
  return Json{{"type", "interval"},
              {"text", i.ToString()},
              {"from", TimeJson(i.from)},
              {"to", TimeJson(i.to)}};
}

Json ValueJson(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kInteger:
      return v.integer();
    case ValueKind::kDecimal:
      return v.number();
    case ValueKind::kBoolean:
      return v.boolean();
    case ValueKind::kString:
      // An RDF literal with a language or datatype (docs/rdf.md): its parts.
      if (!v.language().empty()) {
        return Json{{"type", "literal"},
                    {"text", std::string(v.lexical())},
                    {"language", std::string(v.language())}};
      }
      if (!v.datatype().empty()) {
        return Json{{"type", "literal"},
                    {"text", std::string(v.lexical())},
                    {"datatype", std::string(v.datatype())}};
      }
      return v.text();
    case ValueKind::kEntity:
      return Json{{"type", "entity"}, {"text", v.text()}};
    case ValueKind::kDate:
      return TimeJson(v.date());
    case ValueKind::kQuantity:
      return Json{{"type", "quantity"},
                  {"text", v.ToString()},
                  {"value", v.number()},
                  {"unit", v.unit()}};
    case ValueKind::kClaim:
      return Json{
          {"type", "claim"}, {"text", v.ToString()}, {"id", v.claim_id()}};
  }
  return v.ToString();
}

Json CellJson(const Cell& c) {
  switch (c.kind) {
    case Cell::Kind::kValue:
      return ValueJson(c.value);
    case Cell::Kind::kInterval:
      return IntervalJson(c.interval);
    case Cell::Kind::kNull:
      break;
  }
  return nullptr;
}

Json RowJson(const Row& row) {
  Json out = Json::array();
  for (const Cell& c : row) out.push_back(CellJson(c));
  return out;
}

Json ClaimJson(const Claim& c) {
  return Json{{"id", Json{{"type", "claim"},
                          {"text", Value::Claim(c.id).ToString()},
                          {"id", c.id}}},
              {"subject", ValueJson(c.subject)},
              {"predicate", c.predicate},
              {"object", ValueJson(c.object)},
              {"valid", IntervalJson(c.valid)},
              {"recorded", TimeJson(c.recorded)},
              {"retracted", TimeJson(c.retracted)},
              {"source", c.source},
              {"by", c.by},
              {"confidence", c.confidence},
              {"batch", c.batch},
              {"row", c.row}};
}

absl::StatusOr<TimePoint> ParseTimeParam(const std::string& name,
                                         const std::string& text) {
  auto t = TimePoint::Parse(text);
  if (!t.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("parameter '", name, "': '",
                                                   text, "' is not a time (",
                                                   t.status().message(), ")"));
  }
  return *t;
}

absl::StatusOr<Value> ParamValue(const std::string& name, const Json& json) {
  auto bad = [&](const std::string& why) {
    return absl::InvalidArgumentError(
        absl::StrCat("parameter $", name, ": ", why));
  };
  if (json.is_boolean()) return Value::Boolean(json.get<bool>());
  if (json.is_number_integer()) return Value::Integer(json.get<int64_t>());
  if (json.is_number()) {
    auto v = Value::Decimal(json.dump());
    if (!v.ok()) return bad(std::string(v.status().message()));
    return *v;
  }
  if (json.is_string()) {
    const std::string text = json.get<std::string>();
    auto time = TimePoint::Parse(text);
    if (time.ok() && text.find_first_of("-T", 1) != std::string::npos) {
      return Value::Date(*time);
    }
    return Value::Infer(text);
  }
  if (json.is_object() && json.contains("type") && json["type"].is_string() &&
      json.contains("text") && json["text"].is_string()) {
    std::string type = json["type"].get<std::string>();
    if (type == "time") type = "date";
    auto kind = ParseValueKind(type);
    if (!kind.ok()) return bad(std::string(kind.status().message()));
    auto v = Value::Parse(json["text"].get<std::string>(), *kind);
    if (!v.ok()) return bad(std::string(v.status().message()));
    return *v;
  }
  return bad(
      "give a number, a boolean, a string or {\"type\": ..., \"text\": ...}");
}

}  // namespace annals::serve
