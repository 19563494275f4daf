// The string escapers, one per format Annals writes: quoted text of the query
// language, JSON strings, TSV fields with backslash escapes and CSV fields.
// Bytes of 0x80 and above (UTF-8) are copied as they are.
#ifndef ANNALS_COMMON_ESCAPE_H_
#define ANNALS_COMMON_ESCAPE_H_

#include <string>
#include <string_view>

namespace annals {

// `text` as quoted text of the query language, which reads it back as
// `text`: in double quotes, with \" \\ \n \t \r, and \uXXXX (upper-case hex)
// for the other control characters and DEL. `"a \"b\""`.
std::string QueryQuoted(std::string_view text);

// `text` as a JSON string: in double quotes, with \" \\ \n \r \t, and \u00xx
// (lower-case hex) for the other control characters and DEL.
std::string JsonString(std::string_view text);

// `text` as a TSV field of a file marked `#escapes=backslash`, which `annals
// load` reads back as `text`: \\ \t \n \r for a backslash, tab, line feed and
// carriage return; nothing else changes.
std::string TsvEscaped(std::string_view text);

// `text` as a CSV field: as it is, or in double quotes with each quote
// doubled when it holds `,`, `"` or a line break.
std::string CsvField(std::string_view text);

}  // namespace annals

#endif  // ANNALS_COMMON_ESCAPE_H_
