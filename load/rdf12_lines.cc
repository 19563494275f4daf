// N-Triples 1.2 reification lines as plain triples; see rdf12_lines.h.
#include "load/rdf12_lines.h"

#include <string_view>

#include "absl/strings/ascii.h"

namespace annals::load {
namespace {

constexpr std::string_view kReifies =
    "<http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies>";

bool Blank(char c) { return c == ' ' || c == '\t'; }

// A blank node label as N-Triples allows it (ASCII only).
bool IsBlankLabel(std::string_view label) {
  if (label.empty() || label.back() == '.') return false;
  const unsigned char first = static_cast<unsigned char>(label[0]);
  if (!absl::ascii_isalnum(first) && first != '_') return false;
  for (char c : label) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (!absl::ascii_isalnum(u) && u != '_' && u != '-' && u != '.' &&
        u < 0x80) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool UnwrapReification(std::string* line, RdfTerm* reifier) {
  std::string_view text(*line);
  size_t end = text.size();
  while (end > 0 && (Blank(text[end - 1]) || text[end - 1] == '\n' ||
                     text[end - 1] == '\r')) {
    --end;
  }
  // ... )>> .
  if (end == 0 || text[end - 1] != '.') return false;
  size_t close = end - 1;
  while (close > 0 && Blank(text[close - 1])) --close;
  if (close < 3 || text.substr(close - 3, 3) != ")>>") return false;
  close -= 3;
  // REIFIER
  size_t pos = 0;
  while (pos < close && Blank(text[pos])) ++pos;
  size_t subject_end = pos;
  while (subject_end < close && !Blank(text[subject_end])) ++subject_end;
  std::string_view subject = text.substr(pos, subject_end - pos);
  RdfTerm term;
  if (subject.size() > 2 && subject.substr(0, 2) == "_:") {
    if (!IsBlankLabel(subject.substr(2))) return false;
    term.kind = RdfTerm::Kind::kBlank;
    term.value = std::string(subject.substr(2));
  } else if (subject.size() > 2 && subject.front() == '<' &&
             subject.back() == '>') {
    std::string_view iri = subject.substr(1, subject.size() - 2);
    if (!IsAbsoluteIri(iri) || iri.find('\\') != std::string_view::npos) {
      return false;
    }
    term.kind = RdfTerm::Kind::kIri;
    term.value = std::string(iri);
  } else {
    return false;
  }
  // rdf:reifies <<(
  pos = subject_end;
  while (pos < close && Blank(text[pos])) ++pos;
  if (text.substr(pos, kReifies.size()) != kReifies) return false;
  pos += kReifies.size();
  if (pos >= close || !Blank(text[pos])) return false;
  while (pos < close && Blank(text[pos])) ++pos;
  if (text.substr(pos, 3) != "<<(") return false;
  const size_t open_end = pos + 3;
  if (open_end > close) return false;
  // Blank out all but S P O and the final dot.
  for (size_t i = 0; i < open_end; ++i) (*line)[i] = ' ';
  for (size_t i = close; i < close + 3; ++i) (*line)[i] = ' ';
  *reifier = std::move(term);
  return true;
}

}  // namespace annals::load
