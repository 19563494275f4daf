// Checks every embedded web file (web_assets.h) against what the explorer's
// Content-Security-Policy allows (web_assets.cc: script-src 'self',
// style-src 'self', no 'unsafe-inline', no 'unsafe-eval'): no inline
// script, style element, style attribute or inline `on...=` handler in any
// HTML or SVG file; no JS module that builds markup from strings
// (innerHTML and kin), evaluates strings, or gives an element a style
// attribute or a string handler (h()/s() keys, setAttribute); no remote
// origin anywhere. The checker itself is tested on files that break each
// rule, so that a file that breaks one can not pass unseen.
#include <cctype>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/serve/web_assets.h"

namespace annals::serve {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)); }

// Is `at` inside a tag (<p ... here ...>) rather than in text?
bool InsideTag(absl::string_view text, size_t at) {
  const size_t open = text.rfind('<', at);
  const size_t close = text.rfind('>', at);
  return open != absl::string_view::npos &&
         (close == absl::string_view::npos || close < open);
}

// Is the word at [start, end) a key of an object literal ({key: or
// , 'key':)? Then *value is where its value starts.
bool IsObjectKey(absl::string_view text, size_t start, size_t end,
                 size_t* value) {
  size_t before = start;
  char quote = 0;
  if (before > 0 && (text[before - 1] == '\'' || text[before - 1] == '"')) {
    quote = text[--before];
  }
  while (before > 0 && IsSpace(text[before - 1])) --before;
  if (before == 0 || (text[before - 1] != '{' && text[before - 1] != ','))
    return false;
  size_t colon = end;
  if (quote != 0) {
    if (colon >= text.size() || text[colon] != quote) return false;
    ++colon;
  }
  while (colon < text.size() && IsSpace(text[colon])) ++colon;
  if (colon >= text.size() || text[colon] != ':') return false;
  *value = colon + 1;
  while (*value < text.size() && IsSpace(text[*value])) ++*value;
  return true;
}

// Each place where the word `word` (whole, or as a prefix when `prefix`)
// starts: {start, end of the word}.
std::vector<std::pair<size_t, size_t>> Words(absl::string_view text,
                                             absl::string_view word,
                                             bool prefix) {
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t at = text.find(word); at != absl::string_view::npos;
       at = text.find(word, at + 1)) {
    if (at > 0 && IsWordChar(text[at - 1])) continue;
    size_t end = at + word.size();
    if (prefix) {
      while (end < text.size() &&
             std::isalpha(static_cast<unsigned char>(text[end]))) {
        ++end;
      }
      if (end == at + word.size()) continue;
    } else if (end < text.size() && IsWordChar(text[end])) {
      continue;
    }
    out.push_back({at, end});
  }
  return out;
}

std::vector<std::string> MarkupProblems(absl::string_view name,
                                        std::string text) {
  std::vector<std::string> problems;
  text = absl::AsciiStrToLower(text);
  // <script ...> must name its file.
  for (size_t at = text.find("<script"); at != std::string::npos;
       at = text.find("<script", at + 1)) {
    const size_t close = text.find('>', at);
    if (!absl::StrContains(text.substr(at, close - at), " src=")) {
      problems.push_back(absl::StrCat(name, ": an inline <script>"));
    }
  }
  if (absl::StrContains(text, "<style")) {
    problems.push_back(absl::StrCat(name, ": a <style> element"));
  }
  for (const auto& [start, end] : Words(text, "style", false)) {
    if (end < text.size() && text[end] == '=' && InsideTag(text, start)) {
      problems.push_back(absl::StrCat(name, ": a style attribute"));
    }
  }
  for (const auto& [start, end] : Words(text, "on", true)) {
    if (start > 0 && IsSpace(text[start - 1]) && end < text.size() &&
        text[end] == '=' && InsideTag(text, start)) {
      problems.push_back(absl::StrCat(name, ": an inline handler ",
                                      text.substr(start, end - start)));
    }
  }
  if (absl::StrContains(text, "javascript:")) {
    problems.push_back(absl::StrCat(name, ": a javascript: URL"));
  }
  return problems;
}

std::vector<std::string> ScriptProblems(absl::string_view name,
                                        absl::string_view text) {
  std::vector<std::string> problems;
  for (absl::string_view sink :
       {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
        "DOMParser", "createContextualFragment", "eval(", "new Function",
        "javascript:"}) {
    if (absl::StrContains(text, sink)) {
      problems.push_back(absl::StrCat(name, ": ", sink));
    }
  }
  for (absl::string_view set :
       {"setAttribute('style'", "setAttribute(\"style\"", "setAttribute('on",
        "setAttribute(\"on"}) {
    if (absl::StrContains(text, set)) {
      problems.push_back(absl::StrCat(name, ": ", set));
    }
  }
  // An attribute key of h()/s(): {style: ...}, {onclick: '...'}.
  size_t value = 0;
  for (const auto& [start, end] : Words(text, "style", false)) {
    if (IsObjectKey(text, start, end, &value)) {
      problems.push_back(absl::StrCat(name, ": a style attribute key"));
    }
  }
  for (const auto& [start, end] : Words(text, "on", true)) {
    if (IsObjectKey(text, start, end, &value) && value < text.size() &&
        (text[value] == '\'' || text[value] == '"' || text[value] == '`')) {
      problems.push_back(absl::StrCat(name, ": a string handler ",
                                      text.substr(start, end - start)));
    }
  }
  return problems;
}

