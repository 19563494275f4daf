// Input(s, p, o): the ClaimInput of one claim for the tests that write
// through the public API (Database::Assert), valid for all time and
// recorded now unless the test sets more.
#ifndef ANNALS_TESTS_SUPPORT_CLAIM_INPUT_H_
#define ANNALS_TESTS_SUPPORT_CLAIM_INPUT_H_

#include <string>
#include <utility>

#include "annals/claim.h"
#include "annals/value.h"

namespace annals::test {

inline ClaimInput Input(Value subject, std::string predicate, Value object) {
  ClaimInput in;
  in.subject = std::move(subject);
  in.predicate = std::move(predicate);
  in.object = std::move(object);
  return in;
}

// Subject and object entities.
inline ClaimInput Input(std::string subject, std::string predicate,
                        std::string object) {
  return Input(Value::Entity(std::move(subject)), std::move(predicate),
               Value::Entity(std::move(object)));
}

}  // namespace annals::test

#endif  // ANNALS_TESTS_SUPPORT_CLAIM_INPUT_H_
