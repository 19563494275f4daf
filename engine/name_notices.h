// What Annals says about names: the nearest known name to one the store
// lacks, and the sentences reads and writes add to their answers:
//   unknown name 'Germny'; did you mean 'Germany'?     (a read)
//   new entity 'Rusia'; did you mean 'Russia'?         (a write or load)
// Entities are looked up in the store's NameSuggestions (entity names and
// the schema's aliases); predicates among those claims use and those the
// schema declares (with their inverse names), few enough to look at each.
#ifndef ANNALS_ENGINE_NAME_NOTICES_H_
#define ANNALS_ENGINE_NAME_NOTICES_H_

#include <optional>
#include <string>
#include <string_view>

#include "engine/store.h"

namespace annals::engine {

// The nearest entity name or alias, or predicate, to `word`, if one is near
// (common/edit_distance.h). Best effort: a read error gives nullopt.
std::optional<std::string> NearestEntity(Store* store, std::string_view word);
std::optional<std::string> NearestPredicate(Store* store,
                                            std::string_view word);

// "unknown name 'X'" / "unknown predicate 'X'", with "; did you mean 'Y'?"
// when a name is near.
std::string UnknownNameNotice(Store* store, std::string_view name,
                              bool predicate);

// "new entity 'X'" / "new predicate 'X'", with "; did you mean 'Y'?" when a
// name is near; *near (may be null) says whether one was.
std::string NewNameNotice(Store* store, std::string_view name, bool predicate,
                          bool* near);

// Why strict mode refuses a new predicate the schema does not declare:
// "new predicate 'membr_of' is not in the schema (strict: nothing
// written); did you mean 'member_of'?".
std::string StrictRefusal(Store* store, std::string_view predicate);

// Whether claims already use `name` as their predicate.
bool PredicateInUse(Store* store, std::string_view name);

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_NAME_NOTICES_H_
