// The schema text format, line by line: a tokenizer, one parser per
// declaration, and the checks that need the whole file (types and dimensions
// may be named before they are declared). See schema_parser.h.
#include "schema/schema_parser.h"

#include <cmath>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/absl_view.h"
#include "common/status_macros.h"
#include "common/utf8.h"

namespace annals::schema {

// Fills a Schema; Schema's friend.
class SchemaBuilder {
 public:
  SchemaBuilder(std::string_view text, std::string_view file)
      : text_(text), file_(file) {}
  absl::StatusOr<Schema> Build();

 private:
  enum class Tok { kWord, kString, kColon, kEquals, kEnd };
  struct Token {
    Tok kind = Tok::kEnd;
    std::string text;   // a word, or a string's contents unescaped
    size_t offset = 0;  // in the line
  };
  // A name used before the end of the file, checked when all is read.
  struct Ref {
    std::string name;
    std::string_view line;
    int line_no;
    size_t offset;
  };

  absl::Status Tokenize(std::string_view line, int line_no);
  absl::Status ErrorAt(size_t offset, std::string_view message) const;
  absl::Status ErrorAt(const Ref& ref, std::string_view message) const;
  absl::Status Expected(std::string_view what) const;  // at the current token
  static std::string Describe(const Token& t);

  const Token& Peek() const { return tokens_[pos_]; }
  Token Next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
  bool AtWord(std::string_view w) const {
    return Peek().kind == Tok::kWord && Peek().text == w;
  }
  Ref RefTo(const Token& t) const {
    return {t.text, line_, line_no_, t.offset};
  }
  absl::StatusOr<Token> Name(std::string_view what);
  absl::Status EndOfLine();

  absl::Status ParseType();
  absl::Status ParseUnit();
  absl::Status ParsePredicate();
  absl::Status ParseAlias();
  absl::Status Resolve();

  std::string_view text_;
  std::string_view file_;
  std::string_view line_;
  int line_no_ = 0;
  std::vector<Token> tokens_;
  size_t pos_ = 0;

  Schema schema_;
  std::vector<Ref> type_names_;                 // declared types, in order
  std::vector<std::pair<Ref, Ref>> parents_;    // type, parent
  std::vector<std::pair<Ref, Ref>> ent_types_;  // predicate, entity type
  std::vector<std::pair<Ref, Ref>> dims_;       // predicate, dimension or unit
  std::vector<std::pair<Ref, Ref>> aliases_;    // alias, name
  std::vector<std::pair<Ref, Ref>> inverses_;   // predicate, inverse name
};

namespace {

bool IsBuiltin(std::string_view w) {
  return w == "entity" || w == "string" || w == "integer" || w == "decimal" ||
         w == "boolean" || w == "date" || w == "quantity";
}

bool IsWordChar(char c) {
  return !(c == ' ' || c == '\t' || c == '"' || c == ':' || c == '=' ||
           c == '\r');
}

// Digits, an optional fraction and exponent.
bool LooksNumeric(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (!digits()) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

}  // namespace

std::string SchemaBuilder::Describe(const Token& t) {
  switch (t.kind) {
    case Tok::kWord:
      return absl::StrCat("`", t.text, "`");
    case Tok::kString:
      return absl::StrCat("\"", t.text, "\"");
    case Tok::kColon:
      return "`:`";
    case Tok::kEquals:
      return "`=`";
    case Tok::kEnd:
      break;
  }
  return "the end of the line";
}

absl::Status SchemaBuilder::ErrorAt(size_t offset,
                                    std::string_view message) const {
  return ErrorAt(Ref{"", line_, line_no_, offset}, message);
}

absl::Status SchemaBuilder::ErrorAt(const Ref& ref,
                                    std::string_view message) const {
  // Columns count characters (UTF-8 sequences), from 1.
  int column = 1;
  std::string pad;
  std::string shown;
  for (size_t i = 0; i < ref.line.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(ref.line[i]);
    if (i < ref.offset && !IsUtf8Continuation(ref.line[i])) {
      ++column;
      pad += c == '\t' ? '\t' : ' ';
    }
    shown += (c < 0x20 && c != '\t') || c == 0x7F ? '?' : ref.line[i];
  }
  return absl::InvalidArgumentError(
      absl::StrCat(AbslView(file_), ":", ref.line_no, ":", column, ": ",
                   AbslView(message), "\n  ", shown, "\n  ", pad, "^"));
}

absl::Status SchemaBuilder::Expected(std::string_view what) const {
  return ErrorAt(Peek().offset, absl::StrCat("expected ", AbslView(what),
                                             ", found ", Describe(Peek())));
}

absl::Status SchemaBuilder::Tokenize(std::string_view line, int line_no) {
  line_ = line;
  line_no_ = line_no;
  tokens_.clear();
  pos_ = 0;
  size_t i = 0;
  while (true) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size() || line[i] == '#') break;
    Token t;
    t.offset = i;
    char c = line[i];
    if (c == ':' || c == '=') {
      t.kind = c == ':' ? Tok::kColon : Tok::kEquals;
      ++i;
    } else if (c == '"') {
      t.kind = Tok::kString;
      ++i;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '"') {
          closed = true;
          ++i;
          break;
        }
        if (line[i] == '\\') {
          if (i + 1 < line.size() &&
              (line[i + 1] == '"' || line[i + 1] == '\\')) {
            t.text += line[i + 1];
            i += 2;
            continue;
          }
          return ErrorAt(i, "expected `\\\"` or `\\\\` after a backslash");
        }
        t.text += line[i++];
      }
      if (!closed) return ErrorAt(t.offset, "this string has no closing quote");
    } else if (c == '\r') {
      ++i;
      continue;
    } else {
      t.kind = Tok::kWord;
      size_t start = i;
      while (i < line.size() && IsWordChar(line[i])) ++i;
      t.text = std::string(line.substr(start, i - start));
    }
    tokens_.push_back(std::move(t));
  }
  Token end;
  end.offset = line.size();
  while (end.offset > 0 && line[end.offset - 1] == '\r') --end.offset;
  // The end of the line is where a comment starts, if one does.
  if (i < line.size() && line[i] == '#') end.offset = i;
  tokens_.push_back(end);
  return absl::OkStatus();
}