// What in `body` the policy would block, or a remote origin, by file kind.
std::vector<std::string> PolicyProblems(absl::string_view name,
                                        absl::string_view body) {
  // The SVG namespace is a name, not an origin anything is fetched from.
  const std::string text = absl::StrReplaceAll(
      body, {{"http://www.w3.org/2000/svg", "svg-namespace"}});
  std::vector<std::string> problems;
  if (absl::EndsWith(name, ".html") || absl::EndsWith(name, ".svg")) {
    problems = MarkupProblems(name, text);
  } else if (absl::EndsWith(name, ".js")) {
    problems = ScriptProblems(name, text);
  } else if (absl::EndsWith(name, ".css")) {
    if (absl::StrContains(text, "@import")) {
      problems.push_back(absl::StrCat(name, ": @import"));
    }
  } else {
    problems.push_back(
        absl::StrCat(name, ": a kind of file the check does not know"));
  }
  if (absl::StrContains(text, "http://") ||
      absl::StrContains(text, "https://")) {
    problems.push_back(absl::StrCat(name, ": a remote origin"));
  }
  return problems;
}

TEST(WebPolicyTest, EveryEmbeddedFileKeepsToThePolicy) {
  int html = 0;
  int js = 0;
  for (const WebAsset* a = WebAssetsBegin(); a != WebAssetsEnd(); ++a) {
    EXPECT_THAT(PolicyProblems(std::string(a->name), std::string(a->body)),
                IsEmpty())
        << a->name;
    html += absl::EndsWith(std::string(a->name), ".html");
    js += absl::EndsWith(std::string(a->name), ".js");
  }
  EXPECT_GE(html, 1);
  EXPECT_GE(js,
            10);  // app.js, the pages and the modules they build markup with
}

TEST(WebPolicyTest, MarkupThatThePolicyBlocksIsFound) {
  EXPECT_THAT(PolicyProblems("a.html", "<p>ok</p><script>alert(1)</script>"),
              ElementsAre(HasSubstr("inline <script>")));
  EXPECT_THAT(
      PolicyProblems("a.html", R"(<script type="module" src="/assets/a.js">)"),
      IsEmpty());
  EXPECT_THAT(PolicyProblems("a.html", "<STYLE>p{}</STYLE>"),
              ElementsAre(HasSubstr("<style> element")));
  EXPECT_THAT(PolicyProblems("a.html", R"(<p style="color:red">)"),
              ElementsAre(HasSubstr("style attribute")));
  EXPECT_THAT(PolicyProblems("a.html", R"html(<body onload="go()">)html"),
              ElementsAre(HasSubstr("inline handler onload")));
  EXPECT_THAT(
      PolicyProblems("a.svg",
                     R"(<svg xmlns="http://www.w3.org/2000/svg" onclick="x">)"),
      ElementsAre(HasSubstr("inline handler onclick")));
  EXPECT_THAT(PolicyProblems("a.html", R"html(<a href="javascript:go()">)html"),
              ElementsAre(HasSubstr("javascript: URL")));
  EXPECT_THAT(
      PolicyProblems("a.html", R"(<img src="https://cdn.example/x.png">)"),
      ElementsAre(HasSubstr("remote origin")));
  // Words that only look like it are not.
  EXPECT_THAT(
      PolicyProblems("a.html", "<p class=\"lesson\">one=1, stylesheet</p>"),
      IsEmpty());
}

TEST(WebPolicyTest, ScriptsThatBuildBlockedMarkupAreFound) {
  EXPECT_THAT(PolicyProblems("a.js", "node.innerHTML = text;"),
              ElementsAre(HasSubstr("innerHTML")));
  EXPECT_THAT(PolicyProblems("a.js", "el.insertAdjacentHTML('beforeend', x);"),
              ElementsAre(HasSubstr("insertAdjacentHTML")));
  EXPECT_THAT(PolicyProblems("a.js", "const f = new Function(code);"),
              ElementsAre(HasSubstr("new Function")));
  EXPECT_THAT(
      PolicyProblems("a.js", "h('p', {class: 'x', style: 'color: red'}, t)"),
      ElementsAre(HasSubstr("style attribute key")));
  EXPECT_THAT(PolicyProblems("a.js", "s('rect', {'style': w})"),
              ElementsAre(HasSubstr("style attribute key")));
  EXPECT_THAT(PolicyProblems("a.js", "h('a', {onclick: 'go()'})"),
              ElementsAre(HasSubstr("string handler onclick")));
  EXPECT_THAT(PolicyProblems("a.js", "node.setAttribute('style', 'x')"),
              ElementsAre(HasSubstr("setAttribute('style'")));
  EXPECT_THAT(PolicyProblems("a.js", "fetch('https://evil.example/')"),
              ElementsAre(HasSubstr("remote origin")));
  // A handler that is a function, the style property (CSSOM, which the
  // policy allows) and the word in text are fine.
  EXPECT_THAT(
      PolicyProblems("a.js",
                     "h('form', {onsubmit: (e) => go(e)}, 'style: plain');\n"
                     "node.style.width = '3px'; if (key === 'style') {}"),
      IsEmpty());
  EXPECT_THAT(PolicyProblems("a.css", "@import url(x.css);"),
              ElementsAre(HasSubstr("@import")));
  EXPECT_THAT(PolicyProblems("a.wasm", ""),
              ElementsAre(HasSubstr("does not know")));
}

}  // namespace
}  // namespace annals::serve
