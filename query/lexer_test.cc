// Tests of the lexer: every token kind, positions, and every error with its
// exact position, source line and caret.
#include "query/lexer.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "gtest/gtest.h"

namespace annals::query {
namespace {

std::vector<Token> Lex(std::string_view text) {
  absl::StatusOr<std::vector<Token>> tokens = Tokenize(text);
  EXPECT_TRUE(tokens.ok()) << tokens.status();
  return tokens.ok() ? *std::move(tokens) : std::vector<Token>{};
}

// The tokens as "kind:text" (keywords by name, punctuation quoted, `<>` as
// '!='), without the final end token.
std::string Show(std::string_view text) {
  std::string out;
  for (const Token& t : Lex(text)) {
    if (t.kind == TokenKind::kEnd) break;
    if (!out.empty()) out += " ";
    switch (t.kind) {
      case TokenKind::kKeyword:
        absl::StrAppend(&out, "kw:", AbslView(KeywordName(t.keyword)));
        break;
      case TokenKind::kIdentifier:
        absl::StrAppend(&out, "id:", t.text);
        break;
      case TokenKind::kQuoted:
        absl::StrAppend(&out, "quoted:", t.text);
        break;
      case TokenKind::kVariable:
        absl::StrAppend(&out, "var:", t.text);
        break;
      case TokenKind::kParameter:
        absl::StrAppend(&out, "param:", t.text);
        break;
      case TokenKind::kClaimId:
        absl::StrAppend(&out, "claim:", t.integer);
        break;
      case TokenKind::kInteger:
        absl::StrAppend(&out, "int:", t.integer);
        break;
      case TokenKind::kDecimal:
        absl::StrAppend(&out, "dec:", t.text);
        break;
      case TokenKind::kTime:
        absl::StrAppend(&out, "time:", t.time.ToString());
        break;
      case TokenKind::kNe:  // != or <>
        out += "'!='";
        break;
      default:  // punctuation
        absl::StrAppend(&out, "'", AbslView(t.source), "'");
    }
  }
  return out;
}

std::string FirstLine(const std::string& message) {
  return message.substr(0, message.find('\n'));
}

std::string Error(std::string_view text) {
  absl::StatusOr<std::vector<Token>> tokens = Tokenize(text);
  if (tokens.ok()) return "OK";
  EXPECT_EQ(tokens.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(tokens.status().message());
}

TEST(LexerTest, KeywordsAreCaseInsensitiveAndKeepTheirSpelling) {
  std::vector<Token> tokens = Lex("find Find FIND fInD");
  ASSERT_EQ(tokens.size(), 5u);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(tokens[i].kind, TokenKind::kKeyword);
    EXPECT_EQ(tokens[i].keyword, Keyword::kFind);
  }
  EXPECT_EQ(tokens[3].source, "fInD");
  EXPECT_EQ(tokens[4].kind, TokenKind::kEnd);
}

TEST(LexerTest, EveryKeywordOfTheTable) {
  for (size_t i = 0; i < kKeywordCount; ++i) {
    const KeywordInfo& k = kKeywordTable[i];
    SCOPED_TRACE(k.name);
    EXPECT_EQ(KeywordName(k.keyword), k.name);
    std::string lower(k.name);
    for (char& c : lower) c = static_cast<char>(c - 'A' + 'a');
    std::vector<Token> tokens = Lex(lower);
    ASSERT_EQ(tokens.size(), 2u);
    if (k.reserved) {
      EXPECT_EQ(tokens[0].kind, TokenKind::kKeyword);
      EXPECT_EQ(tokens[0].keyword, k.keyword);
      EXPECT_FALSE(IsBareName(lower));
    } else {  // contextual: an identifier the parser recognises in place
      EXPECT_EQ(tokens[0].kind, TokenKind::kIdentifier);
      EXPECT_EQ(tokens[0].text, lower);
      EXPECT_TRUE(IsBareName(lower));
    }
  }
  EXPECT_EQ(FindKeyword("Overlaps")->keyword, Keyword::kOverlaps);
  EXPECT_EQ(FindKeyword("gazprom"), nullptr);
}

TEST(LexerTest, Identifiers) {
  EXPECT_EQ(Show("Gazprom gas_flow_bcm _x x1 PoS2"),
            "id:Gazprom id:gas_flow_bcm id:_x id:x1 id:PoS2");
  EXPECT_EQ(Show("Müller Москва 北京 Ελλάδα"),
            "id:Müller id:Москва id:北京 id:Ελλάδα");
  EXPECT_EQ(Show("wherever finding"), "id:wherever id:finding");
}

TEST(LexerTest, QuotedTextAndEscapes) {
  EXPECT_EQ(Show(R"("Power of Siberia 2")"), "quoted:Power of Siberia 2");
  std::vector<Token> tokens = Lex(R"("a\"b\\c\nd\te\rf" "" "\u00e9\u4E2D")");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].text, "a\"b\\c\nd\te\rf");
  EXPECT_EQ(tokens[0].source, R"("a\"b\\c\nd\te\rf")");
  EXPECT_EQ(tokens[1].kind, TokenKind::kQuoted);
  EXPECT_EQ(tokens[1].text, "");
  EXPECT_EQ(tokens[2].text, "é中");
  EXPECT_EQ(Lex(R"("\uD83D\uDE00")")[0].text, "\xF0\x9F\x98\x80");
  EXPECT_EQ(Lex("\"tab\there é\"")[0].text, "tab\there é");
}

TEST(LexerTest, VariablesParametersClaimIds) {
  EXPECT_EQ(Show("?x ?who2 ?c: $name $1 #c42 #C7"),
            "var:x var:who2 var:c ':' param:name param:1 claim:42 claim:7");
  EXPECT_EQ(Show("?c:?x"), "var:c ':' var:x");
  EXPECT_EQ(Show("?страна"), "var:страна");
  EXPECT_EQ(Show("#c9223372036854775807"), "claim:9223372036854775807");
}

TEST(LexerTest, Numbers) {
  EXPECT_EQ(Show("56 -3 0 007 0.5 -1.25 56 bcm/yr"),
            "int:56 int:-3 int:0 int:7 dec:0.5 dec:-1.25 int:56 id:bcm '/' "
            "id:yr");
  EXPECT_EQ(Show("9223372036854775807 -9223372036854775808"),
            "int:9223372036854775807 int:-9223372036854775808");
  EXPECT_EQ(Show("5. 5.x"), "int:5 '.' int:5 '.' id:x");
  std::vector<Token> tokens = Lex("-1.50");
  EXPECT_EQ(tokens[0].text, "-1.50");
  EXPECT_EQ(tokens[0].source, "-1.50");
}

TEST(LexerTest, TimesAndBareYears) {
  EXPECT_EQ(Show("2025 2025-09 2025-09-02 2025-09-02T10:00:00Z"),
            "int:2025 time:2025-09 time:2025-09-02 time:2025-09-02T10:00:00Z");
  EXPECT_EQ(Show("2025-09-02T12:00:00+02:00 2025-09-02T10:00:00"),
            "time:2025-09-02T10:00:00Z time:2025-09-02T10:00:00Z");
  EXPECT_EQ(Show("-0431-03 -431"), "time:-0431-03 int:-431");
  std::vector<Token> tokens = Lex("2025-09-02)");
  EXPECT_EQ(tokens[0].text, "2025-09-02");
  EXPECT_EQ(tokens[0].time.precision, Precision::kDay);
  EXPECT_EQ(tokens[1].kind, TokenKind::kRParen);
  EXPECT_EQ(Show("2025-09-02--comment"), "time:2025-09-02");
}

TEST(LexerTest, Punctuation) {
  EXPECT_EQ(Show("( ) { } , . ; : * / = != <> < <= > >="),
            "'(' ')' '{' '}' ',' '.' ';' ':' '*' '/' '=' '!=' '!=' '<' '<=' "
            "'>' '>='");
  EXPECT_EQ(Show("?x>=3"), "var:x '>=' int:3");
  EXPECT_EQ(Show("count(*)"), "id:count '(' '*' ')'");
}

TEST(LexerTest, SpaceAndComments) {
  EXPECT_EQ(Show("FIND -- a comment: ?x \"unterminated\n?y -- to the end"),
            "kw:FIND var:y");
  EXPECT_EQ(Show("\xEF\xBB\xBF"
                 "FIND\xC2\xA0?x\xE3\x80\x80?y"),
            "kw:FIND var:x var:y");  // BOM, no-break and ideographic spaces
  EXPECT_EQ(Show("  \t\r\n "), "");
  EXPECT_EQ(Show("-- only a comment"), "");
}

TEST(LexerTest, PositionsAreLineAndByteColumn) {
  std::vector<Token> tokens = Lex("FIND ?x\n  WHERE \"é\" x\r\n\tGazprom");
  ASSERT_EQ(tokens.size(), 7u);
  EXPECT_EQ(tokens[0].pos, (SourcePos{1, 1, 0}));
  EXPECT_EQ(tokens[1].pos, (SourcePos{1, 6, 5}));
  EXPECT_EQ(tokens[2].pos, (SourcePos{2, 3, 10}));
  EXPECT_EQ(tokens[3].pos, (SourcePos{2, 9, 16}));
  EXPECT_EQ(tokens[4].pos, (SourcePos{2, 14, 21}));  // é is two bytes
  EXPECT_EQ(tokens[5].pos, (SourcePos{3, 2, 25}));
  // The end sits right after the last token, not on a trailing line.
  EXPECT_EQ(tokens[6].kind, TokenKind::kEnd);
  EXPECT_EQ(tokens[6].pos, (SourcePos{3, 9, 32}));
  std::vector<Token> trailing = Lex("FIND\n\n");
  EXPECT_EQ(trailing[1].pos, (SourcePos{1, 5, 4}));
  EXPECT_EQ(Lex("")[0].pos, (SourcePos{1, 1, 0}));
}

TEST(LexerTest, NextKeepsReturningEnd) {
  Lexer lexer("x");
  EXPECT_EQ(lexer.Next()->kind, TokenKind::kIdentifier);
  EXPECT_EQ(lexer.Next()->kind, TokenKind::kEnd);
  EXPECT_EQ(lexer.Next()->kind, TokenKind::kEnd);
}

TEST(LexerTest, UnterminatedStrings) {
  EXPECT_EQ(Error("FIND \"Power of"),
            "line 1, column 6: unterminated string\n"
            "  FIND \"Power of\n"
            "       ^");
  EXPECT_EQ(Error("FIND ?x\nWHERE \"Power\nof\""),
            "line 2, column 7: unterminated string (quoted text ends on the "
            "line it starts; write \\n for a line break)\n"
            "  WHERE \"Power\n"
            "        ^");
  EXPECT_EQ(Error("\"ends in a backslash\\"),
            "line 1, column 1: unterminated string\n"
            "  \"ends in a backslash\\\n"
            "  ^");
}

TEST(LexerTest, InvalidUtf8) {
  EXPECT_EQ(Error("FIND \xFF"),
            "line 1, column 6: invalid UTF-8 (byte 0xFF)\n"
            "  FIND ?\n"
            "       ^");
  EXPECT_EQ(Error("x \"ab\xC3\""),
            "line 1, column 6: invalid UTF-8 (byte 0xC3)\n"
            "  x \"ab?\"\n"
            "       ^");
  EXPECT_EQ(Error("x -- comment \xE2\x82\n"),
            "line 1, column 14: invalid UTF-8 (byte 0xE2)\n"
            "  x -- comment ??\n"
            "               ^");
  EXPECT_EQ(Error("Gazpr\xC3"),
            "line 1, column 6: invalid UTF-8 (byte 0xC3)\n"
            "  Gazpr?\n"
            "       ^");
  // Overlong encoding of '/', and an encoded surrogate.
  EXPECT_EQ(FirstLine(Error("\xC0\xAF")),
            "line 1, column 1: invalid UTF-8 (byte 0xC0)");
  EXPECT_EQ(FirstLine(Error("\xED\xA0\x80")),
            "line 1, column 1: invalid UTF-8 (byte 0xED)");
}

TEST(LexerTest, UnexpectedCharacters) {
  EXPECT_EQ(Error("FIND ?x & ?y"),
            "line 1, column 9: unexpected character '&'\n"
            "  FIND ?x & ?y\n"
            "          ^");
  EXPECT_EQ(Error("SOURCE 'seed'"),
            "line 1, column 8: unexpected character \"'\": quote names and "
            "strings with double quotes (\"...\")\n"
            "  SOURCE 'seed'\n"
            "         ^");
  EXPECT_EQ(Error("x “Power”"),
            "line 1, column 3: unexpected character '“' (U+201C): quote names "
            "and strings with straight double quotes (\"...\")\n"
            "  x “Power”\n"
            "    ^");
  EXPECT_EQ(Error("?x ! ?y"),
            "line 1, column 4: unexpected character '!'; did you mean '!='?\n"
            "  ?x ! ?y\n"
            "     ^");
  EXPECT_EQ(Error("é → x"),
            "line 1, column 4: unexpected character '→' (U+2192)\n"
            "  é → x\n"
            "    ^");  // the caret counts characters, not bytes
  EXPECT_EQ(Error("a\x01"),
            "line 1, column 2: unexpected character U+0001\n"
            "  a?\n"
            "   ^");
  EXPECT_EQ(Error("x - 5"),
            "line 1, column 3: unexpected character '-'\n"
            "  x - 5\n"
            "    ^");
}

TEST(LexerTest, NumberErrors) {
  EXPECT_EQ(Error("LIMIT 9223372036854775808"),
            "line 1, column 7: integer out of range: '9223372036854775808' "
            "(integers are 64-bit: at most 9223372036854775807)\n"
            "  LIMIT 9223372036854775808\n"
            "        ^");
  EXPECT_EQ(FirstLine(Error("x 99999999999999999999999999999999999999")),
            "line 1, column 3: integer out of range: "
            "'99999999999999999999999999999999999999' (integers are 64-bit: "
            "at most 9223372036854775807)");
  EXPECT_EQ(FirstLine(Error("-9223372036854775809")),
            "line 1, column 1: integer out of range: '-9223372036854775809' "
            "(integers are 64-bit: at most 9223372036854775807)");
  EXPECT_EQ(Error("?x flow 56bcm"),
            "line 1, column 9: invalid number '56bcm': put a space between a "
            "number and its unit, and quote names that start with a digit\n"
            "  ?x flow 56bcm\n"
            "          ^");
  EXPECT_EQ(Error("AT 2025-13-01"),
            "line 1, column 4: invalid time '2025-13-01': month out of range "
            "(expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)\n"
            "  AT 2025-13-01\n"
            "     ^");
  EXPECT_EQ(FirstLine(Error("AT 2025-02-30")),
            "line 1, column 4: invalid time '2025-02-30': no such day "
            "(expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)");
  EXPECT_EQ(FirstLine(Error("AT 2025-09-02T10:00")),
            "line 1, column 4: invalid time '2025-09-02T10:00': expected "
            "Thh:mm:ss after the day (expected YYYY, YYYY-MM, YYYY-MM-DD or "
            "YYYY-MM-DDThh:mm:ssZ)");
}

TEST(LexerTest, DatesOtherToolsWrite) {
  EXPECT_EQ(Error("AT 09/02/2025"),
            "line 1, column 4: dates are written YYYY-MM-DD (2025-09-02); "
            "'09/02/2025' is not a date\n"
            "  AT 09/02/2025\n"
            "     ^");
  EXPECT_EQ(FirstLine(Error("AT 2.9.2025")),
            "line 1, column 4: dates are written YYYY-MM-DD (2025-09-02); "
            "'2.9.2025' is not a date");
  EXPECT_EQ(FirstLine(Error("x\n  AS OF 1/2")),
            "line 2, column 9: dates are written YYYY-MM-DD (2025-09-02); "
            "'1/2' is not a date");
  // A decimal and a unit with a slash are no dates.
  EXPECT_EQ(Error("?x flow 2.5 bcm/yr"), "OK");
}

TEST(LexerTest, YearsHaveFourDigitsUnlessSigned) {
  EXPECT_EQ(FirstLine(Error("AT 225-09-02")),
            "line 1, column 4: a year is written with four digits "
            "(0225-09-02), or signed (+225-09-02)");
  EXPECT_EQ(FirstLine(Error("AT 25-09")),
            "line 1, column 4: a year is written with four digits (0025-09), "
            "or signed (+25-09)");
  for (const char* ok : {"AT 0225-09-02", "AT +225-09-02", "AT -0044-03-15",
                         "AT -44-03", "AT 12025-01-01"}) {
    EXPECT_EQ(Error(ok), "OK") << ok;
  }
  std::vector<Token> tokens = Lex("AT +225-09-02");
  ASSERT_GE(tokens.size(), 2u);
  EXPECT_EQ(tokens[1].kind, TokenKind::kTime);
  EXPECT_EQ(tokens[1].time.ToString(), "0225-09-02");
}

TEST(LexerTest, EscapeErrors) {
  EXPECT_EQ(Error(R"("a\qb")"),
            "line 1, column 3: unknown escape '\\q' (use \\\", \\\\, \\n, \\t, "
            "\\r or \\uXXXX)\n"
            "  \"a\\qb\"\n"
            "    ^");
  EXPECT_EQ(FirstLine(Error(R"("\u12")")),
            "line 1, column 2: \\u must be followed by four hex digits");
  EXPECT_EQ(FirstLine(Error(R"("\uD800x")")),
            "line 1, column 2: \\uD800 must be followed by the second half of "
            "its surrogate pair (\\uDC00 to \\uDFFF)");
  EXPECT_EQ(FirstLine(Error(R"("\uDC00")")),
            "line 1, column 2: \\uDC00 is the second half of a surrogate pair "
            "without the first");
  EXPECT_EQ(FirstLine(Error(R"("\u0000")")),
            "line 1, column 2: \\u0000 is not allowed");
  EXPECT_EQ(FirstLine(Error("\"a\x01\"")),
            "line 1, column 3: control character U+0001 in quoted text; write "
            "it as \\u0001");
}

TEST(LexerTest, SigilAndClaimIdErrors) {
  EXPECT_EQ(Error("FIND ? WHERE"),
            "line 1, column 6: expected a variable name after '?'\n"
            "  FIND ? WHERE\n"
            "       ^");
  EXPECT_EQ(FirstLine(Error("$ x")),
            "line 1, column 1: expected a parameter name after '$'");
  EXPECT_EQ(Error("RETRACT #42"),
            "line 1, column 9: expected a claim id such as #c42\n"
            "  RETRACT #42\n"
            "          ^");
  EXPECT_EQ(FirstLine(Error("#c")),
            "line 1, column 1: expected a claim id such as #c42");
  EXPECT_EQ(FirstLine(Error("#c42x")),
            "line 1, column 1: invalid claim id '#c42x'");
  EXPECT_EQ(
      FirstLine(Error("#c99999999999999999999")),
      "line 1, column 1: claim id out of range: '#c99999999999999999999'");
}

TEST(LexerTest, LongLinesAreShownAroundTheColumn) {
  std::string line = std::string(200, 'a') + " & " + std::string(200, 'b');
  std::string error = Error(line);
  // 60 characters before the caret, 100 in all, cut marks on both sides.
  std::string shown =
      "..." + std::string(59, 'a') + " & " + std::string(38, 'b') + "...";
  EXPECT_EQ(error, "line 1, column 202: unexpected character '&'\n  " + shown +
                       "\n  " + std::string(63, ' ') + "^");
}

TEST(LexerTest, IsBareName) {
  EXPECT_TRUE(IsBareName("Gazprom"));
  EXPECT_TRUE(IsBareName("gas_flow_bcm"));
  EXPECT_TRUE(IsBareName("Müller"));
  EXPECT_TRUE(IsBareName("overlaps"));  // contextual keyword
  EXPECT_FALSE(IsBareName("where"));
  EXPECT_FALSE(IsBareName(""));
  EXPECT_FALSE(IsBareName("Power of Siberia 2"));
  EXPECT_FALSE(IsBareName("3M"));
  EXPECT_FALSE(IsBareName("seed-article"));
  EXPECT_FALSE(IsBareName("a\xFF"));
}

}  // namespace
}  // namespace annals::query