absl::StatusOr<SchemaBuilder::Token> SchemaBuilder::Name(
    std::string_view what) {
  if (Peek().kind != Tok::kWord && Peek().kind != Tok::kString) {
    return Expected(what);
  }
  if (Peek().text.empty()) return ErrorAt(Peek().offset, "empty name");
  return Next();
}

absl::Status SchemaBuilder::EndOfLine() {
  if (Peek().kind != Tok::kEnd) return Expected("the end of the line");
  return absl::OkStatus();
}

// type NAME [: PARENT] ["description"]
absl::Status SchemaBuilder::ParseType() {
  Token name;
  ANNALS_ASSIGN_OR_RETURN(name, Name("a type name"));
  if (IsBuiltin(name.text)) {
    return ErrorAt(name.offset,
                   absl::StrCat("`", name.text, "` is a built-in value type"));
  }
  if (schema_.types_.count(name.text) != 0) {
    return ErrorAt(name.offset,
                   absl::StrCat("type `", name.text, "` is declared twice"));
  }
  TypeDef def;
  def.name = name.text;
  if (Peek().kind == Tok::kColon) {
    Next();
    Token parent;
    ANNALS_ASSIGN_OR_RETURN(parent, Name("the parent type's name"));
    def.parent = parent.text;
    parents_.push_back({RefTo(name), RefTo(parent)});
  }
  if (Peek().kind == Tok::kString) def.description = Next().text;
  if (Peek().kind != Tok::kEnd) {
    return Expected(def.parent.empty() && def.description.empty()
                        ? "`:` and a parent type, a description or the end "
                          "of the line"
                        : "the end of the line");
  }
  type_names_.push_back(RefTo(name));
  schema_.types_.emplace(def.name, std::move(def));
  return absl::OkStatus();
}

// unit NAME DIMENSION  (the dimension's base unit)
// unit NAME = NUMBER UNIT
absl::Status SchemaBuilder::ParseUnit() {
  Token name;
  ANNALS_ASSIGN_OR_RETURN(name, Name("a unit name"));
  if (schema_.units_.count(name.text) != 0) {
    return ErrorAt(name.offset,
                   absl::StrCat("unit `", name.text, "` is declared twice"));
  }
  UnitDef def;
  def.name = name.text;
  if (Peek().kind == Tok::kEquals) {
    Next();
    if (Peek().kind != Tok::kWord || !LooksNumeric(Peek().text)) {
      return Expected("a number (how many of the other unit one is)");
    }
    Token number = Next();
    double factor = 0;
    if (!absl::SimpleAtod(number.text, &factor) || !std::isfinite(factor) ||
        factor <= 0) {
      return ErrorAt(number.offset,
                     absl::StrCat("the factor ", number.text,
                                  " is not a positive finite number"));
    }
    Token other;
    ANNALS_ASSIGN_OR_RETURN(other, Name("the unit it converts to"));
    const UnitDef* known = schema_.FindUnit(other.text);
    if (known == nullptr) {
      return ErrorAt(other.offset,
                     absl::StrCat("unit `", other.text,
                                  "` is not declared above this line"));
    }
    def.dimension = known->dimension;
    def.factor = factor * known->factor;
  } else {
    Token dimension;
    ANNALS_ASSIGN_OR_RETURN(dimension,
                            Name("a dimension name (a new base unit) or `=`"));
    auto it = schema_.dimensions_.find(dimension.text);
    if (it != schema_.dimensions_.end()) {
      return ErrorAt(dimension.offset,
                     absl::StrCat("dimension `", dimension.text,
                                  "` already has base unit `", it->second,
                                  "`; write `unit ", name.text, " = NUMBER ",
                                  it->second, "`"));
    }
    def.dimension = dimension.text;
    schema_.dimensions_.emplace(dimension.text, name.text);
  }
  ANNALS_RETURN_IF_ERROR(EndOfLine());
  schema_.units_.emplace(def.name, std::move(def));
  return absl::OkStatus();
}

