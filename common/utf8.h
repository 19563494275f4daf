// UTF-8 as Annals reads and writes it everywhere: strict (no overlong forms,
// no surrogates, nothing above U+10FFFF). Decoding and encoding one code
// point, finding the first invalid byte (fast on ASCII), and cutting text
// without splitting a character.
#ifndef ANNALS_COMMON_UTF8_H_
#define ANNALS_COMMON_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace annals {

// Decodes the character starting at s[i] into *cp and returns its length in
// bytes (1 to 4), or 0, leaving *cp alone, if the bytes there are not valid
// UTF-8. REQUIRES: i < s.size().
inline size_t DecodeUtf8(std::string_view s, size_t i, uint32_t* cp) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const unsigned char c = p[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t len;
  uint32_t v;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    v = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    v = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    v = c & 0x07;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;  // continuation byte, overlong lead C0/C1, or F5..FF
  }
  if (s.size() - i < len || p[1] < lo || p[1] > hi) return 0;
  v = (v << 6) | (p[1] & 0x3F);
  for (size_t k = 2; k < len; ++k) {
    if ((p[k] & 0xC0) != 0x80) return 0;
    v = (v << 6) | (p[k] & 0x3F);
  }
  *cp = v;
  return len;
}

// Writes the UTF-8 encoding of `cp` (not a surrogate, at most U+10FFFF) at
// `out`, which has room for 4 bytes; returns the end of what it wrote.
char* EncodeUtf8(uint32_t cp, char* out);

// Appends the UTF-8 encoding of `cp` (as EncodeUtf8) to `out`.
void AppendUtf8(uint32_t cp, std::string* out);

// Offset of the first byte of the first invalid UTF-8 sequence in `s`, or
// s.size() when all of `s` is valid. Runs of ASCII go 16 bytes a step.
size_t FindInvalidUtf8(std::string_view s);

inline bool IsValidUtf8(std::string_view s) {
  return FindInvalidUtf8(s) == s.size();
}

// True for a continuation byte (10xxxxxx), which does not start a character.
inline bool IsUtf8Continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The largest n <= max_bytes at which `s` can be cut without splitting a
// character: s.substr(0, n) ends on a whole one. s.size() when `s` is no
// longer than max_bytes.
size_t Utf8CutPoint(std::string_view s, size_t max_bytes);

}  // namespace annals

#endif  // ANNALS_COMMON_UTF8_H_
