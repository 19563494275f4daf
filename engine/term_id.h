// Term ids: what the dictionary, the indexes and the query layer pass around
// instead of terms. The layout of the 64 bits is fixed by the format
// (FORMAT.md); nothing else about stored bytes is known outside engine/.
#ifndef ANNALS_ENGINE_TERM_ID_H_
#define ANNALS_ENGINE_TERM_ID_H_

#include <cstdint>

#include "annals/value.h"

namespace annals::engine {

// Term ids carry the value kind in their low 3 bits: id = seq << 3 | kind.
// A claim used as a subject or object is the term id (claim id << 3 | 0) and
// needs no dictionary entry.
inline uint64_t MakeTermId(uint64_t seq, ValueKind kind) {
  return seq << 3 | static_cast<uint64_t>(kind);
}
inline ValueKind TermKind(uint64_t term_id) {
  return static_cast<ValueKind>(term_id & 7);
}
inline uint64_t TermSeq(uint64_t term_id) { return term_id >> 3; }

}  // namespace annals::engine

#endif  // ANNALS_ENGINE_TERM_ID_H_
