// Wikidata labels as schema aliases (docs/wikidata.md): the schema text a
// `--wikidata` load records so that `Vladimir Putin` names
// <http://www.wikidata.org/entity/Q7747> in queries and later loads.
#ifndef ANNALS_LOAD_WIKIDATA_ALIASES_H_
#define ANNALS_LOAD_WIKIDATA_ALIASES_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "load/wikidata_reader.h"
#include "schema/schema.h"

namespace annals::load {

struct LabelAliases {
  std::string text;      // the schema's text with the new alias lines
  int64_t added = 0;     // alias lines added
  int64_t left_out = 0;  // labels that could not become aliases
  std::string example;   // one label left out, and why
};

// `current_text` (the text of `current`) followed by one `alias "LABEL" =
// "ENTITY"` line per label (labels first, then alt labels, each once).
// Left out: a label two entities carry (ambiguous), one that is already an
// alias or a name the store knows (`is_known_name`: an alias would hide its
// claims), one equal to its entity's name, and one with a control
// character (the schema's lines cannot hold it). `source` names the file in
// the comment line before the aliases.
LabelAliases AliasesOfLabels(
    std::string_view current_text, const schema::Schema& current,
    const std::vector<WikidataLabel>& labels, std::string_view source,
    const std::function<bool(std::string_view)>& is_known_name);

}  // namespace annals::load

#endif  // ANNALS_LOAD_WIKIDATA_ALIASES_H_
