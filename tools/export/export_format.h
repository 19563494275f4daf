// Export lines: one claim's fields (export_fields.h) as a TSV line, a CSV
// record or a JSON Lines object, escaped so that the load readers give the
// exact text back.
#ifndef ANNALS_TOOLS_EXPORT_EXPORT_FORMAT_H_
#define ANNALS_TOOLS_EXPORT_EXPORT_FORMAT_H_

#include <string>
#include <string_view>

#include "tools/export/export_fields.h"

namespace annals::exporter {

// True when `text` holds a tab, line feed or carriage return, which a plain
// TSV field cannot hold.
bool NeedsTsvEscapes(std::string_view text);

// The TSV header line (with "\n"): the column names of kFieldNames.
std::string TsvHeader();

// Fields joined by tabs, with "\n". With `escape`, each `\`, tab, line feed
// and carriage return is written `\\`, `\t`, `\n`, `\r` (the file then
// starts with `#escapes=backslash`); without, fields are written as they
// are.
std::string TsvLine(const ExportFields& fields, bool escape);

// The CSV header record (with "\r\n"): the column names of kFieldNames.
std::string CsvHeader();

// An RFC 4180 record: fields joined by commas, ending in "\r\n" (CRLF, as
// the RFC says; readers take LF too). A field holding a comma, double quote,
// line feed or carriage return is written in double quotes, each double
// quote doubled; the others as they are.
std::string CsvLine(const ExportFields& fields);

// {"subject":"...","predicate":"...",...} with "\n": subject, predicate,
// object and every other non-empty field as a JSON string, except
// confidence, a JSON number.
std::string JsonLine(const ExportFields& fields);

}  // namespace annals::exporter

#endif  // ANNALS_TOOLS_EXPORT_EXPORT_FORMAT_H_