// predicate NAME : VALUE-TYPE [one | many] [inverse NAME] ["description"]
absl::Status SchemaBuilder::ParsePredicate() {
  Token name;
  ANNALS_ASSIGN_OR_RETURN(name, Name("a predicate name"));
  if (schema_.predicates_.count(name.text) != 0) {
    return ErrorAt(name.offset, absl::StrCat("predicate `", name.text,
                                             "` is declared twice"));
  }
  if (Peek().kind != Tok::kColon) return Expected("`:` and the value type");
  Next();
  PredicateDef def;
  def.name = name.text;
  Token type;
  ANNALS_ASSIGN_OR_RETURN(
      type, Name("a value type (entity, string, integer, decimal, "
                 "boolean, date, quantity DIMENSION or a type name)"));
  if (type.kind == Tok::kWord && IsBuiltin(type.text)) {
    if (type.text == "quantity") {
      def.kind = ValueKind::kQuantity;
      Token dimension;
      ANNALS_ASSIGN_OR_RETURN(dimension,
                              Name("the quantity's dimension or unit"));
      dims_.push_back({RefTo(name), RefTo(dimension)});
    } else {
      absl::StatusOr<ValueKind> kind = ParseValueKind(type.text);
      if (!kind.ok())
        return ErrorAt(type.offset, StdView(kind.status().message()));
      def.kind = *kind;
    }
  } else {
    def.kind = ValueKind::kEntity;
    def.entity_type = type.text;
    ent_types_.push_back({RefTo(name), RefTo(type)});
  }
  bool cardinality = false, inverse = false;
  while (Peek().kind == Tok::kWord) {
    Token option = Next();
    if (option.text == "one" || option.text == "many") {
      if (cardinality) {
        return ErrorAt(option.offset, "`one` or `many` is given twice");
      }
      cardinality = true;
      def.one = option.text == "one";
    } else if (option.text == "inverse") {
      if (inverse) return ErrorAt(option.offset, "`inverse` is given twice");
      inverse = true;
      Token inv;
      ANNALS_ASSIGN_OR_RETURN(inv, Name("the inverse predicate's name"));
      def.inverse = inv.text;
      inverses_.push_back({RefTo(name), RefTo(inv)});
    } else {
      pos_--;
      return Expected(
          "`one`, `many`, `inverse`, a description or the end of the line");
    }
  }
  if (Peek().kind == Tok::kString) def.description = Next().text;
  if (Peek().kind != Tok::kEnd) {
    return Expected(def.description.empty()
                        ? "`one`, `many`, `inverse`, a description or the "
                          "end of the line"
                        : "the end of the line");
  }
  schema_.predicates_.emplace(def.name, std::move(def));
  return absl::OkStatus();
}

// alias NAME = NAME
absl::Status SchemaBuilder::ParseAlias() {
  Token alias;
  ANNALS_ASSIGN_OR_RETURN(alias, Name("the alias"));
  if (Peek().kind != Tok::kEquals) {
    return Expected("`=` and the name it stands for");
  }
  Next();
  Token target;
  ANNALS_ASSIGN_OR_RETURN(target, Name("the name the alias stands for"));
  ANNALS_RETURN_IF_ERROR(EndOfLine());
  if (alias.text == target.text) {
    return ErrorAt(target.offset, "an alias cannot stand for itself");
  }
  auto it = schema_.aliases_.find(alias.text);
  if (it != schema_.aliases_.end()) {
    return ErrorAt(alias.offset,
                   absl::StrCat("`", alias.text, "` is already an alias of `",
                                it->second, "`"));
  }
  schema_.aliases_.emplace(alias.text, target.text);
  aliases_.push_back({RefTo(alias), RefTo(target)});
  return absl::OkStatus();
}

