// Wikidata labels as schema aliases; see wikidata_aliases.h.
#include "load/wikidata_aliases.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "common/absl_view.h"

namespace annals::load {
namespace {

// `text` in double quotes as the schema reads it: \" and \\ escaped.
std::string SchemaQuoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

bool HasControl(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
  });
}

}  // namespace

LabelAliases AliasesOfLabels(
    std::string_view current_text, const schema::Schema& current,
    const std::vector<WikidataLabel>& labels, std::string_view source,
    const std::function<bool(std::string_view)>& is_known_name) {
  LabelAliases out;
  // Each label's entities: more than one makes it ambiguous.
  absl::flat_hash_map<std::string, std::string> entity_of;
  absl::flat_hash_set<std::string> ambiguous;
  for (const WikidataLabel& l : labels) {
    auto [it, added] = entity_of.try_emplace(l.label, l.entity);
    if (!added && it->second != l.entity) ambiguous.insert(l.label);
  }
  auto leave_out = [&](const WikidataLabel& l, std::string_view why) {
    if (out.left_out++ == 0) {
      out.example =
          absl::StrCat("'", l.label, "' (", l.entity, "): ", AbslView(why));
    }
  };
  std::vector<const WikidataLabel*> ordered;
  for (const WikidataLabel& l : labels) ordered.push_back(&l);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const WikidataLabel* a, const WikidataLabel* b) {
                     return !a->alt && b->alt;
                   });
  absl::flat_hash_set<std::string> done;
  std::string lines;
  for (const WikidataLabel* l : ordered) {
    if (!done.insert(l->label).second) continue;  // the same label again
    if (l->label.empty() || l->label == l->entity) continue;
    if (HasControl(l->label)) {
      leave_out(*l, "it holds a control character");
    } else if (ambiguous.contains(l->label)) {
      leave_out(*l, "more than one entity has this label");
    } else if (current.aliases().count(l->label) > 0) {
      leave_out(*l, "it is already an alias");
    } else if (current.aliases().count(l->entity) > 0) {
      leave_out(*l, "the entity is itself an alias");
    } else if (is_known_name(l->label)) {
      leave_out(*l, "the store has an entity of this name");
    } else {
      absl::StrAppend(&lines, "alias ", SchemaQuoted(l->label), " = ",
                      SchemaQuoted(l->entity), "\n");
      ++out.added;
    }
  }
  out.text = std::string(current_text);
  if (out.added > 0) {
    if (!out.text.empty() && out.text.back() != '\n') out.text.push_back('\n');
    absl::StrAppend(&out.text, "# Wikidata labels of ", AbslView(source), "\n",
                    lines);
  }
  return out;
}

}  // namespace annals::load
