// Small helpers shared by the file readers: the "did you mean" suggestion
// for unknown column names, and byte and byte-size text for messages.
#ifndef ANNALS_LOAD_READER_UTIL_H_
#define ANNALS_LOAD_READER_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/string_view.h"
#include "common/absl_view.h"

namespace annals::load {

// "unknown <what> 'valid_form'; did you mean 'valid_from'?", or a list of the
// known column names when none is close.
std::string UnknownColumnMessage(std::string_view what, std::string_view name);

// UnknownColumnMessage for a name found in a file, which, when it is not close
// to a known name, goes on with how to map it: "...; to load 'start' as one of
// them, map it with --columns=start:COLUMN".
std::string UnknownFileColumnMessage(std::string_view what,
                                     std::string_view name);

// What stands at s[i] for "expected X, found Y" messages: "'x'" for
// printable ASCII, "byte 0xC3" otherwise, "end of line" past the end.
std::string DescribeByteAt(std::string_view s, size_t i);

// "64 MiB", "16 KiB" or "1000 bytes".
std::string FormatByteSize(int64_t bytes);

}  // namespace annals::load

#endif  // ANNALS_LOAD_READER_UTIL_H_
