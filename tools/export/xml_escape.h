// XML 1.0 text for GraphML exports: character data and attribute values that
// any conforming parser reads back as the original text, where XML can hold
// it at all.
#ifndef ANNALS_TOOLS_EXPORT_XML_ESCAPE_H_
#define ANNALS_TOOLS_EXPORT_XML_ESCAPE_H_

#include <string>
#include <string_view>

namespace annals::exporter {

// Appends `text` to *out, escaped for use both as element content and inside
// a double- or single-quoted attribute value: `&` `<` `>` `"` `'` as
// &amp; &lt; &gt; &quot; &apos;, and tab, line feed and carriage return as
// &#9; &#10; &#13; (so that neither attribute-value normalisation nor
// line-end normalisation changes them). Other characters are copied as UTF-8.
// What XML 1.0 cannot carry at all, even as a character reference (the other
// control characters below U+0020, U+FFFE, U+FFFF) and bytes that are not
// valid UTF-8 become U+FFFD, one per character or invalid byte. Returns
// true when something was replaced.
bool AppendXmlEscaped(std::string_view text, std::string* out);

// AppendXmlEscaped into a new string.
std::string XmlEscaped(std::string_view text);

}  // namespace annals::exporter

#endif  // ANNALS_TOOLS_EXPORT_XML_ESCAPE_H_
