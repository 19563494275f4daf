// The GraphML writer; see graphml_writer.h.
#include "tools/export/graphml_writer.h"

#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "tools/export/export_fields.h"
#include "tools/export/xml_escape.h"

namespace annals::exporter {
namespace {

struct Key {
  std::string_view id;  // also the attribute's name
  std::string_view domain;
  std::string_view type;
};

// Every key declared, in the order written. Node keys: label (the entity's
// name or the value's text), kind (entity, claim or the value's kind) and
// unit (quantities). Edge keys: the claim's fields.
constexpr Key kKeys[] = {
    {"label", "node", "string"},       {"kind", "node", "string"},
    {"unit", "node", "string"},        {"predicate", "edge", "string"},
    {"value", "edge", "string"},       {"object_type", "edge", "string"},
    {"valid_from", "edge", "string"},  {"valid_to", "edge", "string"},
    {"recorded_at", "edge", "string"}, {"source", "edge", "string"},
    {"by", "edge", "string"},          {"confidence", "edge", "double"},
};
// Declared only when some value is a string loaded from RDF with a language
// or datatype: its label and value are then the lexical form, and these say
// the rest (on the node and on each edge to it).
constexpr Key kTagKeys[] = {
    {"language", "all", "string"},
    {"datatype", "all", "string"},
};

class GraphBuilder {
 public:
  // The node id of `value`, adding its node to nodes_ the first time.
  const std::string& NodeOf(const Value& value) {
    std::string text, object_type;
    ObjectField(value, &text, &object_type);
    const std::string_view kind = ValueKindName(value.kind());
    std::string key = std::string(kind) + ":" + text;
    auto [it, added] = ids_.try_emplace(std::move(key));
    if (added) {
      it->second = absl::StrCat("n", ids_.size() - 1);
      absl::StrAppend(&nodes_, "    <node id=\"", it->second, "\">");
      Data("label", IsTaggedString(value) ? value.lexical() : text, &nodes_);
      Data("kind", kind, &nodes_);
      if (value.kind() == ValueKind::kQuantity) {
        Data("unit", value.unit(), &nodes_);
      }
      Tags(value, &nodes_);
      nodes_.append("</node>\n");
    }
    return it->second;
  }

  // Appends <data key="key">text</data> to *out, text escaped.
  void Data(std::string_view key, std::string_view text, std::string* out) {
    out->append("<data key=\"").append(key).append("\">");
    if (AppendXmlEscaped(text, out)) replaced_ = true;
    out->append("</data>");
  }

  // The language or datatype of a tagged string, as data.
  void Tags(const Value& value, std::string* out) {
    if (!IsTaggedString(value)) return;
    tagged_ = true;
    if (!value.language().empty()) Data("language", value.language(), out);
    if (!value.datatype().empty()) Data("datatype", value.datatype(), out);
  }
  bool tagged() const { return tagged_; }

  // Whether any text since the last call needed replacing (and resets it).
  bool TakeReplaced() {
    const bool was = replaced_;
    replaced_ = false;
    return was;
  }

  const std::string& nodes() const { return nodes_; }
  int64_t node_count() const { return static_cast<int64_t>(ids_.size()); }

 private:
  absl::flat_hash_map<std::string, std::string> ids_;
  std::string nodes_;
  bool replaced_ = false;
  bool tagged_ = false;
};

}  // namespace

ExportResult WriteGraphml(const std::vector<Claim>& claims, std::ostream* out) {
  ExportResult result;
  result.claims = static_cast<int64_t>(claims.size());
  GraphBuilder graph;
  std::string edges;
  for (const Claim& c : claims) {
    // Node ids first: nodes appear in order of first use.
    const std::string source = graph.NodeOf(c.subject);
    const std::string target = graph.NodeOf(c.object);
    const ExportFields f = FieldsOf(c);
    absl::StrAppend(&edges, "    <edge id=\"c", c.id, "\" source=\"", source,
                    "\" target=\"", target, "\">");
    graph.Data("predicate", f[1], &edges);
    graph.Data("value", IsTaggedString(c.object) ? c.object.lexical() : f[2],
               &edges);
    graph.Data("object_type", ValueKindName(c.object.kind()), &edges);
    graph.Tags(c.object, &edges);
    // Empty fields (an open end, no source) are left out.
    constexpr struct {
      int field;
      std::string_view key;
    } kOptional[] = {{4, "valid_from"},
                     {5, "valid_to"},
                     {6, "recorded_at"},
                     {7, "source"},
                     {8, "by"}};
    for (const auto& [field, key] : kOptional) {
      if (!f[field].empty()) graph.Data(key, f[field], &edges);
    }
    graph.Data("confidence", ShortestDouble(c.confidence), &edges);
    edges.append("</edge>\n");
    if (graph.TakeReplaced() && result.xml_replaced++ == 0) {
      result.first_xml_replaced = c.id;
    }
  }
  result.nodes = graph.node_count();

  *out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
          "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  auto declare = [&](const Key& key) {
    *out << "  <key id=\"" << key.id << "\" for=\"" << key.domain
         << "\" attr.name=\"" << key.id << "\" attr.type=\"" << key.type
         << "\"/>\n";
  };
  for (const Key& key : kKeys) declare(key);
  if (graph.tagged()) {
    for (const Key& key : kTagKeys) declare(key);
  }
  *out << "  <graph id=\"annals\" edgedefault=\"directed\">\n"
       << graph.nodes() << edges << "  </graph>\n</graphml>\n";
  return result;
}

}  // namespace annals::exporter
