// The write check of `annals serve` (auth.h).
#include "tools/serve/auth.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace annals::serve {

bool ConstantTimeEquals(std::string_view given, std::string_view expected) {
  // Every byte of `expected` is compared with a byte of `given` (cycling
  // through it, or 0 when it is empty), and a length difference is folded
  // in: the loop's length is expected.size() whatever `given` is.
  volatile unsigned char diff = given.size() == expected.size() ? 0 : 1;
  for (size_t i = 0; i < expected.size(); ++i) {
    const unsigned char g =
        given.empty() ? 0 : static_cast<unsigned char>(given[i % given.size()]);
    diff = diff | (g ^ static_cast<unsigned char>(expected[i]));
  }
  return diff == 0;
}

absl::Status CheckWrite(std::string_view authorization,
                        const std::string& token, bool read_only) {
  if (read_only) {
    return absl::PermissionDeniedError(
        "the server is read-only (--read-only): writes are refused");
  }
  if (token.empty()) {
    return absl::PermissionDeniedError(
        "the server takes no writes: start it with --token or --token-file "
        "to allow them");
  }
  absl::string_view given = absl::StripAsciiWhitespace(
      absl::string_view(authorization.data(), authorization.size()));
  if (given.empty()) {
    return absl::UnauthenticatedError(
        "a write needs the header `Authorization: Bearer <token>`");
  }
  if (given.size() < 7 ||
      !absl::EqualsIgnoreCase(given.substr(0, 7), "bearer ")) {
    return absl::UnauthenticatedError(
        "the Authorization header must be `Bearer <token>`");
  }
  given.remove_prefix(7);
  given = absl::StripAsciiWhitespace(given);
  if (!ConstantTimeEquals(std::string_view(given.data(), given.size()),
                          token)) {
    return absl::UnauthenticatedError("wrong token");
  }
  return absl::OkStatus();
}

}  // namespace annals::serve
