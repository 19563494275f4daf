// Tests of common/utf8.h: decoding and encoding every length, what strict
// UTF-8 refuses, the first invalid byte (past the 16-byte ASCII steps), and
// cuts that keep characters whole.
#include "common/utf8.h"

#include <string>

#include "gtest/gtest.h"

namespace annals {
namespace {

using std::string_literals::operator""s;

TEST(Utf8Test, DecodesEveryLength) {
  const std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";  // a é € 😀
  uint32_t cp = 0;
  EXPECT_EQ(DecodeUtf8(s, 0, &cp), 1u);
  EXPECT_EQ(cp, 'a');
  EXPECT_EQ(DecodeUtf8(s, 1, &cp), 2u);
  EXPECT_EQ(cp, 0xE9u);
  EXPECT_EQ(DecodeUtf8(s, 3, &cp), 3u);
  EXPECT_EQ(cp, 0x20ACu);
  EXPECT_EQ(DecodeUtf8(s, 6, &cp), 4u);
  EXPECT_EQ(cp, 0x1F600u);
  EXPECT_EQ(DecodeUtf8("\xF4\x8F\xBF\xBF", 0, &cp), 4u);
  EXPECT_EQ(cp, 0x10FFFFu);
}

TEST(Utf8Test, DecodeRefusesWhatIsNotStrictUtf8) {
  for (const std::string& bad : {
           "\x80"s,              // stray continuation
           "\xC3"s,              // truncated
           "\xC3("s,             // cut short
           "\xC0\xAF"s,          // overlong 2-byte
           "\xC1\x81"s,          // overlong 2-byte
           "\xE0\x9F\xBF"s,      // overlong 3-byte
           "\xF0\x8F\xBF\xBF"s,  // overlong 4-byte
           "\xED\xA0\x80"s,      // surrogate
           "\xF4\x90\x80\x80"s,  // above U+10FFFF
           "\xF5\x80\x80\x80"s,  // no such lead byte
           "\xE2\x82x"s,         // bad continuation
       }) {
    uint32_t cp = 77;
    EXPECT_EQ(DecodeUtf8(bad, 0, &cp), 0u) << bad.size();
    EXPECT_EQ(cp, 77u);
  }
}

TEST(Utf8Test, EncodesWhatDecodes) {
  for (uint32_t cp : {0x0u, 0x41u, 0x7Fu, 0x80u, 0x7FFu, 0x800u, 0xD7FFu,
                      0xE000u, 0xFFFFu, 0x10000u, 0x1F600u, 0x10FFFFu}) {
    std::string s = "x";
    AppendUtf8(cp, &s);
    char buf[4];
    EXPECT_EQ(std::string(buf, EncodeUtf8(cp, buf)), s.substr(1));
    uint32_t back = 0;
    ASSERT_EQ(DecodeUtf8(s, 1, &back), s.size() - 1) << cp;
    EXPECT_EQ(back, cp);
  }
  std::string s;
  AppendUtf8(0x20AC, &s);
  EXPECT_EQ(s, "\xE2\x82\xAC");
}

TEST(Utf8Test, FindInvalidUtf8) {
  EXPECT_EQ(FindInvalidUtf8(""), 0u);
  EXPECT_EQ(FindInvalidUtf8("plain ascii text that is long enough"), 36u);
  EXPECT_EQ(
      FindInvalidUtf8("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF"),
      13u);                                              // é € 😀 U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("ab\xC3"), 2u);              // truncated
  EXPECT_EQ(FindInvalidUtf8("ab\xC1\x81"), 2u);          // overlong 2-byte
  EXPECT_EQ(FindInvalidUtf8("ab\xE0\x9F\xBF"), 2u);      // overlong 3-byte
  EXPECT_EQ(FindInvalidUtf8("ab\xF0\x8F\xBF\xBF"), 2u);  // overlong 4-byte
  EXPECT_EQ(FindInvalidUtf8("ab\xED\xBF\xBF"), 2u);      // surrogate
  EXPECT_EQ(FindInvalidUtf8("ab\xF4\x90\x80\x80"), 2u);  // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("ab\xE2\x82x"), 2u);         // bad continuation
  EXPECT_EQ(FindInvalidUtf8(std::string(100, 'a') + "\xBF"), 100u);
  // After characters, inside and after the ASCII steps.
  EXPECT_EQ(FindInvalidUtf8(std::string(20, 'a') + "\xC3\xA9" +
                            std::string(40, 'b') + "\xFF"),
            62u);
}

TEST(Utf8Test, IsValidUtf8) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("Газпром 天然气 🚀"));
  EXPECT_FALSE(IsValidUtf8("\xC3("));             // cut short
  EXPECT_FALSE(IsValidUtf8("\x80"));              // stray continuation
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xE2\x82"));          // truncated at the end
}

TEST(Utf8Test, CutsKeepCharactersWhole) {
  EXPECT_FALSE(IsUtf8Continuation('a'));
  EXPECT_FALSE(IsUtf8Continuation('\xC3'));
  EXPECT_TRUE(IsUtf8Continuation('\xA9'));
  const std::string s =
      "ab\xE2\x82\xAC"
      "c";  // ab€c
  EXPECT_EQ(Utf8CutPoint(s, 0), 0u);
  EXPECT_EQ(Utf8CutPoint(s, 2), 2u);
  EXPECT_EQ(Utf8CutPoint(s, 3), 2u);
  EXPECT_EQ(Utf8CutPoint(s, 4), 2u);
  EXPECT_EQ(Utf8CutPoint(s, 5), 5u);
  EXPECT_EQ(Utf8CutPoint(s, 6), 6u);
  EXPECT_EQ(Utf8CutPoint(s, 100), 6u);
}

}  // namespace
}  // namespace annals
