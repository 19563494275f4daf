// The fields of one claim as `annals load` reads them back: the text of each
// load column (docs/loading.md), and the object_type an object
// needs when the loader would not infer its kind from the text alone (a
// string, a date, a boolean, an entity named `56` or `2025-09-02`). Empty
// text stands for an empty field (an open end, no
// source, confidence 1).
#ifndef ANNALS_TOOLS_EXPORT_EXPORT_FIELDS_H_
#define ANNALS_TOOLS_EXPORT_EXPORT_FIELDS_H_

#include <array>
#include <string>
#include <string_view>

#include "annals/claim.h"
#include "annals/value.h"

namespace annals::exporter {

// The exported columns, in the order export files write them.
inline constexpr int kFieldCount = 10;
inline constexpr std::array<std::string_view, kFieldCount> kFieldNames = {
    "subject",  "predicate",   "object", "object_type", "valid_from",
    "valid_to", "recorded_at", "source", "by",          "confidence"};

inline constexpr int kRecordedAtField = 6;
inline constexpr int kConfidenceField = 9;

using ExportFields = std::array<std::string, kFieldCount>;

// The kind the loader gives an object field without an object_type: the
// same rule as load/row_decoder.cc (an entity unless the text starts like a
// literal, then Value::Infer).
Value InferredObject(std::string_view text);

// True for a string loaded from RDF with a language or datatype (a tagged
// string: Value::TaggedString).
bool IsTaggedString(const Value& value);

// `value` as a load field: its text and, when InferredObject(text) would not
// give it back or the text is blank (the empty string), its kind name for
// object_type. A tagged string is its RDF literal, `"chat"@fr` or
// `"5"^^<http://www.w3.org/2001/XMLSchema#byte>` (N-Triples escapes), with
// object_type `literal`.
void ObjectField(const Value& value, std::string* text,
                 std::string* object_type);

// Every field of `claim`.
ExportFields FieldsOf(const Claim& claim);

// Shortest text that parses back to exactly `d` (`0.9`, `0.123456789`).
std::string ShortestDouble(double d);

}  // namespace annals::exporter

#endif  // ANNALS_TOOLS_EXPORT_EXPORT_FIELDS_H_