absl::Status SchemaBuilder::Resolve() {
  for (const auto& [type, parent] : parents_) {
    if (schema_.types_.count(parent.name) == 0) {
      return ErrorAt(parent,
                     absl::StrCat("type `", parent.name, "` is not declared"));
    }
  }
  // Each type's chain of parents ends at a root.
  for (const Ref& type : type_names_) {
    std::set<std::string_view> seen;
    std::string_view t = type.name;
    while (!t.empty()) {
      if (!seen.insert(t).second) {  // `t` is on a cycle
        for (const auto& [child, parent] : parents_) {
          if (child.name == t) {
            return ErrorAt(parent, absl::StrCat("type `", AbslView(t),
                                                "` would be its own ancestor"));
          }
        }
      }
      t = schema_.types_.find(t)->second.parent;
    }
  }
  for (const auto& [predicate, type] : ent_types_) {
    if (schema_.types_.count(type.name) == 0) {
      return ErrorAt(type, absl::StrCat("type `", type.name,
                                        "` is not declared (a value type is "
                                        "entity, string, integer, decimal, "
                                        "boolean, date, quantity DIMENSION "
                                        "or a declared type)"));
    }
  }
  for (const auto& [predicate, dim] : dims_) {
    std::string dimension = dim.name;
    if (schema_.dimensions_.count(dimension) == 0) {
      const UnitDef* unit = schema_.FindUnit(dimension);
      if (unit == nullptr) {
        return ErrorAt(dim, absl::StrCat("`", dim.name,
                                         "` is neither a dimension nor a "
                                         "unit declared with `unit`"));
      }
      dimension = unit->dimension;
    }
    schema_.predicates_.find(predicate.name)->second.dimension = dimension;
  }
  // An inverse name reads a predicate's claims backwards in queries: it
  // must name nothing else, and the predicate must take entities.
  std::map<std::string_view, std::string_view> inverse_of;
  for (const auto& [predicate, inverse] : inverses_) {
    if (schema_.predicates_.count(inverse.name) > 0) {
      return ErrorAt(inverse, absl::StrCat("`", inverse.name,
                                           "` is declared as a predicate; "
                                           "an inverse needs a name of its "
                                           "own"));
    }
    auto [it, added] = inverse_of.emplace(inverse.name, predicate.name);
    if (!added) {
      return ErrorAt(inverse, absl::StrCat("`", inverse.name,
                                           "` is already the inverse of `",
                                           AbslView(it->second), "`"));
    }
    if (schema_.predicates_.find(predicate.name)->second.kind !=
        ValueKind::kEntity) {
      return ErrorAt(
          inverse,
          absl::StrCat("only a predicate whose values are entities "
                       "has an inverse; `",
                       predicate.name, "` takes ",
                       Schema::Describe(
                           schema_.predicates_.find(predicate.name)->second)));
    }
  }
  for (const auto& [alias, target] : aliases_) {
    auto it = schema_.aliases_.find(target.name);
    if (it != schema_.aliases_.end()) {
      return ErrorAt(
          target,
          absl::StrCat("`", target.name, "` is itself an alias of `",
                       it->second, "`; name `", it->second, "` instead"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<Schema> SchemaBuilder::Build() {
  int line_no = 0;
  size_t start = 0;
  while (start <= text_.size()) {
    size_t end = text_.find('\n', start);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view line = text_.substr(start, end - start);
    ++line_no;
    ANNALS_RETURN_IF_ERROR(Tokenize(line, line_no));
    if (Peek().kind != Tok::kEnd) {
      if (AtWord("type")) {
        Next();
        ANNALS_RETURN_IF_ERROR(ParseType());
      } else if (AtWord("unit")) {
        Next();
        ANNALS_RETURN_IF_ERROR(ParseUnit());
      } else if (AtWord("predicate")) {
        Next();
        ANNALS_RETURN_IF_ERROR(ParsePredicate());
      } else if (AtWord("alias")) {
        Next();
        ANNALS_RETURN_IF_ERROR(ParseAlias());
      } else {
        return Expected("`type`, `unit`, `predicate` or `alias`");
      }
    }
    start = end + 1;
  }
  ANNALS_RETURN_IF_ERROR(Resolve());
  return std::move(schema_);
}

absl::StatusOr<Schema> ParseSchema(std::string_view text,
                                   std::string_view file) {
  return SchemaBuilder(text, file).Build();
}

}  // namespace annals::schema
