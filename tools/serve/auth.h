// Who may write through `annals serve`: a write (ASSERT, RETRACT, a load)
// must carry `Authorization: Bearer <token>` with the server's token,
// compared in constant time; a server without a token, or read-only,
// refuses every write.
#ifndef ANNALS_TOOLS_SERVE_AUTH_H_
#define ANNALS_TOOLS_SERVE_AUTH_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace annals::serve {

// Whether `given` equals `expected`, in a time that depends only on the
// length of `expected` (not on where the two first differ, nor on
// `given`'s length).
bool ConstantTimeEquals(std::string_view given, std::string_view expected);

// OK when a write with this Authorization header may go ahead;
// PermissionDenied (403) when the server takes no writes (`read_only`, or
// an empty `token`); Unauthenticated (401) when the header is missing, is
// not `Bearer ...`, or carries another token.
absl::Status CheckWrite(std::string_view authorization,
                        const std::string& token, bool read_only);

}  // namespace annals::serve

#endif  // ANNALS_TOOLS_SERVE_AUTH_H_
